using Forensics.Analysis.Comparison.Changes;
using Forensics.Analysis.Comparison;
using Forensics.Analysis.Findings;
using Forensics.Analysis.Text;
using Forensics.Analysis;
using Forensics.Model;

namespace Forensics.Reports.Tests;

/// <summary>
/// Captures built from the model with names an attacker controls (a file name can hold any byte but
/// <c>/</c> and NUL), for the escaping tests. Real captures are used wherever the importers give them.
/// </summary>
internal static class HostileCaptures
{
    public const string PipePath = "/tmp/a|b|c.so";
    public const string BacktickPath = "/tmp/`rm -rf`.so";
    public const string ScriptPath = "/tmp/<script>alert(1)</script>.so";
    public const string LinkPath = "/tmp/[x](http://e).so";
    public const string EscapedNewlinePath = "/tmp/line\\012break.so";
    public const string RealNewlinePath = "/tmp/line\nbreak.so";
    public const string FormulaPath = "=cmd|' /C calc'!A0";

    public static readonly string[] Names =
        [PipePath, BacktickPath, ScriptPath, LinkPath, EscapedNewlinePath, RealNewlinePath, FormulaPath];

    public static CaptureAnalysis Analysis()
    {
        var regions = new List<Region>();
        ulong start = 0x7f0000000000;
        foreach (var name in Names)
        {
            regions.Add(new Region(start, start + 0x1000)
            {
                Permissions = Permissions.Of(true, false, true, false),
                Offset = 0,
                Device = "fe:01",
                Inode = 1234,
                Name = name,
                Kind = RegionKind.Text,
                Module = name,
                Sources = RegionSources.Maps,
            });
            start += 0x2000;
        }
        var capture = new Capture
        {
            Id = "hostile-maps",
            InputPath = "=cmd|hostile`maps`.txt",
            Sha256 = new string('a', 64),
            Format = CaptureFormat.Maps,
            Architecture = Architecture.X86_64,
            Pid = 4242,
            ProcessName = "<b>bold</b>|x",
            CommandLine = "[x](http://e) `whoami`",
            Regions = regions,
        };
        var findings = Names.Select((name, i) => new Finding
        {
            Severity = FindingSeverity.High,
            Rule = FindingRules.UnusualImagePath,
            Message = Sentence.Words("image loaded from [/tmp]: " + name),
            Start = 0x7f0000000000 + (ulong)i * 0x2000,
            End = 0x7f0000001000 + (ulong)i * 0x2000,
            Name = name,
        }).ToList();
        return new CaptureAnalysis(capture, null, findings);
    }

    public static AnalysisRun Run() => new(
        [new InputRecord("=cmd|hostile`maps`.txt", InputStatus.Ok, InputProblem.None, null, new string('a', 64), 512, ["hostile-maps"], [])],
        [Analysis()],
        new ComparisonReport
        {
            BaselineId = "hostile-maps",
            CaptureIds = ["hostile-maps"],
            // A module path and a finding's name are text from the evidence; a value may look like a signed number.
            Changes = [new ComparisonChange("hostile-maps", "hostile-maps", ChangeSubject.Module("=HYPERLINK(\"http://e\")"), ChangeKind.ModuleAdded,
                null, new TextValue("-4096"), ChangeDelta.Plus(DeltaUnit.Address, 0x1000))],
        });
}
