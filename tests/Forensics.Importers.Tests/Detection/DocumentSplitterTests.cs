using Forensics.Importers.Detection;
using Forensics.Model;
using Forensics.TestSupport;

namespace Forensics.Importers.Tests.Detection;

public sealed class DocumentSplitterTests
{
    private static string Sample(params string[] parts) => File.ReadAllText(TestPaths.CorpusFile(["sets", .. parts]));

    /// <summary>A ticket in markdown and reStructuredText with six outputs from the local sample sets pasted in.</summary>
    private static DocumentBuilder IncidentTicket() => new DocumentBuilder()
        .Line("# Incident 4242: memory layout of the demo services")
        .Line("")
        .Line("The hello service was captured with several tools. First its maps:")
        .Line("")
        .Line("```")
        .Line("$ cat /proc/16367/maps")
        .Paste(Sample("set-hello", "maps"))
        .Line("```")
        .Line("")
        .Line("Then pmap, as root:")
        .Line("")
        .Line("```console")
        .Line("root@box:~# pmap -x 16367")
        .Paste(Sample("set-hello", "pmap-x.txt"))
        .Line("```")
        .Line("")
        .Line("The sleeper, from the runbook page:")
        .Line("")
        .Line(".. code-block:: text")
        .Line("")
        .Paste(Sample("set-system", "sleep", "pmap.txt"), indent: "   ")
        .Line("")
        .Line("gdb on the crashing one:")
        .Line("")
        .Line("(gdb) info proc mappings")
        .Paste(Sample("set-crash-null", "gdb-mappings.txt"), skipLines: 5)
        .Line("")
        .Line("Output of /proc/17252/maps, formatted by the writer:")
        .Line("")
        .Line("Address  Perm  Offset  Dev  Inode  Path")
        .Paste(Sample("set-system", "perl", "maps"))
        .Line("")
        .Line("~~~")
        .Line("$ sudo cat /proc/17251/smaps")
        .Paste(Sample("set-system", "python3", "smaps"))
        .Line("~~~")
        .Line("")
        .Line("That is all we have.");

    [Fact]
    public void Ticket_with_six_pasted_outputs_gives_six_sections_with_their_formats_and_line_ranges()
    {
        var ticket = IncidentTicket();

        var sections = DocumentSplitter.Split(ticket.ToString());

        Assert.Equal(
            [CaptureFormat.Maps, CaptureFormat.PmapExtended, CaptureFormat.Pmap, CaptureFormat.Gdb, CaptureFormat.Maps, CaptureFormat.Smaps],
            sections.Select(s => s.Format));
        Assert.Equal(ticket.Pastes, sections.Select(s => (s.FirstLine, s.LastLine)));
        Assert.Equal([16367, 16367, null, null, 17252, 17251], sections.Select(s => s.Hint?.Pid));
    }

    [Fact]
    public void Ticket_with_six_pasted_outputs_gives_captures_with_region_counts_and_pids()
    {
        var ticket = IncidentTicket();

        var captures = TextDocumentImporter.Import(ticket.ToString());

        Assert.Equal([39, 39, 26, 29, 38, 43], captures.Select(c => c.Regions.Count));
        Assert.Equal([16367, 16367, 17254, 16579, 17252, 17251], captures.Select(c => c.Pid));
        Assert.Equal(ticket.Pastes, captures.Select(c => c.LineRange!.Value));
        Assert.Equal("/usr/bin/sleep 600", captures[2].CommandLine);
        Assert.All(captures, c => Assert.DoesNotContain(c.Diagnostics.Items, d => d.Severity == DiagnosticSeverity.Error));
        // The first region of each paste sits on the paste's first data line.
        Assert.Equal(ticket.Pastes[0].First, captures[0].Regions[0].Location.Line);
        Assert.Equal(ticket.Pastes[2].First + 1, captures[2].Regions[0].Location.Line);
    }

