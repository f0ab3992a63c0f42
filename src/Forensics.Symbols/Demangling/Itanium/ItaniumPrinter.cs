using System.Text;

namespace Forensics.Symbols.Demangling.Itanium;

/// <summary>
/// The output of one demangling: text with a length cap, a depth cap (substitutions make the node graph a DAG
/// whose printing can nest deeper than the parse did) and the state of the pack expansion being printed.
/// </summary>
internal sealed class ItaniumPrinter
{
    /// <summary>Marks <see cref="PackMax"/> while a pack expansion has not yet met its pack.</summary>
    public const int UnknownPackSize = -1;

    private readonly StringBuilder text = new();
    private int depth;
    private char lastChar;

    public bool Failed { get; private set; }

    public int Length => text.Length;

    /// <summary>Whether a pack expansion is being printed; a pack met outside one prints all its elements.</summary>
    public bool InPackExpansion { get; set; }

    public int PackIndex { get; set; }

    public int PackMax { get; set; } = UnknownPackSize;

    /// <summary>Whether the parameters of a generic lambda are printed, where a template parameter is <c>auto:N</c>.</summary>
    public bool InLambdaParameters { get; set; }

    /// <summary>
    /// The last character appended. Like libiberty's d_last_char it is not reset when an empty pack's separator is
    /// taken back, which is why c++filt prints "default_delete&lt;long []&gt;&gt;" after an empty pack.
    /// </summary>
    public char LastChar => lastChar;

    public void Append(string value)
    {
        if (Failed)
            return;
        if (text.Length + value.Length > DemanglerLimits.MaxOutputLength)
        {
            Failed = true;
            return;
        }
        text.Append(value);
        if (value.Length > 0)
            lastChar = value[^1];
    }

    public void Append(char value) => Append(value.ToString());

    /// <summary>Takes back what was printed after <paramref name="length"/>, and the last character with it.</summary>
    public void Truncate(int length, char previousLastChar)
    {
        if (length <= text.Length)
            text.Length = length;
        lastChar = previousLastChar;
    }

    public void Left(ItaniumNode? node)
    {
        if (node is null || !Enter())
            return;
        node.PrintLeft(this);
        depth--;
    }

    public void Right(ItaniumNode? node)
    {
        if (node is null || !Enter())
            return;
        node.PrintRight(this);
        depth--;
    }

    public void Whole(ItaniumNode? node)
    {
        if (node is null || !Enter())
            return;
        node.PrintLeft(this);
        if (node.HasRightPart(this))
            node.PrintRight(this);
        depth--;
    }

    /// <summary>
    /// Prints <paramref name="items"/> separated by ", ", dropping the separator before an item that printed
    /// nothing (an empty pack), as libiberty's cp-demangle.c does for argument lists.
    /// </summary>
    public void List(IReadOnlyList<ItaniumNode> items)
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (i == 0)
            {
                Whole(items[i]);
                continue;
            }
            Append(", ");
            var mark = text.Length;
            Whole(items[i]);
            if (text.Length == mark)
                text.Length = mark - 2;  // the last character stays ' ', as in libiberty
        }
    }

    public override string ToString() => text.ToString();

    private bool Enter()
    {
        if (Failed)
            return false;
        if (++depth > DemanglerLimits.MaxDepth)
        {
            depth--;
            Failed = true;
            return false;
        }
        return true;
    }

    public void Fail() => Failed = true;
}
