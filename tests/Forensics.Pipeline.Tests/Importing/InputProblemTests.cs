using Forensics.Model;
using Forensics.Pipeline.Importing;
using Forensics.TestSupport;

namespace Forensics.Pipeline.Tests.Importing;

/// <summary>A partial or failed input's problem is the one its decisive diagnostic's descriptor names.</summary>
public sealed class InputProblemTests
{
    [Fact]
    public void Each_bad_input_has_the_problem_of_the_descriptor_that_decided_it()
    {
        var batch = new BatchImporter(new ImportOptions()).Import([TestPaths.BadInputs]);

        Assert.Equal(
            [("corrupted-line.maps", InputStatus.Partial, InputProblem.Corrupt, "error FX1001 at line 16:"),
             ("empty.txt", InputStatus.Failed, InputProblem.Empty, "error FX2001:"),
             ("long-paths.pmap-x.txt", InputStatus.Partial, InputProblem.Corrupt, "error FX1026 at line 17:"),
             ("not-a-core.elf.xz", InputStatus.Failed, InputProblem.NotACapture, "error FX4001 at offset 0x10:"),
             ("truncated-64k.core.xz", InputStatus.Partial, InputProblem.Truncated, "error FX3010 at offset 0x1c8:"),
             ("truncated.pmap-x.txt", InputStatus.Partial, InputProblem.Corrupt, "error FX1020 at line 20:")],
            batch.Inputs.Where(i => i.Status is InputStatus.Partial or InputStatus.Failed)
                .Select(i => (i.Path, i.Status, i.Problem, i.Reason![..(i.Reason!.IndexOf(':', StringComparison.Ordinal) + 1)])));
        foreach (var input in batch.Inputs.Where(i => i.Status is InputStatus.Partial or InputStatus.Failed))
        {
            var id = input.Reason!.Split(' ')[1].TrimEnd(':');
            Assert.Equal(DiagnosticCatalogue.Find(id)!.Problem, input.Problem);
        }
    }
}
