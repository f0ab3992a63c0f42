using System.Buffers;
using System.Text;

namespace Forensics.Importers.Detection;

/// <summary>
/// Decides from an input's first bytes whether it is compressed, an ELF file, a minidump, an apport report, text or
/// other binary data.
/// </summary>
public static class ContentSniffer
{
    /// <summary>How many leading bytes <see cref="Sniff"/> judges text by.</summary>
    public const int TextWindow = 1024;

    private static ReadOnlySpan<byte> ElfMagic => [0x7f, (byte)'E', (byte)'L', (byte)'F'];
    private static ReadOnlySpan<byte> GzipMagic => [0x1f, 0x8b];
    private static ReadOnlySpan<byte> XzMagic => [0xfd, (byte)'7', (byte)'z', (byte)'X', (byte)'Z', 0x00];
    private static ReadOnlySpan<byte> ZstdMagic => [0x28, 0xb5, 0x2f, 0xfd];
    private static ReadOnlySpan<byte> Bzip2Magic => [(byte)'B', (byte)'Z', (byte)'h'];
    private static ReadOnlySpan<byte> Lz4FrameMagic => [0x04, 0x22, 0x4d, 0x18];
    // MINIDUMP_SIGNATURE and MINIDUMP_VERSION (minidumpapiset.h; breakpad's minidump_format.h): "MDMP", 0xa793.
    private static ReadOnlySpan<byte> MinidumpMagic => [(byte)'M', (byte)'D', (byte)'M', (byte)'P', 0x93, 0xa7];
    // apport's ProblemReport.write puts ProblemType first, before the other keys in order (problem_report.py).
    private static ReadOnlySpan<byte> ApportFirstField => "ProblemType: "u8;

    /// <summary>The compression whose magic bytes start <paramref name="head"/>; never decided by a file name.</summary>
    public static CompressionFormat DetectCompression(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith(GzipMagic))
            return CompressionFormat.Gzip;
        if (head.StartsWith(XzMagic))
            return CompressionFormat.Xz;
        if (head.StartsWith(ZstdMagic))
            return CompressionFormat.Zstd;
        if (head.StartsWith(Lz4FrameMagic))
            return CompressionFormat.Lz4;
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
        if (head.StartsWith(MinidumpMagic))
            return ContentKind.Minidump;
        if (DetectWideText(head) is not null)
            return ContentKind.Text;
        if (!LooksLikeText(head[..Math.Min(head.Length, TextWindow)]))
            return ContentKind.Binary;
        return head.StartsWith(ApportFirstField) ? ContentKind.ApportReport : ContentKind.Text;
    }

    /// <summary>
    /// The UTF-16 or UTF-32 encoding of text that starts with <paramref name="head"/> and how many bytes its byte
    /// order mark takes; null for UTF-8 and for anything that is not text. A Windows shell redirect writes UTF-16LE
    /// with a mark; text without one is recognised by its zero bytes (the high bytes of ASCII characters). Either is
    /// kept only when it decodes to text.
    /// </summary>
    public static (Encoding Encoding, int MarkLength)? DetectWideText(ReadOnlySpan<byte> head)
    {
        (Encoding Encoding, int MarkLength)? candidate = head switch
        {
            [0x00, 0x00, 0xfe, 0xff, ..] => (new UTF32Encoding(bigEndian: true, byteOrderMark: false), 4),
            [0xff, 0xfe, 0x00, 0x00, ..] => (new UTF32Encoding(bigEndian: false, byteOrderMark: false), 4),
            [0xfe, 0xff, ..] => (new UnicodeEncoding(bigEndian: true, byteOrderMark: false), 2),
            [0xff, 0xfe, ..] => (new UnicodeEncoding(bigEndian: false, byteOrderMark: false), 2),
            _ => ByZeroBytes(head[..Math.Min(head.Length, TextWindow)]) is { } encoding ? (encoding, 0) : null,
        };
        if (candidate is not { } found)
            return null;
        var window = head[found.MarkLength..Math.Min(head.Length, found.MarkLength + TextWindow)];
        // A character cut by the end of the window decodes to U+FFFD, which is not a control character.
        var text = found.Encoding.GetString(window);
        return LooksLikeDecodedText(text) ? found : null;
    }

    /// <summary>
    /// UTF-32 when three of every four bytes are (nearly always) zero, UTF-16 when every second one is, little or big
    /// endian; a few characters above U+00FF are allowed.
    /// </summary>
    private static Encoding? ByZeroBytes(ReadOnlySpan<byte> window)
    {
        if (window.Length < 8)
            return null;
        var zeros = new int[4];
        var length = window.Length & ~3;
        for (var index = 0; index < length; index++)
        {
            if (window[index] == 0)
                zeros[index & 3]++;
        }
        // Per position in each group of four bytes: nearly always zero, or nearly never.
        var quarter = length / 4;
        var zero = zeros.Select(count => count * 10 >= quarter * 9).ToArray();
        var text = zeros.Select(count => count * 10 <= quarter).ToArray();
        if (text[0] && zero[1] && zero[2] && zero[3])
            return new UTF32Encoding(bigEndian: false, byteOrderMark: false);
        if (zero[0] && zero[1] && zero[2] && text[3])
            return new UTF32Encoding(bigEndian: true, byteOrderMark: false);
        if (text[0] && zero[1] && text[2] && zero[3])
            return new UnicodeEncoding(bigEndian: false, byteOrderMark: false);
        if (zero[0] && text[1] && zero[2] && text[3])
            return new UnicodeEncoding(bigEndian: true, byteOrderMark: false);
        return null;
    }

    private static bool LooksLikeDecodedText(string text)
    {
        var control = text.Count(c => c < ' ' && c is not ('\t' or '\n' or '\r' or '\f' or '\v' or '\e'));
        return text.Length > 0 && control * 20 <= text.Length;
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
