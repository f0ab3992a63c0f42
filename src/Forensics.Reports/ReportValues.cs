using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using Forensics.Analysis.Crash;
using Forensics.Analysis.Findings;
using Forensics.Analysis.Text;
using Forensics.Model;

namespace Forensics.Reports;

/// <summary>Values as every report prints them: <c>0x</c> lower-case hex addresses, decimal bytes, empty for unknown.</summary>
public static class ReportValues
{
    public static string Address(ulong value) => "0x" + value.ToString("x", CultureInfo.InvariantCulture);

    public static string Address(ulong? value) => value is { } v ? Address(v) : "";

    public static string Number(ulong value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Number(ulong? value) => value is { } v ? Number(v) : "";

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Number(int? value) => value is { } v ? Number(v) : "";

    /// <summary>A sentence of Analysis with its values printed as every report prints them.</summary>
    [return: NotNullIfNotNull(nameof(sentence))]
    public static string? Text(Sentence? sentence)
    {
        if (sentence is null)
            return null;
        if (sentence.Parts is [TextPart only])
            return only.Text;
        var text = new StringBuilder();
        foreach (var part in sentence.Parts)
        {
            text.Append(part switch
            {
                TextPart words => words.Text,
                AddressPart address => Address(address.Address),
                NumberPart number => Number(number.Value),
                ByteCountPart bytes => Number(bytes.Bytes),
                // A region's range as maps prints it, without 0x.
                RangePart range => range.Start.ToString("x", CultureInfo.InvariantCulture) + "-" + range.End.ToString("x", CultureInfo.InvariantCulture),
                _ => throw new ArgumentOutOfRangeException(nameof(sentence), part.GetType().Name, "Not a sentence part."),
            });
        }
        return text.ToString();
    }

    /// <summary>A capture's size as its page and the terminal state it: <c>Regions: 25, mapped 2605056 bytes (2.5 MiB)</c>.</summary>
    public static string RegionsAndMappedBytes(int regions, ulong mappedBytes) =>
        "Regions: " + Number(regions) + ", mapped " + Number(mappedBytes) + " bytes (" + HumanBytes(mappedBytes) + ")";

    /// <summary>A size for people: <c>4 KiB</c>, <c>1.5 MiB</c>, <c>132 B</c>.</summary>
    public static string HumanBytes(ulong value)
    {
        string[] units = ["B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"];
        double scaled = value;
        var unit = 0;
        while (scaled >= 1024 && unit < units.Length - 1)
        {
            scaled /= 1024;
            unit++;
        }
        var text = unit == 0 || scaled >= 100 || Math.Abs(scaled - Math.Round(scaled)) < 0.05
            ? Math.Round(scaled).ToString("0", CultureInfo.InvariantCulture)
            : scaled.ToString("0.0", CultureInfo.InvariantCulture);
        return text + " " + units[unit];
    }

    public static string Severity(FindingSeverity severity) => severity switch
    {
        FindingSeverity.Info => "info",
        FindingSeverity.Low => "low",
        FindingSeverity.Medium => "medium",
        FindingSeverity.High => "high",
        _ => throw new ArgumentOutOfRangeException(nameof(severity)),
    };

    public static string Severity(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Info => "info",
        DiagnosticSeverity.Warning => "warning",
        DiagnosticSeverity.Error => "error",
        _ => throw new ArgumentOutOfRangeException(nameof(severity)),
    };

    /// <summary>The verdict as a kebab-case id: <c>null-pointer-dereference</c>, <c>no-crash</c>.</summary>
    public static string Verdict(CrashVerdict verdict)
    {
        var name = verdict.ToString();
        var builder = new StringBuilder(name.Length + 4);
        foreach (var c in name)
        {
            if (char.IsUpper(c) && builder.Length > 0)
                builder.Append('-');
            builder.Append(char.ToLowerInvariant(c));
        }
        return builder.ToString();
    }

    /// <summary>Why a capture is its group's baseline: <c>chosen</c> (--baseline), <c>first-not-crashed</c>, <c>first</c>, <c>earlier-snapshot</c>.</summary>
    public static string BaselineReason(Analysis.Comparison.Programs.BaselineReason reason) => reason switch
    {
        Analysis.Comparison.Programs.BaselineReason.Chosen => "chosen",
        Analysis.Comparison.Programs.BaselineReason.FirstNotCrashed => "first-not-crashed",
        Analysis.Comparison.Programs.BaselineReason.EarlierSnapshot => "earlier-snapshot",
        _ => "first",
    };

    public static string Location(SourceLocation location) => location.ToString();

    public static string Boolean(bool value) => value ? "true" : "false";

    /// <summary>A container's facts in one cell: <c>Name=value</c> pairs joined by <c>; </c>, in the container's order.</summary>
    public static string Facts(IReadOnlyList<CaptureFact> facts) => string.Join("; ", facts.Select(f => f.Name + "=" + f.Value));
}
