using Forensics.Reports.Tests.Parquet;
using Forensics.TestSupport;

namespace Forensics.Reports.Tests.Changes;

public sealed class ChangeTextTests
{
    private static IEnumerable<string> Rows(PreparedRun run) =>
        run.ComparisonRows.Select(r => string.Join('|', r.BaselineId, r.CaptureId, r.Subject, r.Change, r.BaselineValue, r.Value, r.Delta));

    [Fact]
    public void Two_runs_under_aslr_print_the_verdict_first_then_each_module_with_its_bases_and_slide_in_hex()
    {
        var run = CorpusRun.Import(TestPaths.CorpusFile("aslr-pair"));

        // The rows comparison.csv in reports/ holds for this pair (there the ids carry the folder: aslr-pair-run-1-maps).
        Assert.Equal(
        [
            "run-1.maps|run-2.maps|layout|same layout, different bases||4 modules in both (4 slid), 0 added, 0 removed, 0 segment changes, 0 build-id changes|",
            "run-1.maps|run-2.maps|/tmp/forensics-corpus/bin/print_maps|present|0x560571549000|0x55624a5c0000|-0xa326f89000",
            "run-1.maps|run-2.maps|/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2|present|0x7ff03d449000|0x7f4ef0788000|-0xa14ccc1000",
            "run-1.maps|run-2.maps|/usr/lib/x86_64-linux-gnu/libc.so.6|present|0x7ff03d254000|0x7f4ef0593000|-0xa14ccc1000",
            "run-1.maps|run-2.maps|[vdso]|present|0x7ff03d447000|0x7f4ef0786000|-0xa14ccc1000",
        ], Rows(run));
    }

    [Fact]
    public void A_64_mib_allocation_prints_its_anonymous_role_range_and_size_in_decimal_bytes()
    {
        var run = CorpusRun.Import(TestPaths.CorpusFile("grow"));

        var rows = Rows(run).ToList();
        // The baseline is the earlier snapshot, before-maps, which after-maps only grew from: the allocation is added.
        // Both totals hold the 116 KiB of anonymous memory after grow's and libc's data, which a maps text cannot show to be their bss.
        Assert.Contains("before.maps|after.maps|kind anon|total grown|139264|67252224|+67112960", rows);
        Assert.Contains("before.maps|after.maps|anon rw-p 67125248 bytes|region added||0x7f5a51a61000-0x7f5a55a65000 rw-p|+67125248", rows);
    }
}
