using System.Numerics;
using System.Runtime.CompilerServices;
using System.Text;
using Forensics.Model;

namespace Forensics.Importers.Text.Maps;

/// <summary>
/// Parses one <c>/proc/PID/maps</c> line (also the header line of each smaps record), following the
/// rule of docs/formats.md#maps-line-layout: five blank-separated fields, one space, leading spaces skipped, the rest is the name.
/// </summary>
internal static class MapsLineParser
{
    /// <summary>Where the name column starts when the kernel padded it: 25 + 6·sizeof(void*) (fs/proc/task_mmu.c).</summary>
    public const int NameColumn64 = 73;
    public const int NameColumn32 = 49;

    /// <summary>
    /// A cheap shape test: <c>hex-hex perms</c> at the start of the line. Blanks may pad either address (a table
    /// re-aligned by whoever pasted it) and an address may have any number of digits, so a row with an out-of-range
    /// address is still a row, which the parser reports instead of dropping.
    /// </summary>
    public static bool LooksLikeMapsLine<T>(ReadOnlySpan<T> line) where T : unmanaged, IBinaryInteger<T>
    {
        var i = SkipBlanks(line, 0);
        var startDigits = i;
        i = SkipHexDigits(line, i);
        if (i == startDigits)
            return false;
        i = SkipBlanks(line, i);
        if (i >= line.Length || At(line, i) != '-')
            return false;
        i = SkipBlanks(line, i + 1);
        var endDigits = i;
        i = SkipHexDigits(line, i);
        if (i == endDigits || i >= line.Length || !IsBlank(At(line, i)))
            return false;
        i = SkipBlanks(line, i);
        return i + 4 <= line.Length && IsKernelPerms(line.Slice(i, 4)) && (i + 4 == line.Length || IsBlank(At(line, i + 4)));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int SkipBlanks<T>(ReadOnlySpan<T> line, int position) where T : unmanaged, IBinaryInteger<T>
    {
        while (position < line.Length && IsBlank(At(line, position)))
            position++;
        return position;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int SkipHexDigits<T>(ReadOnlySpan<T> line, int position) where T : unmanaged, IBinaryInteger<T>
    {
        while (position < line.Length && IsHexDigit(At(line, position)))
            position++;
        return position;
    }

    /// <summary>Exactly the four characters the kernel prints: <c>r</c>/<c>-</c>, <c>w</c>/<c>-</c>, <c>x</c>/<c>-</c>, <c>p</c>/<c>s</c>.</summary>
    public static bool IsKernelPerms<T>(ReadOnlySpan<T> perms) where T : unmanaged, IBinaryInteger<T> =>
        perms.Length == 4 && At(perms, 0) is 'r' or '-' && At(perms, 1) is 'w' or '-' && At(perms, 2) is 'x' or '-'
        && At(perms, 3) is 'p' or 's';

    /// <summary>The character at <paramref name="position"/> of a line of characters or of UTF-8 bytes, as a number.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint At<T>(ReadOnlySpan<T> line, int position) where T : unmanaged, IBinaryInteger<T> => uint.CreateTruncating(line[position]);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsBlank(uint c) => c == ' ' || c == '\t';

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsHexDigit(uint c) => c < (uint)HexDigitValues.Length && HexDigitValues[(int)c] != NotHex;

    /// <summary>
    /// Parses <paramref name="line"/> into a region, or reports why it cannot and returns null.
    /// <paramref name="nameColumn"/> is the column where padding placed the name (-1 when the line shows none).
    /// </summary>
    public static Region? Parse(ReadOnlySpan<char> line, int lineNumber, CaptureBuilder capture, NameTable names,
        RegionSources source, out int nameColumn)
    {
        nameColumn = -1;
        var location = SourceLocation.AtLine(lineNumber);
        if (!TryReadKernelLine(line, out var fields) && !TryReadFields(line, location, capture, out fields))
            return null;
        var name = NameOf(fields.AfterInode);
        if (!name.IsEmpty)
            nameColumn = line.Length - name.Length;
        return Make(fields, names.Intern(fields.Device), name, location, capture, names, source);
    }

    /// <summary>
    /// As <see cref="Parse"/> for a line still in UTF-8, when it is laid out exactly as the kernel prints it: its fields
    /// are read from the bytes and only its name is decoded (into <paramref name="scratch"/>). False for any other line,
    /// which the caller decodes and gives to <see cref="Parse"/>; for a line this accepts, both make the same region.
    /// </summary>
    public static bool TryParseKernelLine(ReadOnlySpan<byte> line, int lineNumber, CaptureBuilder capture, NameTable names,
        RegionSources source, ref char[] scratch, out Region? region, out int nameColumn)
    {
        region = null;
        nameColumn = -1;
        if (!TryReadKernelLine(line, out var fields))
            return false;
        // The fields before the name are ASCII, so a byte's column is its character's.
        var nameBytes = NameOf(fields.AfterInode);
        if (!nameBytes.IsEmpty)
            nameColumn = line.Length - nameBytes.Length;
        Span<char> device = stackalloc char[fields.Device.Length];
        Ascii.ToUtf16(fields.Device, device, out _);
        region = Make(fields, names.Intern(device), Utf8Text.Decode(nameBytes, ref scratch), SourceLocation.AtLine(lineNumber),
            capture, names, source);
        return true;
    }

    /// <summary>The name after the inode: one space follows the inode, any further blanks are padding (never trim the name's own trailing spaces).</summary>
    private static ReadOnlySpan<T> NameOf<T>(ReadOnlySpan<T> afterInode) where T : unmanaged, IBinaryInteger<T> =>
        afterInode.IsEmpty ? default : afterInode[SkipBlanks(afterInode, 1)..];

    private static Region? Make<T>(in MapsFields<T> fields, string device, ReadOnlySpan<char> name, SourceLocation location,
        CaptureBuilder capture, NameTable names, RegionSources source) where T : unmanaged, IBinaryInteger<T>
    {
        if (fields.End < fields.Start)
        {
            capture.Diagnostics.Error(DiagnosticCatalogue.RangeReversed, location,
                $"range ends at [0x{fields.End:x}] before it starts at [0x{fields.Start:x}]");
            return null;
        }

        var region = new Region(fields.Start, fields.End)
        {
            Permissions = fields.Permissions,
            Offset = fields.Offset,
            Device = device,
            Inode = fields.Inode,
            Sources = source,
            Location = location,
        };
        RegionNames.Apply(region, name, names);

        if (region.Name is null && fields.Inode == 0 && fields.Offset != 0 && fields.Offset == fields.Start)
        {
            // Very old 2.6 kernels printed vm_pgoff for anonymous VMAs, which equals start >> PAGE_SHIFT << PAGE_SHIFT.
            capture.Diagnostics.Info(DiagnosticCatalogue.AnonymousOffset, location,
                $"anonymous mapping shows offset [0x{fields.Offset:x}] (a page offset printed by old kernels), taken as [0]");
            region.Offset = 0;
        }
        return region;
    }

    /// <summary>
    /// Reads a line laid out exactly as the kernel prints it (fs/proc/task_mmu.c, show_map_vma: no leading blank,
    /// one space between the fields, at most 16 hex digits per number) in one pass over the characters. Any other
    /// line returns false and goes to <see cref="TryReadFields"/>, which accepts more layouts and says what is wrong;
    /// for a line this method accepts, both give the same fields. Nearly every line of a real capture takes this
    /// way, which is what makes maps import fast (tests/Forensics.Benchmarks/README.md).
    /// </summary>
    private static bool TryReadKernelLine<T>(ReadOnlySpan<T> line, out MapsFields<T> fields) where T : unmanaged, IBinaryInteger<T>
    {
        fields = default;
        var i = 0;
        if (!TryReadHex(line, ref i, out fields.Start) || !Skip(line, ref i, '-')
            || !TryReadHex(line, ref i, out fields.End) || !Skip(line, ref i, ' '))
            return false;
        if (i + 5 > line.Length || At(line, i + 4) != ' ' || !IsKernelPerms(line.Slice(i, 4)))
            return false;
        fields.Permissions = Permissions.Of(At(line, i) == 'r', At(line, i + 1) == 'w', At(line, i + 2) == 'x', At(line, i + 3) == 's');
        i += 5;
        if (!TryReadHex(line, ref i, out fields.Offset) || !Skip(line, ref i, ' '))
            return false;
        var device = i;
        if (!TryReadHex(line, ref i, out _) || !Skip(line, ref i, ':') || !TryReadHex(line, ref i, out _))
            return false;
        fields.Device = line[device..i];
        if (!Skip(line, ref i, ' ') || !TryReadDecimal(line, ref i, out fields.Inode))
            return false;
        if (i < line.Length && !IsBlank(At(line, i)))
            return false;
        fields.AfterInode = line[i..];
        return true;
    }

    /// <summary>Splits the line into blank-separated tokens and checks each, reporting the first bad field.</summary>
    private static bool TryReadFields(ReadOnlySpan<char> line, SourceLocation location, CaptureBuilder capture, out MapsFields<char> fields)
    {
        fields = default;
        var rest = line;
        var range = NextRange(ref rest);
        var permsToken = TextSpan.NextToken(ref rest);
        var offsetToken = TextSpan.NextToken(ref rest);
        var deviceToken = TextSpan.NextToken(ref rest);
        var deviceEnd = line.Length - rest.Length;
        var inodeToken = TextSpan.NextToken(ref rest);
        var inodeEnd = line.Length - rest.Length;

        if (inodeToken.IsEmpty)
        {
            var count = range.IsEmpty ? 0 : permsToken.IsEmpty ? 1 : offsetToken.IsEmpty ? 2 : deviceToken.IsEmpty ? 3 : 4;
            capture.Diagnostics.Error(DiagnosticCatalogue.MapsLineMalformed, location,
                $"maps line has [{count}] fields, expected at least [5]: [{TextSpan.Excerpt(line)}]");
            return false;
        }
        var dash = range.IndexOf('-');
        if (dash < 0 || !TextSpan.TryParseHex(TextSpan.TrimBlanks(range[..dash]), out fields.Start)
            || !TextSpan.TryParseHex(TextSpan.TrimBlanks(range[(dash + 1)..]), out fields.End))
            return Fail(capture, location, "address range", range);
        if (!IsKernelPerms(permsToken) || !Permissions.TryParse(permsToken, out fields.Permissions))
            return Fail(capture, location, "permissions", permsToken);
        if (!TextSpan.TryParseHex(offsetToken, out fields.Offset))
            return Fail(capture, location, "offset", offsetToken);
        var colon = deviceToken.IndexOf(':');
        if (colon < 1 || !TextSpan.TryParseHex(deviceToken[..colon], out _) || !TextSpan.TryParseHex(deviceToken[(colon + 1)..], out _))
            return Fail(capture, location, "device", deviceToken);
        if (!TextSpan.TryParseDecimal(inodeToken, out fields.Inode))
            return Fail(capture, location, "inode", inodeToken);
        // The fields keep slices of the line itself: the tokens above are slices of a local.
        fields.Device = line[(deviceEnd - deviceToken.Length)..deviceEnd];
        fields.AfterInode = line[inodeEnd..];
        return true;
    }

    /// <summary>
    /// The first token, taking blanks around its dash into it: <c>    400000-    452000</c> is one range whose
    /// addresses were padded to line up with longer ones.
    /// </summary>
    private static ReadOnlySpan<char> NextRange(ref ReadOnlySpan<char> rest)
    {
        var start = SkipBlanks(rest, 0);
        var dash = SkipBlanks(rest, SkipHexDigits(rest, start));
        if (dash >= rest.Length || rest[dash] != '-')
            return TextSpan.NextToken(ref rest);
        var end = SkipHexDigits(rest, SkipBlanks(rest, dash + 1));
        var range = rest[start..end];
        rest = rest[end..];
        return range;
    }

    /// <summary>Reads 1 to 16 hex digits at <paramref name="position"/>; false when there are none or more.</summary>
    private static bool TryReadHex<T>(ReadOnlySpan<T> line, ref int position, out ulong value) where T : unmanaged, IBinaryInteger<T>
    {
        // The number is built in a local, not in the out parameter: a store a digit made each wait for the last.
        ulong number = 0;
        value = 0;
        var i = position;
        var limit = Math.Min(line.Length, position + 16);
        var digits = HexDigitValues;
        for (; i < limit; i++)
        {
            var c = At(line, i);
            // One look-up a digit, no branch on its range (a third of a maps line's parse is its hex numbers).
            var digit = c < (uint)digits.Length ? digits[(int)c] : NotHex;
            if (digit == NotHex)
                break;
            number = (number << 4) | digit;
        }
        if (i == position || (i < line.Length && IsHexDigit(At(line, i))))
            return false;
        value = number;
        position = i;
        return true;
    }

    private const byte NotHex = 0xFF;

    /// <summary>The value of each ASCII hex digit, <see cref="NotHex"/> for any other character below 128.</summary>
    private static ReadOnlySpan<byte> HexDigitValues =>
    [
        0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
        0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
        0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
        0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
        0xFF, 10, 11, 12, 13, 14, 15, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
        0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
        0xFF, 10, 11, 12, 13, 14, 15, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
        0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
    ];

    /// <summary>Reads decimal digits at <paramref name="position"/>; false when there are none or the value passes 64 bits.</summary>
    private static bool TryReadDecimal<T>(ReadOnlySpan<T> line, ref int position, out ulong value) where T : unmanaged, IBinaryInteger<T>
    {
        ulong number = 0;
        value = 0;
        var i = position;
        for (; i < line.Length; i++)
        {
            var digit = At(line, i) - '0';
            if (digit > 9)
                break;
            if (number > (ulong.MaxValue - digit) / 10)
                return false;
            number = number * 10 + digit;
        }
        if (i == position)
            return false;
        value = number;
        position = i;
        return true;
    }

    private static bool Skip<T>(ReadOnlySpan<T> line, ref int position, char expected) where T : unmanaged, IBinaryInteger<T>
    {
        if (position >= line.Length || At(line, position) != expected)
            return false;
        position++;
        return true;
    }

    private static bool Fail(CaptureBuilder capture, SourceLocation location, string field, ReadOnlySpan<char> token)
    {
        capture.Diagnostics.Error(DiagnosticCatalogue.MapsLineMalformed, location,
            $"maps line has a malformed {field} [{TextSpan.Excerpt(token)}]");
        return false;
    }

    /// <summary>The kernel word size that the name padding shows, from the first padded name, for CaptureBuilder.Variant.</summary>
    public static string? PaddingVariant<T>(int nameColumn, ReadOnlySpan<T> line) where T : unmanaged, IBinaryInteger<T>
    {
        // Unpadded names (hand-edited captures, the proc(5) example) follow the inode after one space.
        return nameColumn switch
        {
            NameColumn64 => "kernel 64-bit (name at column 73)",
            NameColumn32 => "kernel 32-bit (name at column 49)",
            < 0 => null,
            _ when nameColumn < line.Length && IsSingleSpaceName(line, nameColumn) => "unpadded (name after one space)",
            _ => null,
        };
    }

    private static bool IsSingleSpaceName<T>(ReadOnlySpan<T> line, int nameColumn) where T : unmanaged, IBinaryInteger<T> =>
        nameColumn >= 2 && At(line, nameColumn - 1) == ' ' && At(line, nameColumn - 2) != ' ' && nameColumn < NameColumn32;

    /// <summary>The fields of one maps line; <see cref="AfterInode"/> starts at the blank after the inode (or is empty).</summary>
    private ref struct MapsFields<T> where T : unmanaged, IBinaryInteger<T>
    {
        public ulong Start;
        public ulong End;
        public Permissions Permissions;
        public ulong Offset;
        public ReadOnlySpan<T> Device;
        public ulong Inode;
        public ReadOnlySpan<T> AfterInode;
    }
}
