using Forensics.Analysis;
using Forensics.Importers.Normalisation;
using Forensics.Model;
using Forensics.Pipeline.Importing;
using Forensics.Pipeline.Listing;
using Forensics.Pipeline.Tests.Store;
using Forensics.TestSupport;

namespace Forensics.Pipeline.Tests.Normalisation;

/// <summary>
/// The ways normalisation and analysis take through a capture's regions give one result on every corpus capture: in
/// one piece or in two halves on two threads (which only a capture of 262,144 regions or more takes by itself), and
/// from regions in address order (one pass gathers the evidence) or out of order (sorted, then gathered again).
/// It runs alone: the split it asks for is the process's.
/// </summary>
[CollectionDefinition(nameof(NormalisationPathsTests), DisableParallelization = true)]
public sealed class NormalisationPathsCollection;

[Collection(nameof(NormalisationPathsTests))]
public sealed class NormalisationPathsTests
{
    [Fact]
    public void Every_corpus_capture_gives_the_same_result_in_halves_and_from_regions_out_of_order()
    {
        var importer = new InputImporter();
        var files = InputLister.List([TestPaths.Corpus], new ImportOptions()).Files;
        var (captures, reordered) = (0, 0);
        foreach (var file in files)
        {
            var inOnePiece = Analysed(importer, file, moveLastFirst: false);
            List<CaptureAnalysis> inHalves;
            using (RegionHalves.SplittingFrom(2))
                inHalves = Analysed(importer, file, moveLastFirst: false);
            var outOfOrder = Analysed(importer, file, moveLastFirst: true);
            Assert.Equal(inOnePiece.Count, inHalves.Count);
            for (var index = 0; index < inOnePiece.Count; index++)
            {
                captures++;
                AssertSame(inOnePiece[index], inHalves[index], file.DisplayPath);
                // Only where the sort gives back the source's order: regions with distinct starts, listed in address order.
                var regions = inOnePiece[index].Capture.Regions;
                if (regions.Count < 2 || !regions.Zip(regions.Skip(1)).All(pair => pair.First.Start < pair.Second.Start))
                    continue;
                reordered++;
                AssertSameFromOutOfOrder(inOnePiece[index], outOfOrder[index], file.DisplayPath);
            }
        }
        Assert.Equal((518, 195, 181), (files.Count, captures, reordered));
    }

    private static List<CaptureAnalysis> Analysed(InputImporter importer, InputFile file, bool moveLastFirst)
    {
        var result = importer.ImportInput(file.FullPath, file.DisplayPath);
        var analyses = new List<CaptureAnalysis>();
        foreach (var builder in result.Captures)
        {
            if (moveLastFirst && builder.Regions.Count >= 2)
            {
                var last = builder.Regions[^1];
                builder.Regions.RemoveAt(builder.Regions.Count - 1);
                builder.Regions.Insert(0, last);
            }
            var capture = CaptureNormalizer.Normalize(builder);
            analyses.Add(CaptureAnalyzer.Analyze(capture, [capture]));
        }
        return analyses;
    }

    private static void AssertSameFromOutOfOrder(CaptureAnalysis expected, CaptureAnalysis actual, string path)
    {
        var (before, after) = (expected.Capture, actual.Capture);
        Assert.Equal(before.Regions.Select(r => (r.Start, r.Kind, r.Module)), after.Regions.Select(r => (r.Start, r.Kind, r.Module)));
        Assert.Equal(before.Architecture, after.Architecture);
        Assert.Equal(before.ArchitectureEvidence, after.ArchitectureEvidence);
        AssertSame(before.Modules, after.Modules, path);
        AssertSame(expected.Findings, actual.Findings, path);
        AssertSame(expected.Crash, actual.Crash, path);
        // The warning that a region was out of order is the only diagnostic more.
        Assert.Equal(before.Diagnostics.Items.Select(d => d.Message),
            after.Diagnostics.Items.Where(d => d.Descriptor != DiagnosticCatalogue.RegionsOutOfOrder).Select(d => d.Message));
    }

    private static void AssertSame(object? expected, object? actual, string path)
    {
        var differences = ObjectGraphComparer.Differences(expected, actual, path);
        Assert.True(differences.Count == 0, string.Join("\n", differences));
    }
}
