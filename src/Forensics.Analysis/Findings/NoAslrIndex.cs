using System.Runtime.CompilerServices;
using Forensics.Analysis.Layout;
using Forensics.Model;

namespace Forensics.Analysis.Findings;

/// <summary>
/// Every module base of every capture of a run, by module name, so that a module found at the same base in
/// two different process instances (different PIDs) can be reported as loaded without ASLR. Built once per
/// list of captures: <see cref="CaptureAnalyzer.Analyze"/> is called once per capture with the same list.
/// </summary>
internal sealed class NoAslrIndex
{
    private static readonly ConditionalWeakTable<IReadOnlyList<Capture>, NoAslrIndex> Cache = [];

    private readonly Dictionary<(string Name, ulong Base), List<Capture>> _byBase = [];

    private NoAslrIndex(IReadOnlyList<Capture> captures)
    {
        foreach (var capture in captures)
        {
            if (InstanceId(capture) is null)
                continue;
            foreach (var module in capture.Modules)
            {
                if (IsFixedByDesign(module))
                    continue;
                var key = (module.Name, module.Base);
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
        if (InstanceId(capture) is not { } pid)
            yield break;
        foreach (var module in map.Modules)
        {
            if (IsFixedByDesign(module) || !_byBase.TryGetValue((module.Name, module.Base), out var seen))
                continue;
            var others = seen
                .Where(c => InstanceId(c) is { } other && other != pid)
                .Select(c => c.Id + " (pid " + HexFormat.Decimal(InstanceId(c)!.Value) + ")")
                .Distinct(StringComparer.Ordinal)
                .Order(StringComparer.Ordinal)
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
                Message = module.Name + " is at " + HexFormat.Address(module.Base) + " here (pid " + HexFormat.Decimal(pid)
                    + ") and in " + string.Join(", ", others.Take(5)) + (others.Count > 5 ? " and " + HexFormat.Decimal(others.Count - 5) + " more" : "")
                    + ": the same base in different process instances means address-space layout randomisation was off (randomize_va_space 0, a personality flag, or a debugger).",
            };
        }
    }

    /// <summary>[vsyscall] sits at one fixed address on every x86_64 kernel: not a sign of missing ASLR.</summary>
    private static bool IsFixedByDesign(Module module) =>
        module.Name == "[vsyscall]" || (module.Base == 0xffffffffff600000 && module.Name.StartsWith('['));
}
