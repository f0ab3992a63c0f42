using System.Buffers.Binary;

namespace Forensics.Elf;

/// <summary>
/// Little-endian field reads at an offset of a span whose length the caller has checked (x86 is
/// little-endian only). Word reads take the class's word size.
/// </summary>
internal static class LittleEndian
{
    public static ushort U16(ReadOnlySpan<byte> bytes, int offset) => BinaryPrimitives.ReadUInt16LittleEndian(bytes[offset..]);
    public static short I16(ReadOnlySpan<byte> bytes, int offset) => BinaryPrimitives.ReadInt16LittleEndian(bytes[offset..]);
    public static uint U32(ReadOnlySpan<byte> bytes, int offset) => BinaryPrimitives.ReadUInt32LittleEndian(bytes[offset..]);
    public static int I32(ReadOnlySpan<byte> bytes, int offset) => BinaryPrimitives.ReadInt32LittleEndian(bytes[offset..]);
    public static ulong U64(ReadOnlySpan<byte> bytes, int offset) => BinaryPrimitives.ReadUInt64LittleEndian(bytes[offset..]);

    public static ulong Word(ReadOnlySpan<byte> bytes, int offset, bool is64) =>
        is64 ? U64(bytes, offset) : U32(bytes, offset);

    /// <summary>A NUL-terminated (or NUL-padded) byte string as text; bytes are kept as Latin-1 so nothing is lost.</summary>
    public static string CString(ReadOnlySpan<byte> bytes)
    {
        var end = bytes.IndexOf((byte)0);
        return System.Text.Encoding.Latin1.GetString(end < 0 ? bytes : bytes[..end]);
    }

    /// <summary>A file path as text: UTF-8 where it decodes, Latin-1 otherwise (names are raw bytes in NT_FILE).</summary>
    public static string PathText(ReadOnlySpan<byte> bytes)
    {
        var end = bytes.IndexOf((byte)0);
        var text = end < 0 ? bytes : bytes[..end];
        return System.Text.Unicode.Utf8.IsValid(text) ? System.Text.Encoding.UTF8.GetString(text) : System.Text.Encoding.Latin1.GetString(text);
    }
}
