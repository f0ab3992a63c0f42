using Forensics.Elf;
using Forensics.Model;

namespace Forensics.Importers.Core;

/// <summary>Adds each problem the ELF reader reports to a capture's diagnostics as the catalogue's diagnostic for it.</summary>
internal sealed class DiagnosticBagElfSink(DiagnosticBag diagnostics) : IElfDiagnosticSink
{
    public void Report(ElfProblem problem, ulong? offset, string message) =>
        diagnostics.Add(ElfProblemDescriptors.ToDiagnostic(new ElfDiagnostic(problem, offset, message)));
}
