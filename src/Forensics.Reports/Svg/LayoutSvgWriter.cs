using System.Globalization;
using System.Text;
using Forensics.Analysis.Crash;
using Forensics.Analysis.Text;
using Forensics.Analysis;
using Forensics.Model;
using Forensics.Reports.Escaping;

namespace Forensics.Reports.Svg;

/// <summary>
/// Draws a capture's layout picture (<see cref="LayoutPicture"/>) as a small self-contained SVG file: the segments,
/// the modules under them, the crashing PC and the fault address, and a legend wrapped to the width.
/// </summary>
public static class LayoutSvgWriter
{
    /// <summary>The picture is never wider, however many segments it has: beyond it they are drawn narrower.</summary>
    public const int MaximumWidth = 1200;

    private const int Margin = LayoutGeometry.Margin, BarTop = 28, BarHeight = 40, ModuleTop = BarTop + BarHeight + 2, ModuleHeight = 14,
        MarksTop = ModuleTop + ModuleHeight + 2, RowHeight = 16, Swatch = 10;

    /// <summary>What one character of the 11-pixel monospace font takes, rounded up (DejaVu Sans Mono advances 6.6).</summary>
    private const int CharacterWidth = 7;

    /// <summary>The picture; <paramref name="segments"/> are the capture's <see cref="LayoutPicture.Segments"/> when the caller has them already.</summary>
    public static string Write(CaptureAnalysis analysis, IReadOnlyList<LayoutSegment>? segments = null)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var capture = analysis.Capture;
        segments ??= LayoutPicture.Segments(capture);
        var marks = Marks(analysis.Crash);
        var geometry = new LayoutGeometry(segments, [.. marks.Select(m => m.Address)]);
        var width = geometry.Width;
        var body = new StringBuilder();
        if (segments.Count > 0)
        {
            body.Append("  <g class=\"range\">\n");
            Text(body, Margin, 14, ReportValues.Address(segments[0].Start) + " (low)");
            Text(body, width - Margin, 14, "(high) " + ReportValues.Address(segments[^1].End), anchor: "end");
            body.Append("  </g>\n");
        }
        WriteSegments(body, segments, geometry);
        // The module boxes cover the mark lines where they cross, so the names stay readable.
        WriteMarks(body, marks, geometry);
        WriteModules(body, capture, geometry);
        var legendTop = MarksTop + marks.Count * RowHeight + 8;
        var legendRows = WriteLegend(body, segments, geometry, legendTop);

