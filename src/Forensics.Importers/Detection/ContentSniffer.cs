using System.Buffers;
using System.Text;

namespace Forensics.Importers.Detection;

/// <summary>Decides from an input's first bytes whether it is compressed, an ELF file, text or other binary data.</summary>
public static class ContentSniffer
{
    /// <summary>How many leading bytes <see cref="Sniff"/> judges text by.</summary>
    public const int TextWindow = 1024;

    private static ReadOnlySpan<byte> ElfMagic => [0x7f, (byte)'E', (byte)'L', (byte)'F'];
    private static ReadOnlySpan<byte> GzipMagic => [0x1f, 0x8b];
    private static ReadOnlySpan<byte> XzMagic => [0xfd, (byte)'7', (byte)'z', (byte)'X', (byte)'Z', 0x00];
    private static ReadOnlySpan<byte> ZstdMagic => [0x28, 0xb5, 0x2f, 0xfd];
    private static ReadOnlySpan<byte> Bzip2Magic => [(byte)'B', (byte)'Z', (byte)'h'];

    /// <summary>The compression whose magic bytes start <paramref name="head"/>; never decided by a file name.</summary>
    public static CompressionFormat DetectCompression(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith(GzipMagic))
            return CompressionFormat.Gzip;
        if (head.StartsWith(XzMagic))
            return CompressionFormat.Xz;
        if (head.StartsWith(ZstdMagic))
            return CompressionFormat.Zstd;
        // "BZh" is followed by the block size '1'..'9'; checking it keeps text starting with "BZh" out.
        if (head.Length >= 4 && head.StartsWith(Bzip2Magic) && head[3] is >= (byte)'1' and <= (byte)'9')
            return CompressionFormat.Bzip2;
        return CompressionFormat.None;
    }

    /// <summary>
    /// Classifies uncompressed content: ELF by its magic; text when the first <see cref="TextWindow"/> bytes
    /// hold no NUL, few control characters and (nearly) valid UTF-8; binary otherwise.
    /// </summary>
    public static ContentKind Sniff(ReadOnlySpan<byte> head)
    {
        if (head.IsEmpty)
            return ContentKind.Empty;
        if (head.StartsWith(ElfMagic))
            return ContentKind.Elf;
        return LooksLikeText(head[..Math.Min(head.Length, TextWindow)]) ? ContentKind.Text : ContentKind.Binary;
    }

    private static bool LooksLikeText(ReadOnlySpan<byte> window)
    {
        if (window.Contains((byte)0))
            return false;
        int control = 0, invalid = 0;
        foreach (var b in window)
        {
            if (b < 0x20 && b is not ((byte)'\t' or (byte)'\n' or (byte)'\r' or (byte)'\f' or (byte)'\v' or 0x1b))
                control++;
        }
        var rest = window;
        while (!rest.IsEmpty)
        {
            var status = Rune.DecodeFromUtf8(rest, out _, out var consumed);
            if (status == OperationStatus.NeedMoreData)
                break; // A character cut by the end of the window.
            if (status == OperationStatus.InvalidData)
                invalid++;
            rest = rest[consumed..];
        }
        // maps prints file names as raw bytes (docs/formats.md#maps-names), so a few non-UTF-8 bytes in a name are
        // tolerated; binary data has many.
        return control * 20 <= window.Length && invalid * 20 <= window.Length;
    }
}
