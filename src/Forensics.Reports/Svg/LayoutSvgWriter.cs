using System.Globalization;
using System.Text;
using Forensics.Model;
using Forensics.Reports.Escaping;

namespace Forensics.Reports.Svg;

/// <summary>Draws a capture's layout picture (<see cref="LayoutPicture"/>) as a small self-contained SVG file.</summary>
public static class LayoutSvgWriter
{
    private const int Unit = 12, GapWidth = 8, BarTop = 24, BarHeight = 40, Margin = 8;

    public static string Write(Capture capture)
    {
        ArgumentNullException.ThrowIfNull(capture);
        var segments = LayoutPicture.Segments(capture);
        var width = Margin * 2 + segments.Sum(s => LayoutPicture.Width(s) * Unit + (s.GapBefore ? GapWidth : 0));
        width = Math.Max(width, 320);
        var svg = new StringBuilder();
        svg.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").Append(Number(width))
            .Append("\" height=\"").Append(Number(BarTop + BarHeight + 28)).Append("\" font-family=\"monospace\" font-size=\"11\">\n");
        svg.Append("  <title>").Append(UntrustedText.Xml("address space of " + capture.Id + ", low to high")).Append("</title>\n");
        if (segments.Count > 0)
        {
            svg.Append("  <text x=\"").Append(Number(Margin)).Append("\" y=\"16\">").Append(ReportValues.Address(segments[0].Start))
                .Append(" (low)</text>\n");
            svg.Append("  <text x=\"").Append(Number(width - Margin)).Append("\" y=\"16\" text-anchor=\"end\">(high) ")
                .Append(ReportValues.Address(segments[^1].End)).Append("</text>\n");
        }
        var x = Margin;
        foreach (var segment in segments)
        {
            if (segment.GapBefore)
            {
                svg.Append("  <line x1=\"").Append(Number(x + GapWidth / 2)).Append("\" y1=\"").Append(Number(BarTop))
                    .Append("\" x2=\"").Append(Number(x + GapWidth / 2)).Append("\" y2=\"").Append(Number(BarTop + BarHeight))
                    .Append("\" stroke=\"#999\" stroke-dasharray=\"2,2\"><title>unmapped</title></line>\n");
                x += GapWidth;
            }
            var w = LayoutPicture.Width(segment) * Unit;
            svg.Append("  <rect x=\"").Append(Number(x)).Append("\" y=\"").Append(Number(BarTop)).Append("\" width=\"").Append(Number(w))
                .Append("\" height=\"").Append(Number(BarHeight)).Append("\" fill=\"").Append(Colour(segment.Kind))
                .Append("\" stroke=\"#333\" stroke-width=\"0.5\"><title>")
                .Append(UntrustedText.Xml(segment.Kind.ToId() + " " + ReportValues.Address(segment.Start) + "-" + ReportValues.Address(segment.End)
                    + " " + ReportValues.HumanBytes(segment.Size) + " in " + Number(segment.Regions) + " regions"))
                .Append("</title></rect>\n");
            svg.Append("  <text x=\"").Append(Number(x + w / 2)).Append("\" y=\"").Append(Number(BarTop + BarHeight / 2 + 4))
                .Append("\" text-anchor=\"middle\">").Append(LayoutPicture.Mark(segment.Kind)).Append("</text>\n");
            x += w;
        }
        var legend = string.Join("  ", segments.Select(s => s.Kind).Distinct().Order().Select(k => LayoutPicture.Mark(k) + " " + k.ToId()));
        svg.Append("  <text x=\"").Append(Number(Margin)).Append("\" y=\"").Append(Number(BarTop + BarHeight + 18)).Append("\">")
            .Append(UntrustedText.Xml(legend)).Append("</text>\n");
        svg.Append("</svg>\n");
        return svg.ToString();
    }

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
}
