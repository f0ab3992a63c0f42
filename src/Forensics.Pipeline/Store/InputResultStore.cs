using System.Buffers.Binary;
using System.IO.Compression;
using System.Text.Json;
using Forensics.Pipeline.Importing;

namespace Forensics.Pipeline.Store;

/// <summary>
/// Saves what one input gave (an <see cref="InputResult"/>) to a file and loads it back exactly, so a sharded or
/// repeated run can skip importing an unchanged input: everything after import gives the same output from the
/// loaded result as from a fresh import.
/// </summary>
/// <remarks>
/// A store file is a 16-byte header (<c>FXIR</c>, the format version as a 32-bit and the content length as a 64-bit
/// little-endian number) followed by the content, UTF-8 JSON, compressed with GZip (whose CRC-32 finds damage).
/// </remarks>
public static partial class InputResultStore
{
    /// <summary>Changes whenever the stored shape changes; files of another version are not read.</summary>
    public const int FormatVersion = 1;

    /// <summary>The largest content (decompressed JSON) a store file may hold.</summary>
    public const long MaxContentBytes = 1L << 30;

    private const int HeaderLength = 16;
    private const int InitialBufferBytes = 1 << 20;

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
        var content = JsonSerializer.SerializeToUtf8Bytes(result, InputResultContract.Options);
        var full = Path.GetFullPath(path);
        var temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():n}.tmp");
        try
        {
            using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1 << 16))
            {
                Span<byte> header = stackalloc byte[HeaderLength];
                Magic.CopyTo(header);
                BinaryPrimitives.WriteInt32LittleEndian(header[4..], FormatVersion);
                BinaryPrimitives.WriteInt64LittleEndian(header[8..], content.Length);
                file.Write(header);
                using var gzip = new GZipStream(file, CompressionLevel.Fastest, leaveOpen: true);
                gzip.Write(content);
            }
            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>
    /// Loads the result saved at <paramref name="path"/>; null when the file is missing, truncated, corrupt, of another
    /// format version or too large, and <paramref name="problem"/> then says which in one line with the path. Never
    /// throws for bad content; the content read is capped at <see cref="MaxContentBytes"/> and its declared length.
    /// </summary>
    public static InputResult? Load(string path, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, bufferSize: 1 << 16);
            var content = ReadContent(file, out problem);
            if (content is null)
            {
                problem = $"store file [{path}] {problem}";
                return null;
            }
            var result = JsonSerializer.Deserialize<InputResult>(content, InputResultContract.Options);
            problem = result is null ? $"store file [{path}] is corrupt: it holds null" : null;
            return result;
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            problem = $"store file [{path}] is missing";
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            problem = $"store file [{path}] cannot be read: {OneLine(exception.Message)}";
        }
        catch (Exception exception) when (exception is InvalidDataException or JsonException or InvalidOperationException
            or NotSupportedException or ArgumentException or FormatException or OverflowException)
        {
            // InvalidDataException: GZip damage or a CRC mismatch; the others: content that is valid GZip but not a
            // result the model accepts (a region that ends before it starts, a null where none may be).
            problem = $"store file [{path}] is corrupt: {OneLine(exception.Message)}";
        }
        return null;
    }

    /// <summary>The decompressed content after checking the header; null with the reason when it cannot be used.</summary>
    private static byte[]? ReadContent(FileStream file, out string? problem)
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
        var compressed = file.Length - HeaderLength;
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

        using var gzip = new GZipStream(file, CompressionMode.Decompress, leaveOpen: true);
        // The buffer grows with what is really there, so a false length costs no more than the content it hides.
        var content = new byte[Math.Min(length, InitialBufferBytes)];
        var read = 0;
        while (read < length)
        {
            if (read == content.Length)
                Array.Resize(ref content, (int)Math.Min(length, 2L * content.Length));
            var count = gzip.Read(content.AsSpan(read));
            if (count == 0)
            {
                problem = $"is truncated: [{read}] of [{length}] bytes of content";
                return null;
            }
            read += count;
        }
        // Reading on to the end makes GZip check its CRC-32 and length; content past the declared length is damage.
        Span<byte> extra = stackalloc byte[1];
        if (gzip.Read(extra) != 0)
        {
            problem = $"is corrupt: content goes on past the declared [{length}] bytes";
            return null;
        }
        problem = null;
        return content;
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ");
}
