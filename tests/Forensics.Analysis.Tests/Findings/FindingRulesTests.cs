using Forensics.Analysis.Findings;
using Forensics.Model;
using Forensics.Reports;
using Forensics.TestSupport;

namespace Forensics.Analysis.Tests.Findings;

/// <summary>Each rule on a real capture that triggers it and on one that does not.</summary>
public sealed class FindingRulesTests
{
    private static IReadOnlyList<Finding> FindingsOf(Capture capture) => CaptureAnalyzer.Analyze(capture, [capture]).Findings;

    private static Capture Hello() => SampleCaptures.Text(CaptureFormat.Maps, "set-hello", "sets", "set-hello", "maps");

    private static Capture Sleep() => SampleCaptures.Text(CaptureFormat.Maps, "sleep", "sets", "set-system", "sleep", "maps");

    private static List<Finding> Rule(IReadOnlyList<Finding> findings, string rule) => [.. findings.Where(f => f.Rule == rule)];

    [Fact]
    public void Wx_memory_is_the_rwx_anonymous_region_of_set_hello()
    {
        var finding = Assert.Single(Rule(FindingsOf(Hello()), FindingRules.WritableExecutable));
        Assert.Equal(FindingSeverity.High, finding.Severity);
        Assert.Equal(0x7f1f1f1a7000UL, finding.Start);
        Assert.Equal(0x7f1f1f1a9000UL, finding.End);
        Assert.Null(finding.Name);
    }

    [Fact]
    public void Wx_memory_is_the_rwxp_line_of_the_i386_maps_example()
    {
        var capture = SampleCaptures.Text(CaptureFormat.Maps, "i386", "public", "text", "prometheus-procfs_26234_maps_i386");
        var finding = Assert.Single(Rule(FindingsOf(capture), FindingRules.WritableExecutable));
        Assert.Equal(0x0808c000UL, finding.Start);
        Assert.Equal(0x08146000UL, finding.End);
    }

    [Fact]
    public void Sleep_has_no_wx_anonymous_executable_deleted_or_shared_memory_findings()
    {
        var findings = FindingsOf(Sleep());
        Assert.Empty(Rule(findings, FindingRules.WritableExecutable));
        Assert.Empty(Rule(findings, FindingRules.AnonymousExecutable));
        Assert.Empty(Rule(findings, FindingRules.DeletedMapping));
        Assert.Empty(Rule(findings, FindingRules.ExecutableSharedMemory));
        Assert.Empty(Rule(findings, FindingRules.UnusualImagePath));
        Assert.Empty(Rule(findings, FindingRules.ExecutableStack));
        Assert.Empty(Rule(findings, FindingRules.MissingGuard));
    }

    [Fact]
    public void Anon_exec_without_a_jit_runtime_is_medium()
    {
        var finding = Assert.Single(Rule(FindingsOf(Hello()), FindingRules.AnonymousExecutable));
        Assert.Equal(FindingSeverity.Medium, finding.Severity);
        Assert.Equal(0x7f1f1f1a7000UL, finding.Start);
        Assert.Contains("no JIT runtime", ReportValues.Text(finding.Message), StringComparison.Ordinal);
    }

    [Fact]
    public void Deleted_mapping_is_the_unlinked_data_file_not_dev_zero_or_memfd()
    {
        var finding = Assert.Single(Rule(FindingsOf(Hello()), FindingRules.DeletedMapping));
        Assert.Equal("/opt/forensics/set-hello/hello-deleted.dat (deleted)", finding.Name);
        Assert.Equal(0x7f1f1f1a5000UL, finding.Start);
        Assert.Equal(0x7f1f1f1a7000UL, finding.End);
        Assert.Equal(FindingSeverity.Medium, finding.Severity);
    }

    [Fact]
    public void Exec_shm_in_dotnet_is_the_doublemapper_memfd_and_low_because_coreclr_is_loaded()
    {
        var capture = SampleCaptures.Text(CaptureFormat.Maps, "set-dotnet", "sets", "set-dotnet", "maps");
        var finding = Assert.Single(Rule(FindingsOf(capture), FindingRules.ExecutableSharedMemory));
        Assert.Equal(FindingSeverity.Low, finding.Severity);
        Assert.Equal("/memfd:doublemapper (deleted)", finding.Name);
        Assert.Contains("libcoreclr.so", ReportValues.Text(finding.Message), StringComparison.Ordinal);
    }

