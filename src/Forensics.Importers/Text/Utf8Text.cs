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
}
