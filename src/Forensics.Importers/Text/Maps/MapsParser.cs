using Forensics.Model;

namespace Forensics.Importers.Text.Maps;

/// <summary>Parses a whole <c>/proc/PID/maps</c> capture (FORMATS.md §1).</summary>
internal static class MapsParser
{
    public static Capture Parse(ReadOnlySpan<char> text, int firstLine)
    {
        var capture = new Capture { Format = CaptureFormat.Maps, Variant = "kernel" };
        var names = new NameTable();
        string? variant = null;
        var lines = new TextLines(text, firstLine);
        while (lines.MoveNext(out var line, out var number))
        {
            if (TextSpan.IsAllBlank(line))
                continue;
            var region = MapsLineParser.Parse(line, number, capture, names, RegionSources.Maps, out var nameColumn);
            if (region is null)
                continue;
            capture.Regions.Add(region);
            variant ??= MapsLineParser.PaddingVariant(nameColumn, line);
        }
        if (variant is not null)
            capture.Variant = variant;
        TextCaptureChecks.RequireRegions(capture, firstLine);
        return capture;
    }
}