    [Fact]
    public void Exec_shm_does_not_fire_for_the_writable_memfd_of_set_hello()
    {
        Assert.Empty(Rule(FindingsOf(Hello()), FindingRules.ExecutableSharedMemory));
    }

    [Fact]
    public void Unusual_image_path_is_the_program_in_a_home_directory()
    {
        var capture = SampleCaptures.Text(CaptureFormat.Gdb, "virophage", "public", "text", "nikosChalk_virophage_gdb13_infoproc_x86_64.txt");
        var finding = Assert.Single(Rule(FindingsOf(capture), FindingRules.UnusualImagePath));
        Assert.Equal("/home/user/virophage", finding.Name);
        Assert.Equal(0x7fe576653000UL, finding.Start);
        Assert.Equal(FindingSeverity.Low, finding.Severity);
    }

    [Fact]
    public void Unusual_image_path_does_not_fire_for_images_under_opt_and_usr()
    {
        Assert.Empty(Rule(FindingsOf(Hello()), FindingRules.UnusualImagePath));
    }

    [Fact]
    public void Exec_stack_is_the_rwxp_stack_of_the_i386_program_without_pt_gnu_stack()
    {
        var capture = SampleCaptures.Text(CaptureFormat.Gdb, "virophage-i386", "public", "text", "nikosChalk_virophage_gdb13_infoproc_i386compat.txt");
        var finding = Assert.Single(Rule(FindingsOf(capture), FindingRules.ExecutableStack));
        Assert.Equal(0xfffdd000UL, finding.Start);
        Assert.Equal(0xffffe000UL, finding.End);
        Assert.Equal(FindingSeverity.High, finding.Severity);
    }

    [Fact]
    public void Exec_stack_does_not_fire_for_a_rw_stack()
    {
        Assert.Empty(Rule(FindingsOf(Hello()), FindingRules.ExecutableStack));
    }

    [Fact]
    public void Non_pie_is_tcsh_at_the_fixed_i386_base()
    {
        var capture = SampleCaptures.Text(CaptureFormat.Maps, "i386", "public", "text", "prometheus-procfs_26234_maps_i386");
        var finding = Assert.Single(Rule(FindingsOf(capture), FindingRules.NonPie));
        Assert.Equal(0x8048000UL, finding.Start);
        Assert.Equal("/bin/tcsh", finding.Name);
    }

    [Fact]
    public void Non_pie_does_not_fire_for_a_pie_at_a_randomised_base()
    {
        Assert.Empty(Rule(FindingsOf(Hello()), FindingRules.NonPie));
    }

    [Fact]
    public void No_aslr_fires_when_two_process_instances_map_libc_at_one_base()
    {
        var text = SampleFile.ReadAllText(TestPaths.CorpusFile("sets", "set-hello", "maps"));
        var first = SampleCaptures.FromText(CaptureFormat.Maps, "first", text);
        var second = SampleCaptures.FromText(CaptureFormat.Maps, "second", text);
        first = first with { Pid = 16367 };
        second = second with { Pid = 20000 };
        // Only captures of one program are compared: a bare maps names none, so both are given the process name.
        (first, second) = (first with { ProcessName = "hello" }, second with { ProcessName = "hello" });
        var findings = Rule(CaptureAnalyzer.Analyze(first, [first, second]).Findings, FindingRules.NoAslr);
        Assert.Equal(["[vdso]", "hello", "ld-linux-x86-64.so.2", "libc.so.6"], findings.Select(f => ReportValues.Text(f.Message).Split(' ')[0]).Order(StringComparer.Ordinal));
        var libc = Assert.Single(findings, f => f.Name == "/usr/lib/x86_64-linux-gnu/libc.so.6");
        Assert.Equal(0x7f1f1efc2000UL, libc.Start);
        Assert.Contains("second (pid 20000)", ReportValues.Text(libc.Message), StringComparison.Ordinal);
    }

