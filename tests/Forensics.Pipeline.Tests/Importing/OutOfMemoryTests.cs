using Forensics.Importers.Detection;
using Forensics.Importers.Tests.Detection;
using Forensics.Model;
using Forensics.Pipeline.Importing;
using Forensics.TestSupport;

namespace Forensics.Pipeline.Tests.Importing;

public sealed class OutOfMemoryTests
{
    [Fact]
    public void Running_out_of_memory_on_one_input_is_its_memory_limit_and_the_rest_of_the_batch_is_whole()
    {
        using var folder = new TemporaryFolder();
        File.Copy(TestPaths.CorpusFile("crash-null", "core.xz"), Path.Combine(folder.Path, "evidence.core.xz"));
        folder.Write("good.maps", "00400000-00401000 r-xp 00000000 08:01 11 /bin/good\n");
        var importer = new BatchImporter(new ImportOptions { MergeInstances = false })
        {
            BetweenReads = path =>
            {
                if (path.EndsWith("evidence.core.xz", StringComparison.Ordinal))
                    throw new OutOfMemoryException("a heap limit was reached");
            },
        };

        var batch = importer.Import([folder.Path]);

        var core = Assert.Single(batch.Inputs, i => i.Path == "evidence.core.xz");
        Assert.Equal((InputStatus.Failed, InputProblem.MemoryLimit), (core.Status, core.Problem));
        Assert.Equal(DiagnosticCatalogue.MemoryLimit.Id, Assert.Single(core.Diagnostics).Id);
        Assert.Equal(InputStatus.Ok, Assert.Single(batch.Inputs, i => i.Path == "good.maps").Status);
        Assert.Single(batch.Captures);
    }
}
