using Forensics.TestSupport;

namespace Forensics.Cli.Tests;

/// <summary>The corpus .NET core end to end: ClrMD's annotation reaches the findings and the crash section.</summary>
public sealed class DotnetCoreReportTests : IDisposable
{
    private readonly string _output = Directory.CreateTempSubdirectory("forensics-dotnet-").FullName;

    public DotnetCoreReportTests()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        ForensicsCommandLine.AnalyzeCommand([TestPaths.CorpusFile("dotnet", "dotnet-crash.core.xz")], _output, null, "md,csv",
            ProgressReporter.Silent, stdout, stderr);
    }

    public void Dispose() => Directory.Delete(_output, recursive: true);

    [Fact]
    public void The_managed_exception_in_flight_is_in_the_crash_section()
    {
        var report = File.ReadAllText(Path.Combine(_output, "captures", "dotnet-crash.core.xz.md"));

        Assert.Contains("**Managed exception** on thread 20160: System.InvalidOperationException: forensics corpus\\: unhandled exception after mapping rwx memory",
            report, StringComparison.Ordinal);
        Assert.Contains("- Managed runtime: .NET 10.0.12", report, StringComparison.Ordinal);
    }

    [Fact]
    public void Jit_code_heaps_are_info_while_the_programs_own_rwx_mapping_stays_a_finding()
    {
        var findings = File.ReadAllLines(Path.Combine(_output, "findings.csv")).Skip(1).Select(l => l.Split(',')).ToList();
        var executable = findings.Where(f => f[2] is "anon-exec" or "wx-memory").ToList();

        // The program's own mmap(PROT_READ|PROT_WRITE|PROT_EXEC) at 0x7f8a10e1a000 (corpus/dotnet/dotnet-crash-info.txt).
        Assert.Equal(
            [("high", "wx-memory"), ("medium", "anon-exec")],
            executable.Where(f => f[3] == "0x7f8a10e1a000").Select(f => (f[1], f[2])).Order());
        var runtimeCode = executable.Where(f => f[3] != "0x7f8a10e1a000").ToList();
        Assert.Equal(8, runtimeCode.Count);
        Assert.All(runtimeCode, f => Assert.Equal(("info", "anon-exec"), (f[1], f[2])));
    }
}
