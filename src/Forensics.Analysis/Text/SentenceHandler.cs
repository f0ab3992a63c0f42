using System.Runtime.CompilerServices;
using Forensics.Model;

namespace Forensics.Analysis.Text;

/// <summary>
/// Builds a <see cref="Sentence"/> from an interpolated string. It takes words, sentences, parts, and
/// <see cref="int"/> and <see cref="long"/> as numbers; an unsigned value must say what it is
/// (<see cref="SentenceValues.Address"/>, <see cref="SentenceValues.Bytes"/>), so none is printed in a wrong base.
/// </summary>
[InterpolatedStringHandler]
public readonly struct SentenceHandler
{
    private readonly List<SentencePart> _parts;

    public SentenceHandler(int literalLength, int formattedCount)
    {
        _ = literalLength;
        _parts = new(formattedCount * 2 + 1);
    }

    public void AppendLiteral(string text)
    {
        if (text.Length == 0)
            return;
        if (_parts.Count > 0 && _parts[^1] is TextPart last)
            _parts[^1] = new TextPart(last.Text + text);
        else
            _parts.Add(new TextPart(text));
    }

    public void AppendFormatted(string? text) => AppendLiteral(text ?? "");

    public void AppendFormatted(Permissions permissions) => AppendLiteral(permissions.ToString());

    public void AppendFormatted(int value) => _parts.Add(new NumberPart(value));

    public void AppendFormatted(long value) => _parts.Add(new NumberPart(value));

    public void AppendFormatted(SentencePart part)
    {
        if (part is TextPart text)
            AppendLiteral(text.Text);
        else
            _parts.Add(part);
    }

    public void AppendFormatted(Sentence? sentence)
    {
        foreach (var part in sentence?.Parts ?? [])
            AppendFormatted(part);
    }

    internal Sentence ToSentence() => _parts.Count == 0 ? Sentence.Empty : new([.. _parts]);
}
