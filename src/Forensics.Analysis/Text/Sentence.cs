namespace Forensics.Analysis.Text;

/// <summary>
/// A sentence of Analysis (a crash summary, an evidence line, a finding's message, a signature, where an address
/// points) as words and typed values: addresses, sizes and numbers stay numbers here, and Reports prints them
/// (<c>ReportValues.Text</c>), so that the format of a value is decided in one place. Built from an interpolated
/// string: <c>Sentence.Of($"the PC {Address(pc)} is in no region")</c> with <see cref="SentenceValues"/>.
/// Equal when the same words and values are in the same order.
/// </summary>
public sealed class Sentence : IEquatable<Sentence>, IComparable<Sentence>
{
    private readonly SentencePart[] _parts;

    internal Sentence(SentencePart[] parts) => _parts = parts;

    public static Sentence Empty { get; } = new([]);

    /// <summary>The parts in order; adjacent words are joined into one <see cref="TextPart"/>.</summary>
    public IReadOnlyList<SentencePart> Parts => _parts;

    public bool IsEmpty => _parts.Length == 0;

    public static Sentence Of(SentenceHandler sentence) => sentence.ToSentence();

    /// <summary>A sentence of words only.</summary>
    public static Sentence Words(string text) => text.Length == 0 ? Empty : new([new TextPart(text)]);

    /// <summary>The sentences joined by <paramref name="separator"/>.</summary>
    public static Sentence Join(string separator, IEnumerable<Sentence> sentences)
    {
        var handler = new SentenceHandler(0, 0);
        var first = true;
        foreach (var sentence in sentences)
        {
            if (!first)
                handler.AppendLiteral(separator);
            handler.AppendFormatted(sentence);
            first = false;
        }
        return handler.ToSentence();
    }

    public bool Equals(Sentence? other) => other is not null && _parts.AsSpan().SequenceEqual(other._parts);

    public override bool Equals(object? obj) => Equals(obj as Sentence);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var part in _parts)
            hash.Add(part);
        return hash.ToHashCode();
    }

    /// <summary>
    /// A stable order for sorting inside Analysis: part by part, words ordinally and values by number. It is not the
    /// order of the printed text (<c>0x9</c> sorts before <c>0x10</c> here); Reports sorts what it prints by the text.
    /// </summary>
    public int CompareTo(Sentence? other)
    {
        if (other is null)
            return 1;
        for (var i = 0; i < Math.Min(_parts.Length, other._parts.Length); i++)
        {
            var order = Compare(_parts[i], other._parts[i]);
            if (order != 0)
                return order;
        }
        return _parts.Length.CompareTo(other._parts.Length);
    }

    private static int Compare(SentencePart a, SentencePart b) => (a, b) switch
    {
        (TextPart x, TextPart y) => string.CompareOrdinal(x.Text, y.Text),
        (AddressPart x, AddressPart y) => x.Address.CompareTo(y.Address),
        (NumberPart x, NumberPart y) => x.Value.CompareTo(y.Value),
        (ByteCountPart x, ByteCountPart y) => x.Bytes.CompareTo(y.Bytes),
        (RangePart x, RangePart y) => x.Start != y.Start ? x.Start.CompareTo(y.Start) : x.End.CompareTo(y.End),
        _ => string.CompareOrdinal(a.GetType().Name, b.GetType().Name),
    };
}
