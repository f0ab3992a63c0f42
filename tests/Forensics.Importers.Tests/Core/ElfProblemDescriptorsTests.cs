using Forensics.Elf;
using Forensics.Importers.Core;
using Forensics.Model;

namespace Forensics.Importers.Tests.Core;

public sealed class ElfProblemDescriptorsTests
{
    [Fact]
    public void Every_problem_of_the_ELF_reader_has_its_own_descriptor_in_the_catalogue()
    {
        var descriptors = Enum.GetValues<ElfProblem>().Select(ElfProblemDescriptors.Of).ToList();

        Assert.Equal(descriptors.Count, descriptors.Distinct().Count());
        Assert.All(descriptors, d => Assert.Same(d, DiagnosticCatalogue.Find(d.Id)));
        Assert.Equal(("FX3010", InputProblem.Truncated), (ElfProblemDescriptors.Of(ElfProblem.SegmentPastEnd).Id, ElfProblemDescriptors.Of(ElfProblem.SegmentPastEnd).Problem));
        Assert.Equal("FX4007", ElfProblemDescriptors.Of(ElfProblem.FileNoteMalformed).Id);
    }

    [Fact]
    public void A_reader_problem_becomes_a_diagnostic_at_its_default_severity_and_offset()
    {
        var warning = ElfProblemDescriptors.ToDiagnostic(new ElfDiagnostic(ElfProblem.OverlappingSegments, 0x1c8, "segment [3] overlaps segment [2]"));
        var error = ElfProblemDescriptors.ToDiagnostic(new ElfDiagnostic(ElfProblem.NotElf, 0, "no ELF magic"));

        Assert.Equal("warning FX3012 at offset 0x1c8: segment [3] overlaps segment [2]", warning.ToString());
        Assert.Equal("error FX3001 at offset 0x0: no ELF magic", error.ToString());
    }
}
