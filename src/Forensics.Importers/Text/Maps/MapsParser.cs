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
        var capture = NewCapture(text);
        return Finish(capture, ParseLines(text, firstLine, budget, readUpTo, capture), firstLine);
    }

    /// <summary>
    /// As <see cref="Parse(ReadOnlySpan{byte}, int, ReadBudget, Action{int})"/>, a large text parsed in
    /// <see cref="TextPieces"/>, one per core (<paramref name="pieceCount"/> overrides how many); the pieces' regions and
    /// diagnostics are joined in line order, so the capture is the one a single pass makes. <paramref name="passed"/>,
    /// when given, is told now and then a range of <paramref name="text"/> (start, end) whose bytes are not read again.
    /// </summary>
    public static CaptureBuilder Parse(ReadOnlyMemory<byte> text, int firstLine, ReadBudget budget, Action<int, int>? passed = null,
        int? pieceCount = null)
    {
        var pieces = TextPieces.Cut(text.Span, firstLine, pieceCount ?? TextPieces.CountFor(text.Length));
        if (pieces.Count == 1)
            return Parse(text.Span, firstLine, budget, passed is null ? null : offset => passed(0, offset));
        var parsed = TextPieces.Run(text, pieces, budget, (bytes, piece, pieceBudget) =>
        {
            var capture = NewCapture(bytes);
            var variant = ParseLines(bytes, piece.FirstLine, pieceBudget, passed is null ? null : offset => passed(piece.Start, piece.Start + offset), capture);
            return (Capture: capture, Variant: variant);
        });
        var whole = parsed[0].Capture;
        whole.Regions.Capacity = parsed.Sum(p => p.Capture.Regions.Count);
        foreach (var (capture, _) in parsed.Skip(1))
        {
            whole.Regions.AddRange(capture.Regions);
            whole.Diagnostics.AddRange(capture.Diagnostics.Items);
        }
        return Finish(whole, parsed.Select(p => p.Variant).FirstOrDefault(v => v is not null), firstLine);
    }

    private static CaptureBuilder NewCapture(ReadOnlySpan<byte> text)
    {
        var capture = new CaptureBuilder { Format = CaptureFormat.Maps, Variant = "kernel" };
        // One region per line at most: sizing the list once saves its regrowth copies (a 20,000-line capture
        // otherwise allocates 2^15 slots, on the large object heap). The shortest maps line
        // ("0-0 ---p 0 0:0 0") bounds what an input of blank lines can make it allocate.
        capture.Regions.Capacity = Math.Min(text.Count((byte)'\n') + 1, text.Length / ShortestLine + 1);
        return capture;
    }

    private static CaptureBuilder Finish(CaptureBuilder capture, string? variant, int firstLine)
    {
        if (variant is not null)
            capture.Variant = variant;
        TextCaptureChecks.RequireRegions(capture, firstLine);
        return capture;
    }

    /// <summary>Adds the regions and diagnostics of <paramref name="text"/>'s lines to <paramref name="capture"/>; the variant the first padded name shows.</summary>
    private static string? ParseLines(ReadOnlySpan<byte> text, int firstLine, ReadBudget budget, Action<int>? readUpTo, CaptureBuilder capture)
    {
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
        return variant;
    }
}
