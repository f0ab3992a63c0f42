using System.Runtime.CompilerServices;
using Forensics.Analysis.Layout;
using Forensics.Analysis.Text;
using Forensics.Model;
using static Forensics.Analysis.Text.SentenceValues;

namespace Forensics.Analysis.Findings;

/// <summary>
/// Every randomisable module base of every capture of a run, by program and module name, so that a PIE executable or
/// shared library found at the same base in two different process instances (different PIDs) of the same program can
/// be reported as loaded without ASLR. A non-PIE executable is at its link address in every run by design, and two
/// different programs tell nothing about each other, so neither is compared. Built once per list of captures:
/// <see cref="CaptureAnalyzer.Analyze"/> is called once per capture with the same list.
/// </summary>
internal sealed class NoAslrIndex
{
    private static readonly ConditionalWeakTable<IReadOnlyList<Capture>, NoAslrIndex> Cache = [];

    private readonly Dictionary<(string Program, string Name, ulong Base), List<Capture>> _byBase = [];

    private NoAslrIndex(IReadOnlyList<Capture> captures)
    {
        foreach (var capture in captures)
        {
            if (InstanceId(capture) is null || ProgramOf(capture) is not { } program)
                continue;
            foreach (var module in capture.Modules)
            {
                if (IsFixedByDesign(module, capture.Architecture))
                    continue;
                var key = (program, module.Name, module.Base);
                if (!_byBase.TryGetValue(key, out var list))
                    _byBase[key] = list = [];
                list.Add(capture);
            }
        }
    }

    public static NoAslrIndex For(IReadOnlyList<Capture> captures) => Cache.GetValue(captures, static c => new NoAslrIndex(c));

    /// <summary>The process instance a capture shows: its PID, where a source gives one.</summary>
    public static int? InstanceId(Capture capture) => capture.Pid ?? capture.Process?.Pid;

    public IEnumerable<Finding> Find(AddressMap map)
    {
        var capture = map.Capture;
        if (InstanceId(capture) is not { } pid || ProgramOf(capture) is not { } program)
            yield break;
        foreach (var module in map.Modules)
        {
            if (IsFixedByDesign(module, capture.Architecture) || !_byBase.TryGetValue((program, module.Name, module.Base), out var seen))
                continue;
            var others = seen
                .Where(c => InstanceId(c) is { } other && other != pid)
                .Select(c => (c.Id, Pid: InstanceId(c)!.Value))
                .Distinct()
                .OrderBy(c => c.Id, StringComparer.Ordinal)
                .ThenBy(c => c.Pid)
                .Select(c => Sentence.Of($"{c.Id} (pid {c.Pid})"))
                .ToList();
            if (others.Count == 0)
                continue;
            yield return new Finding
            {
                Severity = FindingSeverity.Medium,
                Rule = FindingRules.NoAslr,
                Start = module.Base,
                End = module.End,
                Name = module.Path,
                Message = Sentence.Of($"{module.Name} is at {Address(module.Base)} here (pid {pid}) and in {Sentence.Join(", ", others.Take(5))}"
                    + $"{(others.Count > 5 ? Sentence.Of($" and {others.Count - 5} more") : Sentence.Empty)}"
                    + $": the same base in different process instances of {program} means address-space layout randomisation was off (randomize_va_space 0, a personality flag, or a debugger)."),
            };
        }
    }

    /// <summary>The program a capture runs: its main executable's path, else the process name; null when unknown.</summary>
    private static string? ProgramOf(Capture capture) =>
        capture.Modules.FirstOrDefault(m => m.IsMainExecutable)?.Path ?? (capture.ProcessName is { Length: > 0 } name ? name : null);

    /// <summary>
    /// Modules whose address ASLR never changes: [vsyscall] (one fixed address on every x86_64 kernel), an ET_EXEC
    /// image, and a main executable at a non-PIE base (docs/region-model.md#modules).
    /// </summary>
    private static bool IsFixedByDesign(Module module, Architecture architecture) =>
        module.Name == "[vsyscall]" || (module.Base == 0xffffffffff600000 && module.Name.StartsWith('['))
        || module.IsPositionIndependent == false
        || (module.IsMainExecutable && NonPieBase.Reason(module.Base, architecture) is not null);
}
