namespace Forensics.Model;

/// <summary>
/// Read, write, execute and private/shared, each of which may be unknown (old gdb layout, NT_FILE-only
/// ranges, pmap's mode without p/s). Written as four characters <c>rwxp</c>/<c>rwxs</c> with <c>?</c> where unknown.
/// </summary>
public readonly record struct Permissions
{
    private const byte Read = 1, Write = 2, Execute = 4, Shared = 8;

    /// <summary>What is known in the high four bits, what is set in the low four: one byte, kept so by a <see cref="Region"/>.</summary>
    private readonly byte _bits;

    private Permissions(byte known, byte set) => _bits = (byte)(known << 4 | (set & known));

    private Permissions(byte bits) => _bits = bits;

    private byte KnownBits => (byte)(_bits >> 4);
    private byte SetBits => (byte)(_bits & 0xF);

    /// <summary>The value as one byte, for storage that packs it with other fields.</summary>
    internal byte Packed => _bits;

    internal static Permissions FromPacked(byte bits) => new(bits);

    public static Permissions Unknown => default;

    /// <summary>Fully known permissions.</summary>
    public static Permissions Of(bool read, bool write, bool execute, bool shared) =>
        new(Read | Write | Execute | Shared, Bits(read, write, execute, shared));

    /// <summary>r/w/x known, sharing unknown (ELF p_flags, pmap modes without the s column).</summary>
    public static Permissions OfAccess(bool read, bool write, bool execute) =>
        new(Read | Write | Execute, Bits(read, write, execute, false));

    public bool? CanRead => Get(Read);
    public bool? CanWrite => Get(Write);
    public bool? CanExecute => Get(Execute);
    public bool? IsShared => Get(Shared);

    public bool IsFullyKnown => KnownBits == (Read | Write | Execute | Shared);
    public bool IsNone => CanRead == false && CanWrite == false && CanExecute == false;
    public bool IsWritableAndExecutable => CanWrite == true && CanExecute == true;

    /// <summary>Keeps what this value knows and fills the unknown parts from <paramref name="other"/>.</summary>
    public Permissions FillFrom(Permissions other) =>
        new((byte)(KnownBits | other.KnownBits), (byte)(SetBits | (other.SetBits & ~KnownBits)));

    /// <summary>
    /// Parses the four kernel characters (<c>r-xp</c>); <c>?</c> marks an unknown position. pmap's
    /// five-character mode (<c>r-x--</c>, <c>rw-s-</c>) is accepted: its fourth character is <c>s</c> or <c>-</c>.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> text, out Permissions permissions)
    {
        permissions = default;
        if (text.Length < 3)
            return false;
        byte known = 0, set = 0;
        if (!Flag(text[0], 'r', Read, ref known, ref set)
            || !Flag(text[1], 'w', Write, ref known, ref set)
            || !Flag(text[2], 'x', Execute, ref known, ref set))
            return false;
        if (text.Length >= 4)
        {
            switch (text[3])
            {
                case 's': known |= Shared; set |= Shared; break;
                case 'p': known |= Shared; break;
                case '-' or '?': break;
                default: return false;
            }
        }
        permissions = new Permissions(known, set);
        return true;
    }

    /// <summary>The four characters, made once for each of the 81 values: a report prints one per region.</summary>
    public override string ToString() => Texts[_bits];

    private static readonly string[] Texts = [.. Enumerable.Range(0, 256).Select(i => Text(new Permissions((byte)(i >> 4), (byte)i)))];

    private static string Text(Permissions permissions) => string.Create(4, permissions, static (span, p) =>
    {
        span[0] = Char(p.CanRead, 'r', '-');
        span[1] = Char(p.CanWrite, 'w', '-');
        span[2] = Char(p.CanExecute, 'x', '-');
        span[3] = Char(p.IsShared, 's', 'p');
    });

    private bool? Get(byte bit) => (KnownBits & bit) == 0 ? null : (SetBits & bit) != 0;

    private static char Char(bool? value, char yes, char no) => value switch
    {
        true => yes,
        false => no,
        null => '?',
    };

    private static byte Bits(bool read, bool write, bool execute, bool shared) =>
        (byte)((read ? Read : 0) | (write ? Write : 0) | (execute ? Execute : 0) | (shared ? Shared : 0));

    private static bool Flag(char c, char yes, byte bit, ref byte known, ref byte set)
    {
        if (c == yes) { known |= bit; set |= bit; return true; }
        if (c == '-') { known |= bit; return true; }
        return c == '?';
    }
}
