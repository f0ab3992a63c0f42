using Forensics.Pipeline.Importing;
using Forensics.Pipeline.Listing;
using Forensics.Pipeline.Normalisation;

namespace Forensics.Pipeline;

/// <summary>
/// Lists, imports and normalises inputs one after the other, keeping nothing and analysing nothing: the short path
/// to a batch of captures for tools and tests. <see cref="AnalysisPipeline"/> runs the same steps in parallel.
/// </summary>
public sealed class BatchImporter(ImportOptions? options = null)
{
    private readonly ImportOptions _options = options ?? new ImportOptions();

    /// <summary>Test seam of <see cref="InputImporter.BetweenReads"/>.</summary>
    internal Action<string>? BetweenReads { get; init; }

    /// <summary>Imports every file under <paramref name="paths"/> (directories recursively), see <see cref="InputLister.List"/>.</summary>
    public ImportBatch Import(IEnumerable<string> paths)
    {
        var inputs = InputLister.List(paths, _options);
        var importer = new InputImporter(_options) { BetweenReads = BetweenReads };
        return BatchNormaliser.Normalise([.. inputs.Files.Select(f => importer.ImportInput(f.FullPath, f.DisplayPath)), .. inputs.Problems], _options);
    }

    /// <summary>Imports one file, shown as <paramref name="displayPath"/> in ids and reports.</summary>
    public ImportBatch ImportFile(string path, string displayPath) =>
        BatchNormaliser.Normalise([new InputImporter(_options) { BetweenReads = BetweenReads }.ImportInput(path, displayPath)], _options);
}
