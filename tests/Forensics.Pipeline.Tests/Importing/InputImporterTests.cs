using Forensics.Importers.Detection;
using Forensics.Importers.Tests.Detection;
using Forensics.Model;
using Forensics.Pipeline;
using Forensics.Pipeline.Importing;
using Forensics.Pipeline.Normalisation;
using Forensics.TestSupport;

namespace Forensics.Pipeline.Tests.Importing;

public sealed partial class InputImporterTests
{
    private static byte[] Sample(params string[] parts) => File.ReadAllBytes(TestPaths.CorpusFile(["sets", .. parts]));

    private static InputRecord Input(ImportBatch batch, string path) => Assert.Single(batch.Inputs, i => i.Path == path);

    [Fact]
    public void Bad_inputs_get_statuses_and_diagnostics_and_the_batch_goes_on()
    {
        using var folder = new TemporaryFolder();
        var random = new byte[8192];
        new Random(42).NextBytes(random);
        random[0] = 0x42;
        folder.Write("random.bin", random);
        folder.Write("empty.txt", []);
        File.Copy("/bin/true", folder.File("true"));
        var maps = System.Text.Encoding.UTF8.GetString(Sample("set-hello", "maps")).Split('\n');
        maps[19] = "55f5efaae000-55f5efacf000 rw-p 0000ZZZZ garbage";
        folder.Write("corrupted-maps", string.Join('\n', maps));
        var pmap = System.Text.Encoding.UTF8.GetString(Sample("set-hello", "pmap-x.txt")).Split('\n');
        folder.Write("truncated-pmap", string.Join('\n', pmap[..24]) + "\n" + pmap[24][..10]);
        folder.Write("README.md", "# Evidence\n\nCaptures of the demo services.\n");
        folder.Write("sleep/maps", Sample("set-system", "sleep", "maps"));

        // The corrupted maps and the truncated pmap show the same process; kept apart to check each.
        var batch = new BatchImporter(new ImportOptions { MergeInstances = false }).Import([folder.Path]);

        Assert.Equal(
            ["README.md", "corrupted-maps", "empty.txt", "random.bin", "sleep/maps", "true", "truncated-pmap"],
            batch.Inputs.Select(i => i.Path));
        Assert.Equal(
            [InputStatus.Skipped, InputStatus.Partial, InputStatus.Failed, InputStatus.Skipped, InputStatus.Ok, InputStatus.Failed, InputStatus.Partial],
            batch.Inputs.Select(i => i.Status));
        Assert.Equal(
            [InputProblem.NotACapture, InputProblem.Corrupt, InputProblem.Empty, InputProblem.NotACapture, InputProblem.None, InputProblem.NotACapture, InputProblem.Corrupt],
            batch.Inputs.Select(i => i.Problem));
        Assert.Equal(DiagnosticCatalogue.EmptyInput.Id, Assert.Single(Input(batch, "empty.txt").Diagnostics).Id);
        Assert.Equal(DiagnosticCatalogue.NotACapture.Id, Assert.Single(Input(batch, "random.bin").Diagnostics).Id);
        Assert.Contains(Input(batch, "true").Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.NotNull(Input(batch, "true").Reason);
        Assert.Equal(8192, Input(batch, "random.bin").Bytes);

        var corrupted = Assert.Single(batch.Captures, c => c.InputPath == "corrupted-maps");
        Assert.Equal(38, corrupted.Regions.Count);
        Assert.Contains(corrupted.Diagnostics.Items, d => d.Severity == DiagnosticSeverity.Error && d.Location.Line == 20);
        Assert.Contains("line 20", Input(batch, "corrupted-maps").Reason, StringComparison.Ordinal);
        var truncated = Assert.Single(batch.Captures, c => c.InputPath == "truncated-pmap");
        Assert.Equal(22, truncated.Regions.Count);
        Assert.Contains(truncated.Diagnostics.Items, d => d.Severity == DiagnosticSeverity.Error && d.Location.Line == 25);
        Assert.Equal(26, Assert.Single(batch.Captures, c => c.InputPath == "sleep/maps").Regions.Count);
        Assert.Equal(["corrupted-maps", "sleep+maps", "truncated-pmap"], batch.Captures.Select(c => c.Id));
    }

    [Fact]
    public void A_large_text_gives_back_the_pages_it_has_parsed_and_its_later_documents_and_diagnostics_stay_whole()
    {
        // Five copies of a 20,026-line maps (4.9 MB: past the 4 MiB a text takes from the shared pool, so its pages are
        // given back as each maps is parsed), then a maps with a corrupt line: each must come out as if read alone.
        var many = System.Text.Encoding.UTF8.GetString(SampleFile.ReadAllBytes(TestPaths.CorpusFile("bench", "many-maps.maps.xz")));
        var corrupted = System.Text.Encoding.UTF8.GetString(Sample("set-hello", "maps")).Split('\n');
        corrupted[19] = "55f5efaae000-55f5efacf000 rw-p 0000ZZZZ garbage";
        var text = new System.Text.StringBuilder();
        for (var pid = 1001; pid <= 1005; pid++)
            text.Append("$ cat /proc/").Append(pid).Append("/maps\n").Append(many);
        text.Append("$ cat /proc/2000/maps\n").AppendJoin('\n', corrupted);
        using var folder = new TemporaryFolder();
        folder.Write("many.txt", text.ToString());
        folder.Write("many.maps", many);
        folder.Write("corrupted.maps", string.Join('\n', corrupted));

        var batch = new BatchImporter(new ImportOptions { MergeInstances = false }).Import([folder.Path]);

        var alone = Assert.Single(batch.Captures, c => c.InputPath == "many.maps");
        var together = batch.Captures.Where(c => c.InputPath == "many.txt").ToList();
        Assert.Equal([1001, 1002, 1003, 1004, 1005, 2000], together.Select(c => c.Pid));
        Assert.Equal(20_026, alone.Regions.Count);
        Assert.All(together[..5], capture => Assert.Equal(
            alone.Regions.Select(r => (r.Start, r.End, r.Permissions, r.Offset, r.Inode, r.Name)),
            capture.Regions.Select(r => (r.Start, r.End, r.Permissions, r.Offset, r.Inode, r.Name))));
        var last = together[5];
        Assert.Equal(38, last.Regions.Count);
        var expected = Assert.Single(Assert.Single(batch.Captures, c => c.InputPath == "corrupted.maps").Diagnostics.Items, d => d.Severity == DiagnosticSeverity.Error);
        var error = Assert.Single(last.Diagnostics.Items, d => d.Severity == DiagnosticSeverity.Error);
        // Five documents of a prompt and 20,026 lines, the sixth's prompt, then its 20th line.
        Assert.Equal((5 * 20_027 + 1 + 20, 20), (error.Location.Line, expected.Location.Line));
        Assert.Equal(expected.Message, error.Message);
    }

    [Fact]
    public void Compressed_captures_are_read_by_magic_bytes_whatever_their_names()
    {
        using var folder = new TemporaryFolder();
        var maps = Sample("set-hello", "maps");
        folder.Write("a-gzip", Compressors.Gzip(maps));
        folder.Write("b-zstd.txt", Compressors.Zstd(maps));
        folder.Write("c-bzip2.gz", Compressors.Bzip2(maps));
        folder.Write("d-gzip-in-zstd", Compressors.Zstd(Compressors.Gzip(Sample("set-hello", "pmap-x.txt"))));

        var batch = new BatchImporter(new ImportOptions { MergeInstances = false }).Import([folder.Path]);

        Assert.All(batch.Inputs, i => Assert.Equal(InputStatus.Ok, i.Status));
        Assert.Equal([39, 39, 39, 39], batch.Captures.Select(c => c.Regions.Count));
        Assert.Equal([CaptureFormat.Maps, CaptureFormat.Maps, CaptureFormat.Maps, CaptureFormat.PmapExtended], batch.Captures.Select(c => c.Format));
        Assert.Equal(16367, batch.Captures[3].Pid);
    }

    [Fact]
    public void Xz_compressed_gcore_is_imported_as_a_core()
    {
        var path = TestPaths.CorpusFile("sets", "set-hello", "gcore.core.xz");

        var batch = new BatchImporter().ImportFile(path, "set-hello/gcore.core.xz");

        var input = Assert.Single(batch.Inputs);
        var capture = Assert.Single(batch.Captures);
        Assert.Equal(CaptureFormat.Core, capture.Format);
        Assert.Equal(16367, capture.Pid);
        Assert.Equal(31, capture.Regions.Count(r => r.DumpedBytes is not null));
        Assert.Equal(147_580, input.Bytes);
        Assert.Equal([capture.Id], input.CaptureIds);
        Assert.Equal("set-hello+gcore.core.xz", capture.Id);
    }

    [Fact]
    public void Corrupt_gzip_gives_a_partial_capture_and_a_diagnostic_on_the_input()
    {
        using var folder = new TemporaryFolder();
        var compressed = Compressors.Gzip(Sample("set-hello", "maps"));
        folder.Write("maps.gz", compressed[..(compressed.Length * 2 / 3)]);

        var batch = new BatchImporter().Import([folder.Path]);

        var input = Assert.Single(batch.Inputs);
        Assert.Equal((InputStatus.Partial, InputProblem.Corrupt), (input.Status, input.Problem));
        Assert.Contains(input.Diagnostics, d => d.Id == DiagnosticCatalogue.CorruptCompressedStream.Id);
        var capture = Assert.Single(batch.Captures);
        Assert.InRange(capture.Regions.Count, 1, 38);
    }

    [Fact]
    public void Document_with_several_captures_gives_ids_with_line_ranges()
    {
        using var folder = new TemporaryFolder();
        var sleep = System.Text.Encoding.UTF8.GetString(Sample("set-system", "sleep", "pmap.txt"));
        var perl = System.Text.Encoding.UTF8.GetString(Sample("set-system", "perl", "maps"));
        folder.Write("ticket.md", "Two services:\n\n```\n$ pmap 17254\n" + sleep + "```\n\n```\n$ cat /proc/17252/maps\n" + perl + "```\n");

        var batch = new BatchImporter().Import([folder.Path]);

        Assert.Equal(["ticket.md~l5-32", "ticket.md~l37-74"], batch.Captures.Select(c => c.Id));
        Assert.Equal(["ticket.md~l5-32", "ticket.md~l37-74"], Assert.Single(batch.Inputs).CaptureIds);
        Assert.Equal([17254, 17252], batch.Captures.Select(c => c.Pid));
    }

    [Fact]
    public void Same_instance_seen_by_maps_and_pmap_is_merged_into_one_capture()
    {
        using var folder = new TemporaryFolder();
        folder.Write("hello/maps", Sample("set-hello", "maps"));
        folder.Write("hello/pmap-x.txt", Sample("set-hello", "pmap-x.txt"));

        var batch = new BatchImporter().Import([folder.Path]);

        var capture = Assert.Single(batch.Captures);
        Assert.Equal("hello+maps", capture.Id);
        Assert.Equal(39, capture.Regions.Count);
        Assert.All(batch.Inputs, i => Assert.Equal(["hello+maps"], i.CaptureIds));
    }

    [Fact]
    public void Symbolic_link_loops_and_broken_links_are_statuses()
    {
        using var folder = new TemporaryFolder();
        folder.Write("set/maps", Sample("set-system", "sleep", "maps"));
        Directory.CreateSymbolicLink(folder.File("set", "again"), "..");
        File.CreateSymbolicLink(folder.File("set", "gone"), folder.File("missing"));
        File.CreateSymbolicLink(folder.File("set", "ping"), "pong");
        File.CreateSymbolicLink(folder.File("set", "pong"), "ping");
        File.CreateSymbolicLink(folder.File("set", "alias"), "maps");

        var batch = new BatchImporter(new ImportOptions { MergeInstances = false }).Import([folder.Path]);

        Assert.Equal(["set/again", "set/alias", "set/gone", "set/maps", "set/ping", "set/pong"], batch.Inputs.Select(i => i.Path));
        Assert.Equal(
            [(InputStatus.Skipped, InputProblem.DirectoryLoop), (InputStatus.Ok, InputProblem.None), (InputStatus.Failed, InputProblem.BrokenLink),
             (InputStatus.Ok, InputProblem.None), (InputStatus.Failed, InputProblem.BrokenLink), (InputStatus.Failed, InputProblem.BrokenLink)],
            batch.Inputs.Select(i => (i.Status, i.Problem)));
        Assert.Equal(DiagnosticCatalogue.DirectoryLoop.Id, Assert.Single(batch.Inputs[0].Diagnostics).Id);
        Assert.Equal(DiagnosticCatalogue.BrokenSymbolicLink.Id, Assert.Single(batch.Inputs[2].Diagnostics).Id);
        Assert.Equal(DiagnosticCatalogue.BrokenSymbolicLink.Id, Assert.Single(batch.Inputs[4].Diagnostics).Id);
        Assert.Equal([26, 26], batch.Captures.Select(c => c.Regions.Count));
    }

    [Fact]
    public void Missing_path_is_a_failed_input_and_inputs_are_never_written()
    {
        using var folder = new TemporaryFolder();
        folder.Write("maps", Sample("set-system", "sleep", "maps"));
        var before = Directory.GetFiles(folder.Path, "*", SearchOption.AllDirectories).Select(f => (f, File.GetLastWriteTimeUtc(f))).ToList();

        var batch = new BatchImporter().Import([folder.File("maps"), folder.File("nothing-here")]);

        Assert.Equal([("maps", InputStatus.Ok), ("nothing-here", InputStatus.Failed)], batch.Inputs.Select(i => (i.Path, i.Status)));
        Assert.Equal(InputProblem.NotFound, batch.Inputs[1].Problem);
        Assert.Equal(DiagnosticCatalogue.PathNotFound.Id, Assert.Single(batch.Inputs[1].Diagnostics).Id);
        Assert.Equal(26, Assert.Single(batch.Captures).Regions.Count);
        Assert.Equal(before, Directory.GetFiles(folder.Path, "*", SearchOption.AllDirectories).Select(f => (f, File.GetLastWriteTimeUtc(f))));
    }

    [Fact]
    public void Sha256_is_of_the_file_as_stored()
    {
        var path = TestPaths.CorpusFile("sets", "set-hello", "maps");

        var batch = new BatchImporter().ImportFile(path, "maps");

        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path))), Assert.Single(batch.Captures).Sha256);
        Assert.Equal((1, 39), batch.Captures[0].LineRange);
    }

    [Fact]
    public void Fifo_among_the_inputs_is_not_opened_and_does_not_block_the_batch()
    {
        using var folder = new TemporaryFolder();
        folder.Write("maps", Sample("set-system", "sleep", "maps"));
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", folder.File("pipe")))
            mkfifo.WaitForExit();

        var batch = new BatchImporter().Import([folder.Path]);

        Assert.Equal([("maps", InputStatus.Ok), ("pipe", InputStatus.Failed)], batch.Inputs.Select(i => (i.Path, i.Status)));
        Assert.Equal(InputProblem.Empty, batch.Inputs[1].Problem);
        Assert.Equal(DiagnosticCatalogue.EmptyInput.Id, Assert.Single(batch.Inputs[1].Diagnostics).Id);
        Assert.Equal(26, Assert.Single(batch.Captures).Regions.Count);
    }
}
