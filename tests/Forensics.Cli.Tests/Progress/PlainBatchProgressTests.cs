using Forensics.Model;
using Microsoft.Extensions.Time.Testing;

namespace Forensics.Cli.Tests.Progress;

public sealed class PlainBatchProgressTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly StringWriter _error = new() { NewLine = "\n" };

    private BatchProgress StartBatch(int totalFiles, long totalBytes) =>
        ProgressReporter.Lines(_error, _time, TimeSpan.FromSeconds(5)).StartBatch(totalFiles, totalBytes);

    private string[] Lines() => _error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public void Twelve_files_over_twelve_seconds_print_two_progress_lines_and_the_summary()
    {
        using (var batch = StartBatch(12, 12 * 1024))
        {
            for (var i = 1; i <= 12; i++)
            {
                var path = "host-01/app-" + i + ".maps";
                batch.FileStarted(path);
                _time.Advance(TimeSpan.FromSeconds(1));
                var (captures, status) = i switch
                {
                    3 => (0, InputStatus.Failed),
                    7 => (1, InputStatus.Partial),
                    4 or 8 or 12 => (0, InputStatus.Skipped),
                    _ => (1, InputStatus.Ok),
                };
                batch.FileDone(path, 1024, captures, status);
            }
        }

        Assert.Equal(
            [
                // At 5 s: files 1 to 4 done (4 KiB in 5 s), the fifth started; 5 s * 8 KiB left / 4 KiB done = 10 s.
                "importing 4/12 files, 4 KiB/12 KiB, 2 captures, 1 failed, 0 partial, 0.8 files/s, 819 B/s, 10 s left: host-01/app-5.maps",
                // At 10 s: 10 s * 3 KiB left / 9 KiB done = 3.3 s, shown as 4 s.
                "importing 9/12 files, 9 KiB/12 KiB, 6 captures, 1 failed, 1 partial, 0.9 files/s, 921 B/s, 4 s left: host-01/app-10.maps",
                "imported 12 files (12 KiB) in 12.0 s",
            ],
            Lines());
    }

    [Fact]
    public void A_batch_still_on_its_first_file_prints_one_line_not_one_per_interval()
    {
        using (var batch = StartBatch(2, 3 << 20))
        {
            batch.FileStarted("host-02/core.1234.xz");
            _time.Advance(TimeSpan.FromSeconds(21));
        }

        Assert.Equal(
            [
                "importing 0/2 files, 0 B/3 MiB, 0 captures, 0 failed, 0 partial, 0.0 files/s, 0 B/s: host-02/core.1234.xz",
                "imported 0 files (0 B) in 21.0 s",
            ],
            Lines());
    }

    [Fact]
    public void Control_characters_in_a_file_name_are_printed_as_octal_escapes()
    {
        using (var batch = StartBatch(1, 10))
        {
            batch.FileStarted("evil\n[red]name\u001b[2J\r.maps");
            _time.Advance(TimeSpan.FromSeconds(5));
        }

        Assert.Equal(
            "importing 0/1 files, 0 B/10 B, 0 captures, 0 failed, 0 partial, 0.0 files/s, 0 B/s: evil\\012[red]name\\033[2J\\015.maps",
            Lines()[0]);
    }

    [Fact]
    public void Lines_stop_when_the_batch_is_disposed()
    {
        var batch = StartBatch(3, 3);
        batch.FileStarted("a.maps");
        batch.Dispose();
        batch.Dispose();
        batch.FileDone("a.maps", 1, 1, InputStatus.Ok);
        _time.Advance(TimeSpan.FromSeconds(30));

        Assert.Equal(["imported 0 files (0 B) in 0.0 s"], Lines());
    }

    [Fact]
    public void Steps_print_their_description()
    {
        var reporter = ProgressReporter.Lines(_error, _time, TimeSpan.FromSeconds(5));

        var result = reporter.Step("analysing 3 capture(s)", () => 42);

        Assert.Equal(42, result);
        Assert.Equal(["analysing 3 capture(s)"], Lines());
    }
}