    [Fact]
    public void Indented_paste_loses_its_common_indentation()
    {
        var ticket = IncidentTicket();

        var sleeper = DocumentSplitter.Split(ticket.ToString())[2];

        Assert.StartsWith("17254:   /usr/bin/sleep 600\n00005628f55a0000      8K r---- sleep\n", System.Text.Encoding.UTF8.GetString(sleeper.Text.Span), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("set-hello", "maps", 39, CaptureFormat.Maps)]
    [InlineData("set-hello", "smaps", 975, CaptureFormat.Smaps)]
    [InlineData("set-hello", "smaps_rollup", 23, CaptureFormat.SmapsRollup)]
    [InlineData("set-hello", "pmap.txt", 41, CaptureFormat.Pmap)]
    [InlineData("set-hello", "pmap-x.txt", 43, CaptureFormat.PmapExtended)]
    [InlineData("set-hello", "pmap-X.txt", 43, CaptureFormat.PmapExtended)]
    [InlineData("set-hello", "pmap-d.txt", 42, CaptureFormat.PmapExtended)]
    [InlineData("set-hello", "gdb-mappings.txt", 50, CaptureFormat.Gdb)]
    public void Plain_capture_file_is_one_section_covering_the_whole_file(string set, string file, int lines, CaptureFormat format)
    {
        var text = Sample(set, file);

        var section = Assert.Single(DocumentSplitter.Split(text));

        Assert.Equal(lines, text.Count(c => c == '\n'));
        Assert.Equal((1, lines, format), (section.FirstLine, section.LastLine, section.Format));
    }

    [Theory]
    [InlineData("status.txt")]
    [InlineData("commands.log")]
    [InlineData("threads.txt")]
    [InlineData("hello-info.txt")]
    [InlineData("gcore.core.gdb.txt")]
    public void Files_beside_the_captures_hold_no_capture(string file) =>
        Assert.Empty(DocumentSplitter.Split(Sample("set-hello", file)));

    [Fact]
    public void Corrupted_line_in_the_middle_stays_inside_the_capture_and_is_reported_on_its_line()
    {
        var lines = Sample("set-hello", "maps").Split('\n');
        lines[19] = "55f5efaae000-55f5efacf000 rw-p 0000ZZZZ garbage";

        var capture = Assert.Single(TextDocumentImporter.Import(string.Join('\n', lines)));

        Assert.Equal((1, 39), capture.LineRange);
        Assert.Equal(38, capture.Regions.Count);
        Assert.Contains(capture.Diagnostics.Items, d => d.Severity == DiagnosticSeverity.Error && d.Location.Line == 20);
    }

    [Fact]
    public void Truncated_pmap_keeps_its_rows_and_reports_the_cut_row()
    {
        var text = Sample("set-hello", "pmap-x.txt");
        var lines = text.Split('\n');
        var truncated = string.Join('\n', lines[..24]) + "\n" + lines[24][..10];

        var capture = Assert.Single(TextDocumentImporter.Import(truncated));

        Assert.Equal((1, 25), capture.LineRange);
        Assert.Equal(22, capture.Regions.Count);
        Assert.Contains(capture.Diagnostics.Items, d => d.Severity == DiagnosticSeverity.Error && d.Location.Line == 25);
    }

    [Fact]
    public void Cat_of_proc_self_names_the_cat_process()
    {
        var text = "$ cat /proc/self/maps\n" + Sample("set-system", "sleep", "maps");

        var capture = Assert.Single(TextDocumentImporter.Import(text));

        Assert.Equal("cat", capture.ProcessName);
        Assert.Null(capture.Pid);
        Assert.Equal((2, 27), capture.LineRange);
    }

    [Fact]
    public void Prompt_with_another_pid_than_the_capture_is_reported()
    {
        var text = "$ pmap 999\n" + Sample("set-system", "sleep", "pmap.txt");

        var capture = Assert.Single(TextDocumentImporter.Import(text));

        Assert.Equal(17254, capture.Pid);
        var diagnostic = Assert.Single(capture.Diagnostics.Items, d => d.Id == DiagnosticCatalogue.PidDisagreement.Id);
        Assert.Equal(1, diagnostic.Location.Line);
    }

    [Fact]
    public void Two_maps_pastes_separated_only_by_prose_are_two_captures()
    {
        var text = Sample("set-system", "sleep", "maps") + "and a minute later:\n" + Sample("set-system", "perl", "maps");

        var captures = TextDocumentImporter.Import(text);

        Assert.Equal([26, 38], captures.Select(c => c.Regions.Count));
        Assert.Equal([(1, 26), (28, 65)], captures.Select(c => c.LineRange!.Value));
    }

    [Fact]
    public void Pasted_pmap_header_line_names_the_process_of_a_maps_paste()
    {
        var text = "3117:   /usr/bin/bash --login\n" + Sample("set-system", "sleep", "maps");

        var capture = Assert.Single(TextDocumentImporter.Import(text));

        Assert.Equal((3117, "bash", "/usr/bin/bash --login"), (capture.Pid, capture.ProcessName, capture.CommandLine));
        Assert.Equal((2, 27), capture.LineRange);
    }
}