    [Fact]
    public void No_aslr_does_not_fire_across_processes_with_randomised_bases_or_for_one_instance_seen_twice()
    {
        var sleep = Sleep();
        var perl = SampleCaptures.Text(CaptureFormat.Maps, "perl", "sets", "set-system", "perl", "maps");
        sleep = sleep with { Pid = 17254 };
        perl = perl with { Pid = 17252 };
        Assert.Empty(Rule(CaptureAnalyzer.Analyze(sleep, [sleep, perl]).Findings, FindingRules.NoAslr));

        var maps = SampleCaptures.Text(CaptureFormat.Maps, "maps", "sets", "set-crash-null", "maps");
        var pmap = SampleCaptures.Text(CaptureFormat.Pmap, "pmap", "sets", "set-crash-null", "pmap.txt");
        maps = maps with { Pid = pmap.Pid };
        Assert.Empty(Rule(CaptureAnalyzer.Analyze(maps, [maps, pmap]).Findings, FindingRules.NoAslr));
    }

    [Fact]
    public void Missing_guard_does_not_fire_for_pthread_stacks_with_their_guard_page()
    {
        Assert.Empty(Rule(FindingsOf(Hello()), FindingRules.MissingGuard));
    }

    [Fact]
    public void Missing_guard_fires_for_a_thread_stack_whose_guard_page_is_gone()
    {
        // set-hello's maps without the ---p page below the first worker's 8 MiB stack.
        var text = SampleFile.ReadAllText(TestPaths.CorpusFile("sets", "set-hello", "maps"))
            .Replace("7f1f1deaf000-7f1f1deb0000 ---p 00000000 00:00 0 \n", "", StringComparison.Ordinal);
        var capture = SampleCaptures.FromText(CaptureFormat.Maps, "no-guard", text);
        capture = capture with { Pid = 16367 };
        capture = capture with { Format = CaptureFormat.Maps };
        capture = capture with { Threads = [.. capture.Threads, new ThreadInfo { Tid = 16369, StackPointer = 0x7f1f1e6aee70 }] };
        var finding = Assert.Single(Rule(FindingsOf(capture), FindingRules.MissingGuard));
        Assert.Equal(0x7f1f1deb0000UL, finding.Start);
        Assert.Equal(0x7f1f1e6b0000UL, finding.End);
    }

    [Fact]
    public void Map_count_does_not_fire_for_20027_mappings()
    {
        var capture = SampleCaptures.Text(CaptureFormat.Maps, "set-big", "sets", "set-big", "maps");
        Assert.Equal(20027, capture.Regions.Count);
        Assert.Empty(Rule(FindingsOf(capture), FindingRules.MapCount));
    }

    [Fact]
    public void Map_count_fires_at_ninety_percent_of_65530()
    {
        // set-big plus two copies of its 20002 small mappings (big-info.txt: 0x7fed41024000-0x7fed45e46000),
        // 256 MiB and 512 MiB lower, where nothing else is mapped: 60031 mappings.
        var lines = SampleFile.ReadAllText(TestPaths.CorpusFile("sets", "set-big", "maps")).TrimEnd('\n').Split('\n');
        var below = lines.Where(l => string.CompareOrdinal(l, "7fed41024000") < 0).ToArray();
        var small = string.Join('\n', lines.Where(l => string.CompareOrdinal(l, "7fed41024000") >= 0 && string.CompareOrdinal(l, "7fed45e46000") < 0));
        var text = string.Join('\n', below) + "\n" + SampleCaptures.ShiftMaps(small, (0, ulong.MaxValue, -0x20000000)) + "\n" + SampleCaptures.ShiftMaps(small, (0, ulong.MaxValue, -0x10000000))
            + "\n" + string.Join('\n', lines.Skip(below.Length)) + "\n";
        var capture = SampleCaptures.FromText(CaptureFormat.Maps, "set-big-tripled", text);
        Assert.Equal(60031, capture.Regions.Count);
        var finding = Assert.Single(Rule(FindingsOf(capture), FindingRules.MapCount));
        Assert.Equal(FindingSeverity.Medium, finding.Severity);
        Assert.StartsWith("60,031 mappings, 91% of", ReportValues.Text(finding.Message), StringComparison.Ordinal);
    }

    [Fact]
    public void Findings_are_ordered_by_severity_then_rule_then_start()
    {
        var findings = FindingsOf(Hello());
        Assert.Equal(
            [(FindingSeverity.High, FindingRules.WritableExecutable), (FindingSeverity.Medium, FindingRules.AnonymousExecutable), (FindingSeverity.Medium, FindingRules.DeletedMapping)],
            findings.Select(f => (f.Severity, f.Rule)));
    }
}
