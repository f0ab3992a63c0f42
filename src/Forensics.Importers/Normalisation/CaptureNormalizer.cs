using System.Runtime.InteropServices;
using Forensics.Model;

namespace Forensics.Importers.Normalisation;

/// <summary>
/// Turns what an importer produced into the model of docs/region-model.md#normalisation: regions sorted by start (out-of-order and overlapping
/// regions reported, not guessed at), the architecture decided from evidence, every region given a kind, and the
/// ELF images grouped into modules.
/// </summary>
public static class CaptureNormalizer
{
    /// <summary>
    /// The normalised, read-only capture of <paramref name="capture"/>. Each region's kind is the one its importer
    /// stated (<see cref="Region.StatedKind"/>), else the one classification gives; an architecture an importer set is
    /// kept; modules are rebuilt from the regions each time. The capture takes the builder's regions, modules and
    /// threads as they are, so the builder is done with once normalised.
    /// </summary>
    public static Capture Normalize(CaptureBuilder capture)
    {
        ArgumentNullException.ThrowIfNull(capture);
        Complete(capture);
        return Freeze(capture);
    }

    /// <summary>The steps of <see cref="Normalize"/> on the builder itself, for a merge that still adds to it before freezing.</summary>
    internal static void Complete(CaptureBuilder capture)
    {
        var (layout, files, unnamedOnly) = Scan(capture);
        Apply(capture, ArchitectureDetector.Decide(capture, layout));
        var images = ImageMap.Build(capture, files);
        // Kinds read a Linux process layout into the regions; another system's core or a kernel's vmcore has none.
        if (capture.UnsupportedReason is null)
            RegionClassifier.Classify(capture, images);
        // Unnamed regions with no kind stated and no image a core found make no module (not even the vdso's): no pass for them.
        if (unnamedOnly && !images.HasImages)
            capture.Modules.Clear();
        else
            ModuleBuilder.Build(capture, images);
    }

    /// <summary>
    /// The one pass over the regions in the source's order that their ordering, the architecture's layout evidence and
    /// the image map's file evidence share, since a pass over the millions of regions of a large maps costs their memory
    /// traffic. The evidence is gathered again in address order when the regions had to be sorted.
    /// </summary>
    private static (ArchitectureDetector.Layout? Layout, ImageMap.Files Files, bool UnnamedOnly) Scan(CaptureBuilder capture)
    {
        var ordering = new RegionOrdering(capture);
        var layout = ArchitectureDetector.LayoutFor(capture);
        var files = new ImageMap.Files(capture);
        var unnamedOnly = true;
        Region? previous = null;
        foreach (var region in CollectionsMarshal.AsSpan(capture.Regions))
        {
            ordering.Add(previous, region);
            layout?.Add(region);
            files.Add(region);
            unnamedOnly &= region.Name is null && region.StatedKind == RegionKind.Unknown;
            previous = region;
        }
        if (ordering.Finish())
        {
            layout = ArchitectureDetector.LayoutFor(capture);
            files = new ImageMap.Files(capture);
            foreach (var region in CollectionsMarshal.AsSpan(capture.Regions))
            {
                layout?.Add(region);
                files.Add(region);
            }
        }
        return (layout, files, unnamedOnly);
    }

    private static void Apply(CaptureBuilder capture, ArchitectureDecision decision)
    {
        capture.Architecture = decision.Architecture;
        capture.ArchitectureEvidence.AddRange(decision.Evidence);
        if (decision.Contradiction is { } contradiction)
            capture.Diagnostics.Warning(DiagnosticCatalogue.ArchitectureContradiction, SourceLocation.None, contradiction);
    }

    internal static Capture Freeze(CaptureBuilder capture) => new()
    {
        Id = capture.Id,
        InputPath = capture.InputPath,
        LineRange = capture.LineRange,
        Sha256 = capture.Sha256,
        Format = capture.Format,
        Variant = capture.Variant,
        Architecture = capture.Architecture,
        ArchitectureEvidence = [.. capture.ArchitectureEvidence],
        Pid = capture.Pid,
        ProcessName = capture.ProcessName,
        CommandLine = capture.CommandLine,
        // The builder's own list, not a copy: the builder is done with, and a copy of 2,000,000 regions' references
        // (a generated maps) would keep 16 MB more for as long as the import's results are kept.
        Regions = capture.Regions,
        Modules = [.. capture.Modules],
        Images = [.. capture.Images],
        Threads = [.. capture.Threads],
        AbortMessage = capture.AbortMessage,
        Signal = capture.Signal,
        Process = capture.Process,
        Auxv = [.. capture.Auxv],
        Notes = [.. capture.Notes],
        UnsupportedReason = capture.UnsupportedReason,
        Runtime = capture.Runtime,
        Totals = capture.Totals,
        TotalsRange = capture.TotalsRange,
        DeclaredTotals = [.. capture.DeclaredTotals],
        Facts = [.. capture.Facts],
        MergedInputs = [.. capture.MergedInputs],
        Diagnostics = new DiagnosticList(capture.Diagnostics.Items),
    };
}
