using Forensics.Importers.Tests.Detection;
using Forensics.Pipeline.Importing;
using Forensics.Pipeline.Listing;
using Forensics.Pipeline.Store;
using Forensics.TestSupport;

namespace Forensics.Pipeline.Tests.Store;

public sealed class ResultFolderTests
{
    private static readonly ImportOptions Options = new();

    /// <summary>Imports (or reuses) every input of <paramref name="inputs"/> into the result folder of <paramref name="output"/> on one thread.</summary>
    private static ResultFolder Run(string output, InputList inputs)
    {
        var folder = new ResultFolder(output, Options, fresh: false);
        var importer = new InputImporter(Options);
        foreach (var file in inputs.Files)
            folder.ImportOrReuse(importer, file);
        folder.Finish();
        return folder;
    }

    [Fact]
    public void A_record_cut_short_reads_as_the_end_of_its_pack_the_results_before_it_are_reused_and_the_next_finish_joins_them()
    {
        using var output = new TemporaryFolder();
        var inputs = InputLister.List([Path.Combine(TestPaths.Corpus, "crash-null")], Options);
        Assert.Equal(13, inputs.Files.Count);
        Run(output.Path, inputs);
        var pack = Assert.Single(Directory.GetFiles(Path.Combine(output.Path, ResultFolder.FolderName), "*.fxpk"));
        Assert.Equal(13, ResultFolder.CountKept(output.Path));

        // The last record loses its last byte, as when a run is stopped while writing it.
        using (var file = new FileStream(pack, FileMode.Open, FileAccess.ReadWrite))
            file.SetLength(file.Length - 1);
        Assert.Equal(12, ResultFolder.CountKept(output.Path));

        var second = Run(output.Path, inputs);
        Assert.Equal(12, second.Reused);
        Assert.Equal(13, second.Kept);
        var joined = Assert.Single(Directory.GetFiles(Path.Combine(output.Path, ResultFolder.FolderName), "*.fxpk"));
        Assert.NotEqual(pack, joined);
        Assert.Equal(13, ResultFolder.CountKept(output.Path));
        Assert.Equal(13, Run(output.Path, inputs).Reused);
    }
}