        var svg = new StringBuilder();
        svg.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").Append(Number(width)).Append("\" height=\"")
            .Append(Number(legendTop + legendRows * RowHeight + 4)).Append("\" font-family=\"monospace\" font-size=\"11\">\n");
        svg.Append("  <title>").Append(UntrustedText.Xml("address space of " + capture.Id + ", low to high")).Append("</title>\n");
        svg.Append(body).Append("</svg>\n");
        return svg.ToString();
    }

    private static void WriteSegments(StringBuilder svg, IReadOnlyList<LayoutSegment> segments, LayoutGeometry geometry)
    {
        svg.Append("  <g class=\"layout\">\n");
        if (geometry.LeadingGap is { } leading)
            GapLine(svg, leading);
        for (var i = 0; i < segments.Count; i++)
        {
            var segment = segments[i];
            if (geometry.GapBefore(i) is { } gap)
                GapLine(svg, gap);
            int left = geometry.Left(i), right = geometry.Right(i);
            Rect(svg, left, BarTop, right - left, BarHeight, Colour(segment.Kind), "#333", segment.Kind.ToId() + " " + ReportValues.Address(segment.Start)
                + "-" + ReportValues.Address(segment.End) + " " + ReportValues.HumanBytes(segment.Size) + " in " + Number(segment.Regions) + " regions");
            if (right - left >= CharacterWidth + 2)
                Text(svg, (left + right) / 2, BarTop + BarHeight / 2 + 4, LayoutPicture.Mark(segment.Kind).ToString(), anchor: "middle");
        }
        if (geometry.TrailingGap is { } trailing)
            GapLine(svg, trailing);
        svg.Append("  </g>\n");
    }

    /// <summary>
    /// A row under the segments with one box per module, named inside where the name fits and clears the name before
    /// (a runtime may map images inside another's range, as .NET does its assemblies).
    /// </summary>
    private static void WriteModules(StringBuilder svg, Capture capture, LayoutGeometry geometry)
    {
        svg.Append("  <g class=\"modules\">\n");
        var namedUpTo = 0;
        foreach (var module in ReportOrder.Modules(capture).Where(m => m.End > m.Base))
        {
            var left = geometry.X(module.Base, out _);
            var right = Math.Max(left + 1, geometry.X(module.End - 1, out _) + 1);
            Rect(svg, left, ModuleTop, right - left, ModuleHeight, "#f4f4f4", "#666",
                module.Name + " " + ReportValues.Address(module.Base) + "-" + ReportValues.Address(module.End) + " " + module.Path);
            var name = Fit(module.Name, (right - left - 4) / CharacterWidth);
            var centre = (left + right) / 2;
            if (name.Length > 0 && centre - name.Length * CharacterWidth / 2 >= namedUpTo)
            {
                Text(svg, centre, ModuleTop + ModuleHeight - 3, name, anchor: "middle");
                namedUpTo = centre + name.Length * CharacterWidth / 2 + CharacterWidth;
            }
        }
        svg.Append("  </g>\n");
    }

    /// <summary>
    /// A line through the picture at each marked address, labelled on a row of its own under the modules; an
    /// unmapped address is marked on the line of the gap it lies in.
    /// </summary>
    private static void WriteMarks(StringBuilder svg, IReadOnlyList<Marker> marks, LayoutGeometry geometry)
    {
        if (marks.Count == 0)
            return;
        svg.Append("  <g class=\"marks\">\n");
        for (var i = 0; i < marks.Count; i++)
        {
            var marker = marks[i];
            var x = geometry.X(marker.Address, out var inSegment);
            var baseline = MarksTop + (i + 1) * RowHeight - 4;
            var title = marker.Label + (inSegment ? "" : " (unmapped: drawn on the gap the address lies in)");
            Line(svg, x, BarTop - 2, baseline - 10, "stroke=\"" + marker.Colour + "\" stroke-width=\"2\"", title);
            svg.Append("    <polygon points=\"").Append(Number(x - 4)).Append(',').Append(Number(BarTop - 9)).Append(' ').Append(Number(x + 4)).Append(',')
                .Append(Number(BarTop - 9)).Append(' ').Append(Number(x)).Append(',').Append(Number(BarTop - 1)).Append("\" fill=\"").Append(marker.Colour).Append("\"/>\n");
            var label = Fit(marker.Label, (geometry.Width - 2 * Margin) / CharacterWidth);
            var labelWidth = label.Length * CharacterWidth;
            // Right of the line where it fits, else left of it, always inside the canvas.
            var start = x + 4 + labelWidth <= geometry.Width - Margin ? x + 4 : x - 4 - labelWidth;
            Text(svg, Math.Clamp(start, Margin, geometry.Width - Margin - labelWidth), baseline, label, fill: marker.Colour);
        }
        svg.Append("  </g>\n");
    }

    /// <summary>One entry per kind drawn (and for the gaps), wrapped onto as many rows as the width needs; returns the rows.</summary>
    private static int WriteLegend(StringBuilder svg, IReadOnlyList<LayoutSegment> segments, LayoutGeometry geometry, int top)
    {
        var entries = segments.Select(s => s.Kind).Distinct().Order()
            .Select(k => (Text: LayoutPicture.Mark(k) + " " + k.ToId(), Colour: (string?)Colour(k))).ToList();
        if (geometry.LeadingGap is not null || geometry.TrailingGap is not null || segments.Any(s => s.GapBefore))
            entries.Add(("unmapped (compressed)", null));
        svg.Append("  <g class=\"legend\">\n");
        int x = Margin, row = 0;
        foreach (var (text, colour) in entries)
        {
            var entryWidth = Swatch + 4 + text.Length * CharacterWidth;
            if (x > Margin && x + entryWidth > geometry.Width - Margin)
            {
                x = Margin;
                row++;
            }
            var baseline = top + row * RowHeight + 10;
            if (colour is null)
                GapLine(svg, x + Swatch / 2, baseline - Swatch, baseline);
            else
                Rect(svg, x, baseline - Swatch, Swatch, Swatch, colour, "#333");
            Text(svg, x + Swatch + 4, baseline, text);
            x += entryWidth + 2 * CharacterWidth;
        }
        svg.Append("  </g>\n");
        return entries.Count == 0 ? 0 : row + 1;
    }

    private static List<Marker> Marks(CrashReport? crash)
    {
        var marks = new List<Marker>();
        if (crash?.Threads.FirstOrDefault(t => t.IsCrashing) is { } thread)
            marks.Add(new(thread.ProgramCounter, "PC " + ReportValues.Address(thread.ProgramCounter) + In(thread.ProgramCounterLocation), "#000000"));
        if (crash?.FaultAddress is { } fault)
            marks.Add(new(fault, "fault address " + ReportValues.Address(fault) + In(crash.FaultLocation), "#c2185b"));
        return marks;

        static string In(Sentence? location) => location is null || location.IsEmpty ? "" : " in " + ReportValues.Text(location);
    }

    private static void GapLine(StringBuilder svg, int x, int top = BarTop, int bottom = BarTop + BarHeight) =>
        Line(svg, x, top, bottom, "stroke=\"#999\" stroke-dasharray=\"2,2\"", "unmapped");

    /// <summary>A vertical line; <paramref name="style"/> is our own attribute text, <paramref name="title"/> is escaped here.</summary>
    private static void Line(StringBuilder svg, int x, int top, int bottom, string style, string title) =>
        svg.Append("    <line x1=\"").Append(Number(x)).Append("\" y1=\"").Append(Number(top)).Append("\" x2=\"").Append(Number(x)).Append("\" y2=\"")
            .Append(Number(bottom)).Append("\" ").Append(style).Append("><title>").Append(UntrustedText.Xml(title)).Append("</title></line>\n");

    /// <summary>A rectangle, with a tooltip when <paramref name="title"/> is given (escaped here).</summary>
    private static void Rect(StringBuilder svg, int x, int y, int width, int height, string fill, string stroke, string? title = null)
    {
        svg.Append("    <rect x=\"").Append(Number(x)).Append("\" y=\"").Append(Number(y)).Append("\" width=\"").Append(Number(width)).Append("\" height=\"")
            .Append(Number(height)).Append("\" fill=\"").Append(fill).Append("\" stroke=\"").Append(stroke).Append("\" stroke-width=\"0.5\"");
        if (title is null)
            svg.Append("/>\n");
        else
            svg.Append("><title>").Append(UntrustedText.Xml(title)).Append("</title></rect>\n");
    }

    /// <summary>A text element; <paramref name="text"/> is escaped here, so evidence text may be passed as it is.</summary>
    private static void Text(StringBuilder svg, int x, int baseline, string text, string? anchor = null, string? fill = null)
    {
        svg.Append("    <text x=\"").Append(Number(x)).Append("\" y=\"").Append(Number(baseline)).Append('"');
        if (anchor is not null)
            svg.Append(" text-anchor=\"").Append(anchor).Append('"');
        if (fill is not null)
            svg.Append(" fill=\"").Append(fill).Append('"');
        svg.Append('>').Append(UntrustedText.Xml(text)).Append("</text>\n");
    }

    /// <summary>The text cut to <paramref name="characters"/> with an ellipsis, or empty when too few would be left to read.</summary>
    private static string Fit(string text, int characters) =>
        text.Length <= characters ? text : characters >= 4 ? text[..(characters - 1)] + "…" : "";

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Colour(RegionKind kind) => kind switch
    {
        RegionKind.Text => "#e4572e",
        RegionKind.Rodata => "#f3a712",
        RegionKind.Relro => "#f6c85f",
        RegionKind.Data => "#76b041",
        RegionKind.Bss => "#a8d08d",
        RegionKind.Gap or RegionKind.Guard => "#dddddd",
        RegionKind.Heap => "#2e86ab",
        RegionKind.Stack => "#6a4c93",
        RegionKind.ThreadStack => "#9d7cc1",
        RegionKind.Vdso or RegionKind.Vvar or RegionKind.Vsyscall => "#555555",
        RegionKind.Anon => "#9ecae1",
        RegionKind.AnonExec => "#d62728",
        RegionKind.File => "#c7b198",
        RegionKind.Shm => "#17becf",
        _ => "#ffffff",
    };

    /// <summary>An address marked on the picture, with its label and colour.</summary>
    private sealed record Marker(ulong Address, string Label, string Colour);
}
