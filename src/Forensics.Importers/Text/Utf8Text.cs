using System.Text;

namespace Forensics.Importers.Text;

/// <summary>
/// The importers read text as UTF-8 bytes (what a file holds); text given as characters by a caller is encoded once.
/// </summary>
internal static class Utf8Text
{
    public static byte[] Encode(ReadOnlySpan<char> text)
    {
        var bytes = new byte[Encoding.UTF8.GetByteCount(text)];
        Encoding.UTF8.GetBytes(text, bytes);
        return bytes;
    }

    /// <summary>
    /// Decodes a line into <paramref name="scratch"/>, grown when too short, to exactly the characters the whole text
    /// would give it; the characters are valid until the scratch is used again.
    /// </summary>
    public static ReadOnlySpan<char> Decode(ReadOnlySpan<byte> utf8, ref char[] scratch)
    {
        // Most maps lines name nothing: no call into the decoder for them.
        if (utf8.IsEmpty)
            return default;
        // UTF-8 never decodes to more characters than it has bytes (an invalid byte becomes one U+FFFD).
        if (scratch.Length < utf8.Length)
            scratch = new char[Math.Max(utf8.Length, scratch.Length * 2)];
        return scratch.AsSpan(0, Encoding.UTF8.GetChars(utf8, scratch));
    }
}
