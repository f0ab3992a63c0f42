using Forensics.Analysis.Text;
using Forensics.Reports.Escaping;

namespace Forensics.Reports.Markdown;

/// <summary>
/// A piece of Markdown that is safe to paste: text from the evidence is escaped on the way in
/// (the implicit conversion from <see cref="string"/>); only our own links and code are taken as they are.
/// </summary>
public readonly record struct MarkdownCell(string Markdown)
{
    public static implicit operator MarkdownCell(string? text) => new(UntrustedText.Markdown(text));

    /// <summary>A sentence of Analysis, printed and then escaped as untrusted text (it quotes names from the input).</summary>
    public static implicit operator MarkdownCell(Sentence? sentence) => ReportValues.Text(sentence);

    /// <summary>A link to a report file of ours; <paramref name="target"/> is built from slugs and fixed names only.</summary>
    public static MarkdownCell Link(string? text, string target) => new("[" + UntrustedText.Markdown(text) + "](" + target + ")");

    /// <summary>Markdown we wrote ourselves (emphasis around escaped text, fixed words).</summary>
    public static MarkdownCell Trusted(string markdown) => new(markdown);

    public static MarkdownCell Bold(string? text) =>
        string.IsNullOrEmpty(text) ? new("") : new("**" + UntrustedText.Markdown(text) + "**");

    public override string ToString() => Markdown;
}
