using System.Buffers;
using System.IO.Compression;
using Forensics.Importers.Budget;
using Forensics.Model;
using SharpCompress.Common;
using SharpCompress.Compressors.BZip2;
using SharpCompress.Compressors.Xz;

namespace Forensics.Importers.Detection;

/// <summary>
/// Decompresses while streaming (no temporary copy). A corrupt or truncated compressed stream does not throw:
/// the damage is reported as one <see cref="DiagnosticCatalogue.CorruptCompressedStream"/> diagnostic with
/// the compressed offset, and the stream then ends, so whatever was decompressed before it is still imported.
/// </summary>
public sealed class DecompressionStream : ForwardOnlyReadStream
{
    private readonly Stream _compressed;
    private readonly CompressionFormat _format;
    private readonly DiagnosticBag _diagnostics;
    private TailRecordingStream? _gzipInput;
    private Stream? _decompressor;
    private long _position;
    private bool _failed;

    private DecompressionStream(Stream compressed, CompressionFormat format, DiagnosticBag diagnostics)
    {
        _compressed = compressed;
        _format = format;
        _diagnostics = diagnostics;
    }

    /// <summary>
    /// Frees what decoders keep between inputs to start the next one faster (an xz dictionary of up to 64 MiB a
    /// core): for when no more compressed input is coming, such as at the end of a batch's import.
    /// </summary>
    public static void ReleaseIdleDecoders() => NativeXzStream.ReleaseIdle();

    /// <summary>
    /// Opens a decompressing view of <paramref name="compressed"/> (left open on dispose). Problems go to
    /// <paramref name="diagnostics"/>.
    /// </summary>
    public static DecompressionStream Open(Stream compressed, CompressionFormat format, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(compressed);
        ArgumentNullException.ThrowIfNull(diagnostics);
        if (format == CompressionFormat.None)
            throw new ArgumentOutOfRangeException(nameof(format), "No compression to open.");
        var stream = new DecompressionStream(compressed, format, diagnostics);
        try
        {
            stream._decompressor = stream.CreateDecompressor();
        }
        catch (Exception exception) when (IsDamagedInput(exception))
        {
            stream.ReportDamage(exception);
        }
        return stream;
    }

    /// <summary>True when the compressed stream turned out to be damaged.</summary>
    public bool Failed => _failed;

    /// <summary>Bytes decompressed so far.</summary>
    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    public override int Read(Span<byte> buffer)
    {
        if (_failed || _decompressor is null || buffer.IsEmpty)
            return 0;
        try
        {
            var read = _decompressor.Read(buffer);
            _position += read;
            if (read == 0 && _gzipInput is not null)
                CheckGzipTrailer(_gzipInput);
            return read;
        }
        catch (Exception exception) when (IsDamagedInput(exception))
        {
            ReportDamage(exception);
            return 0;
        }
    }

    /// <summary>
    /// Reads what is left, so that the stream's end is verified (CRCs, sizes, index and footer) also when the
    /// importer stopped reading early or never began; returns whether the stream ended whole.
    /// </summary>
    public bool ReadToEnd(ReadBudget budget)
    {
        ArgumentNullException.ThrowIfNull(budget);
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
        try
        {
            while (Read(buffer) > 0)
                budget.CheckAtOffset((ulong)_position);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        return !_failed;
    }

    private Stream CreateDecompressor() => _format switch
    {
        CompressionFormat.Gzip => new GZipStream(_gzipInput = new TailRecordingStream(_compressed), CompressionMode.Decompress),
        CompressionFormat.Xz => NativeXzStream.IsAvailable ? new NativeXzStream(_compressed) : new XZStream(_compressed),
        CompressionFormat.Zstd => NativeZstdStream.IsAvailable ? new NativeZstdStream(_compressed) : new ZstdSharp.DecompressionStream(_compressed, leaveOpen: true),
        CompressionFormat.Bzip2 => BZip2Stream.Create(
            _compressed, SharpCompress.Compressors.CompressionMode.Decompress,
            decompressConcatenated: true, leaveOpen: true, tolerateTruncatedStream: false),
        CompressionFormat.Zlib => new ZLibStream(_compressed, CompressionMode.Decompress, leaveOpen: true),
        CompressionFormat.Lz4 => new Lz4FrameStream(_compressed),
        _ => throw new System.Diagnostics.UnreachableException(),
    };

    // The decompressors signal damaged input with these exception types (checked with corrupted files of each
    // format); any of them ends the stream with a diagnostic instead of escaping the importer.
    private static bool IsDamagedInput(Exception exception) =>
        exception is InvalidDataException or IOException or SharpCompressException or ZstdSharp.ZstdException
            or IndexOutOfRangeException or ArgumentException or OverflowException or InvalidOperationException
            or NotSupportedException;

    private void ReportDamage(Exception exception) => ReportDamage(exception.Message);

    private void ReportDamage(string reason)
    {
        _failed = true;
        var location = _compressed.CanSeek ? SourceLocation.AtOffset((ulong)_compressed.Position) : SourceLocation.None;
        _diagnostics.Error(
            DiagnosticCatalogue.CorruptCompressedStream, location,
            $"{_format.ToString().ToLowerInvariant()} stream is corrupt or truncated after [{_position}] decompressed bytes: {reason}");
    }

    // .NET's GZipStream ends quietly when the input is cut short. The gzip trailer (RFC 1952) ends in ISIZE, the
    // uncompressed size modulo 2^32; a cut file ends in compressed data instead. (A file of several gzip members
    // carries the last member's size, which this check would also flag; such files are rare as evidence.)
    private void CheckGzipTrailer(TailRecordingStream input)
    {
        _gzipInput = null;
        var declared = input.Tail.Length == 8 ? System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(input.Tail[4..]) : (uint?)null;
        if (declared == (uint)_position)
            return;
        // Nothing came out: the input ended in the header (a report's CoreDump cut after its first line), so its
        // last bytes are no trailer.
        if (_position == 0)
            ReportDamage(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"its [{input.BytesRead}] bytes end before any compressed data"));
        else
            ReportDamage($"the gzip trailer declares [{declared?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}] bytes");
    }

    /// <summary>Passes reads through and keeps the last 8 bytes read (the gzip trailer at the end).</summary>
    private sealed class TailRecordingStream(Stream inner) : ForwardOnlyReadStream
    {
        private readonly byte[] _tail = new byte[8];
        private int _tailLength;

        public ReadOnlySpan<byte> Tail => _tail.AsSpan(0, _tailLength);

        /// <summary>How many bytes were read in all.</summary>
        public long BytesRead { get; private set; }

        public override int Read(Span<byte> buffer)
        {
            var read = inner.Read(buffer);
            BytesRead += read;
            if (read >= 8)
            {
                buffer.Slice(read - 8, 8).CopyTo(_tail);
                _tailLength = 8;
            }
            else if (read > 0)
            {
                var keep = Math.Min(_tailLength, 8 - read);
                _tail.AsSpan(_tailLength - keep, keep).CopyTo(_tail);
                buffer[..read].CopyTo(_tail.AsSpan(keep));
                _tailLength = keep + read;
            }
            return read;
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            _decompressor?.Dispose();
        base.Dispose(disposing);
    }
}
