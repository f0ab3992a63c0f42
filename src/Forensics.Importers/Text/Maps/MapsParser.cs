using Forensics.Importers.Budget;
using Forensics.Model;

namespace Forensics.Importers.Text.Maps;

/// <summary>Parses a whole <c>/proc/PID/maps</c> capture (docs/formats.md#procpidmaps).</summary>
internal static class MapsParser
{
    private const int ShortestLine = 16;

    /// <summary>Parses <paramref name="text"/>; <paramref name="readUpTo"/>, when given, is told now and then the offset below which no byte is read again.</summary>
    public static CaptureBuilder Parse(ReadOnlySpan<byte> text, int firstLine, ReadBudget budget, Action<int>? readUpTo = null)
    {
        var capture = new CaptureBuilder { Format = CaptureFormat.Maps, Variant = "kernel" };
        // One region per line at most: sizing the list once saves its regrowth copies (a 20,000-line capture
        // otherwise allocates 2^15 slots, on the large object heap). The shortest maps line
        // ("0-0 ---p 0 0:0 0") bounds what an input of blank lines can make it allocate.
        capture.Regions.Capacity = Math.Min(text.Count((byte)'\n') + 1, text.Length / ShortestLine + 1);
        var names = new NameTable();
        string? variant = null;
        // Lines laid out as the kernel prints them (nearly all) are read from their bytes; any other is decoded first.
        var scratch = Array.Empty<char>();
        var lines = new Utf8Lines(text, firstLine, budget, readUpTo);
        while (lines.MoveNext(out var bytes, out var number))
        {
            if (MapsLineParser.TryParseKernelLine(bytes, number, capture, names, RegionSources.Maps, ref scratch,
                    out var region, out var nameColumn))
            {
                if (region is null)
                    continue;
                capture.Regions.Add(region);
                variant ??= MapsLineParser.PaddingVariant(nameColumn, bytes);
                continue;
            }
            var line = Utf8Text.Decode(bytes, ref scratch);
            if (TextSpan.IsAllBlank(line) || TextCaptureChecks.ReportElision(capture, line, number))
                continue;
            region = MapsLineParser.Parse(line, number, capture, names, RegionSources.Maps, out nameColumn);
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
