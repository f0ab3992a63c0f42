using System.Buffers.Binary;
using System.IO.Compression;
using Forensics.Model;
using Forensics.Pipeline.Importing;

namespace Forensics.Pipeline.Store;

/// <summary>
/// Saves what one input gave (an <see cref="InputResult"/>) to a file and loads it back exactly, so a sharded or
/// repeated run can skip importing an unchanged input: everything after import gives the same output from the
/// loaded result as from a fresh import.
/// </summary>
/// <remarks>
/// A store file is a 16-byte header (<c>FXIR</c>, the format version as a 32-bit and the content length as a 64-bit
/// little-endian number) followed by the content, a binary layout (docs/architecture.md#the-kept-result) compressed
/// with GZip, whose CRC-32 finds damage. Both ways go through the compressor as a stream: no whole copy of the content
/// is ever made.
/// </remarks>
public static partial class InputResultStore
{
    /// <summary>Changes whenever the stored shape changes; files of another version are not read.</summary>
    /// <remarks>1: reflection over the model to JSON. 2: the explicit binary layout. 4: a frame's raw symbol beside its demangled name. 5: the innermost managed frames of a thread with an exception in flight. 6: why a siginfo field is unknown, and a region's name cut by its writer. 7: regions in blocks of 65,536, each behind its region count and length with a string table and delta bases of its own, so that they are encoded and decoded on every core.</remarks>
    public const int FormatVersion = 7;

    /// <summary>The largest content (decompressed) a store file may hold.</summary>
    public const long MaxContentBytes = 1L << 30;

    private const int HeaderLength = 16;

    /// <summary>Deflate expands at most about 1032 to 1 (RFC 1951 length codes): a larger declared length is a lie.</summary>
    private const long MaxCompressionRatio = 1032;

    private static ReadOnlySpan<byte> Magic => "FXIR"u8;

    /// <summary>
    /// Saves <paramref name="result"/> to <paramref name="path"/> atomically (a temporary file in the same folder, then
    /// a move), compressed; the same result gives the same bytes every time. I/O errors are thrown to the caller.
    /// </summary>
    public static void Save(string path, InputResult result)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(result);
        var full = Path.GetFullPath(path);
        var temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():n}.tmp");
        try
        {
            // Unbuffered: the encoder and the compressor have buffers of their own.
            using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, bufferSize: 0))
                Write(file, result);
            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>
    /// Writes <paramref name="result"/> as one entry (header and compressed content) at <paramref name="file"/>'s
    /// position, which ends after it; returns the entry's length. The same result gives the same bytes every time.
    /// </summary>
    internal static long Write(FileStream file, InputResult result)
    {
        var start = file.Position;
        Span<byte> header = stackalloc byte[HeaderLength];
        Magic.CopyTo(header);
        BinaryPrimitives.WriteInt32LittleEndian(header[4..], FormatVersion);
        file.Write(header);
        long length;
        using (var gzip = new GZipStream(file, CompressionLevel.Fastest, leaveOpen: true))
        using (var content = new StoreEncoder(gzip))
        {
            InputResultWriter.Write(content, result);
            content.Flush();
            length = content.Length;
        }
        // The length is known only once the content is written: it goes into the header afterwards.
        var end = file.Position;
        BinaryPrimitives.WriteInt64LittleEndian(header[8..], length);
        file.Position = start + 8;
        file.Write(header[8..]);
        file.Position = end;
        return end - start;
    }

    /// <summary>
    /// Loads the result saved at <paramref name="path"/>; null when the file is missing, truncated, corrupt, of another
    /// format version or too large, and <paramref name="problem"/> then says which in one line with the path. Never
    /// throws for bad content; what is made is bounded by the content really there, within its declared length.
    /// </summary>
    public static InputResult? Load(string path, out string? problem) => Load(path, static _ => true, out problem);

    /// <summary>
    /// As <see cref="Load(string, out string?)"/>, but reads the captures only when <paramref name="wanted"/> accepts the
    /// input's record, which comes first in the file; null with a null <paramref name="problem"/> when it does not.
    /// </summary>
    public static InputResult? Load(string path, Func<InputRecord, bool> wanted, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(wanted);
        // Most inputs of a first run have no kept result: asked first, so that each does not cost an exception.
        if (!File.Exists(path))
        {
            problem = Missing(path);
            return null;
        }
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, bufferSize: 1 << 16);
            return Read(file, file.Length, path, wanted, out problem);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            problem = Missing(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            problem = $"store file [{path}] cannot be read: {OneLine(exception.Message)}";
        }
        return null;
    }

    /// <summary>
    /// Reads one entry of <paramref name="entryLength"/> bytes from <paramref name="entry"/> as <see cref="Load(string, Func{InputRecord, bool}, out string?)"/>
    /// does, naming it <paramref name="where"/> in the <paramref name="problem"/>; I/O errors are the caller's.
    /// </summary>
    internal static InputResult? Read(Stream entry, long entryLength, string where, Func<InputRecord, bool> wanted, out string? problem)
    {
        try
        {
            if (ContentLength(entry, entryLength, out problem) is not { } length)
            {
                problem = $"store file [{where}] {problem}";
                return null;
            }
            using var gzip = new GZipStream(entry, CompressionMode.Decompress, leaveOpen: true);
            var content = new StoreDecoder(gzip, length);
            var record = InputResultReader.ReadRecord(content);
            if (!wanted(record))
                return null;
            var captures = InputResultReader.ReadCaptures(content);
            content.End();
            return new InputResult(record, captures);
        }
        catch (StoreContentException exception)
        {
            problem = $"store file [{where}] {OneLine(exception.Message)}";
        }
        catch (Exception exception) when (exception is InvalidDataException or ArgumentException)
        {
            // InvalidDataException: GZip damage or a CRC mismatch; ArgumentException: values the model refuses.
            problem = $"store file [{where}] is corrupt: {OneLine(exception.Message)}";
        }
        return null;
    }

    /// <summary>The declared length of the content after checking the header; null with the reason when it cannot be used.</summary>
    private static long? ContentLength(Stream file, long entryLength, out string? problem)
    {
        Span<byte> header = stackalloc byte[HeaderLength];
        var headerRead = file.ReadAtLeast(header, HeaderLength, throwOnEndOfStream: false);
        if (headerRead == 0)
        {
            problem = "is empty";
            return null;
        }
        if (headerRead < Magic.Length || !header[..Magic.Length].SequenceEqual(Magic))
        {
            problem = "is not a store file (no FXIR header)";
            return null;
        }
        if (headerRead < HeaderLength)
        {
            problem = $"is truncated: [{headerRead}] bytes, the header alone has [{HeaderLength}]";
            return null;
        }
        var version = BinaryPrimitives.ReadInt32LittleEndian(header[4..]);
        if (version != FormatVersion)
        {
            problem = $"has store format version [{version}], expected [{FormatVersion}]";
            return null;
        }
        var length = BinaryPrimitives.ReadInt64LittleEndian(header[8..]);
        var compressed = entryLength - HeaderLength;
        if (length is < 0 or > MaxContentBytes)
        {
            problem = $"is too large: declares [{length}] bytes of content, the limit is [{MaxContentBytes}]";
            return null;
        }
        if (length > compressed * MaxCompressionRatio)
        {
            problem = $"is corrupt: declares [{length}] bytes of content, more than its [{compressed}] compressed bytes can hold";
            return null;
        }
        problem = null;
        return length;
    }

    private static string Missing(string path) => $"store file [{path}] is missing";

    internal static string OneLine(string message) => message.ReplaceLineEndings(" ");
}
