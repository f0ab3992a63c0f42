using System.Text.RegularExpressions;
using Forensics.Model;
using Microsoft.Extensions.Time.Testing;
using Spectre.Console.Testing;

namespace Forensics.Cli.Tests.Progress;

public sealed partial class TerminalBatchProgressTests
{
    private readonly FakeTimeProvider _time = new();

    [GeneratedRegex(@"\e\[[0-9;?]*[A-Za-z]")]
    private static partial Regex AnsiSequence();

    private static TestConsole Terminal(int width) => new TestConsole().Width(width).Interactive().EmitAnsiSequences();

    private static string Screen(TestConsole console) => AnsiSequence().Replace(console.Output, "");

    [Fact]
    public void The_last_frame_shows_files_bytes_captures_failures_rates_and_the_summary()
    {
        using var console = Terminal(100);
        using (var batch = ProgressReporter.Terminal(console, _time).StartBatch(4, 4000))
        {
            foreach (var (path, captures, status) in new[] { ("a.maps", 1, InputStatus.Ok), ("b.core", 2, InputStatus.Ok), ("c.txt", 0, InputStatus.Failed), ("d.pmap", 1, InputStatus.Partial) })
            {
                batch.FileStarted(path);
                _time.Advance(TimeSpan.FromSeconds(2));
                batch.FileDone(path, 1000, captures, status);
            }
        }

        var screen = Screen(console);
        Assert.Contains("4/4 files", screen, StringComparison.Ordinal);
        Assert.Contains("0 s left", screen, StringComparison.Ordinal);
        // 4,000 bytes in 8 s.
        Assert.Contains("3.9 KiB/3.9 KiB · 4 captures · 2 failures · 0.5 files/s, 500 B/s", screen, StringComparison.Ordinal);
        Assert.EndsWith("imported 4 files (3.9 KiB) in 8.0 s\n", screen, StringComparison.Ordinal);
    }

    [Fact]
    public void The_current_file_is_shown_escaped_and_cut_to_its_end()
    {
        using var console = Terminal(60);
        var hostile = "evidence/[bold]" + new string('x', 80) + "\n[/]end.core";
        using (var batch = ProgressReporter.Terminal(console, _time).StartBatch(2, 2000))
        {
            batch.FileStarted("first.maps");
            _time.Advance(TimeSpan.FromSeconds(1));
            batch.FileDone("first.maps", 1000, 1, InputStatus.Ok);
            batch.FileStarted(hostile);
        }

        var screen = Screen(console);
        Assert.Contains("1/2 files", screen, StringComparison.Ordinal);
        // The width is 60: the path keeps its last 47 characters after the ellipsis, markup and newline as text.
        Assert.Contains("…" + new string('x', 32) + "\\012[/]end.core", screen, StringComparison.Ordinal);
        Assert.DoesNotContain("evidence", screen, StringComparison.Ordinal);
    }

    [Fact]
    public void A_batch_inside_a_step_prints_its_lines_above_the_status()
    {
        using var console = Terminal(120);
        var reporter = ProgressReporter.Terminal(console, _time);

        var captures = reporter.Step("importing 1 path(s)", () =>
        {
            using var batch = reporter.StartBatch(1, 100);
            batch.FileStarted("only.maps");
            _time.Advance(TimeSpan.FromSeconds(5));
            batch.FileDone("only.maps", 100, 1, InputStatus.Ok);
            return batch.Snapshot().Captures;
        });

        Assert.Equal(1, captures);
        var screen = Screen(console);
        Assert.Contains("importing 0/1 files, 0 B/100 B, 0 captures, 0 failed, 0 partial, 0.0 files/s, 0 B/s: only.maps", screen, StringComparison.Ordinal);
        Assert.Contains("imported 1 file (100 B) in 5.0 s", screen, StringComparison.Ordinal);
    }
}
