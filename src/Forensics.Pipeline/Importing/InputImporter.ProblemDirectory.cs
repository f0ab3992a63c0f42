using Forensics.Importers.Budget;
using Forensics.Importers.Containers.Abrt;
using Forensics.Importers.Core;
using Forensics.Importers.Detection;
using Forensics.Model;

namespace Forensics.Pipeline.Importing;

public sealed partial class InputImporter
{
    /// <summary>
    /// An ABRT problem directory as one input: its items read bounded, its <c>coredump</c> opened once by content
    /// (compressed or not), imported, walked and annotated as a core file would be, then merged with its <c>maps</c>.
    /// </summary>
    private InputResult ImportProblemDirectory(
        string directory, string displayPath, FileSnapshot before, Task<FileHash?> hashing, DiagnosticBag diagnostics, ReadBudget budget)
    {
        var (items, corePath) = ProblemDirectoryReader.Read(directory, budget, diagnostics);
        CaptureBuilder? core = null;
        if (corePath is not null)
        {
            using var opened = _opener.Open(corePath, diagnostics);
            if (opened.IsReadable && ContentSniffer.Sniff(opened.Head) == ContentKind.Elf)
            {
                core = CoreImporter.Import(opened.Read(), displayPath, budget);
                core.InputPath = displayPath;
                WalkStacks(core, opened, budget);
                AnnotateManagedRuntime(core, opened);
                opened.ReadToEnd(budget);
            }
            else
            {
                diagnostics.Error(DiagnosticCatalogue.AbrtCoreNotElf, SourceLocation.AtOffset(0),
                    $"the item [{Path.GetFileName(corePath)}] is not an ELF core (first bytes [{Convert.ToHexStringLower(opened.Head.AsSpan(0, Math.Min(8, opened.Head.Length)))}])");
            }
        }
        var usable = Usable(null, displayPath, [AbrtImporter.Import(items, core, displayPath, budget)], diagnostics, budget);
        var after = FileSnapshot.Of(directory);
        var finished = Finished(hashing);
        var changed = ReportChange(before, after, finished?.Bytes, diagnostics);
        return Result(displayPath, finished, before.Length, usable, null, changed, diagnostics);
    }
}
