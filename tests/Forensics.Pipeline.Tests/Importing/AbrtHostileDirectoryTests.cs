using Forensics.Model;
using Forensics.Pipeline.Normalisation;
using Forensics.TestSupport;

namespace Forensics.Pipeline.Tests.Importing;

/// <summary>
/// Problem directories no ABRT wrote: a coredump that is a link, a coredump that is not ELF, a maps item cut inside a
/// line, an item past its limit, and a folder that only looks like one. Each is a named diagnostic, never a crash.
/// </summary>
public sealed class AbrtHostileDirectoryTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "forensics-abrt-" + Guid.NewGuid().ToString("n"));

    public AbrtHostileDirectoryTests() => Directory.CreateDirectory(_root);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    /// <summary>A problem directory made of the real upload-handling one's maps, time and type, and <paramref name="items"/>.</summary>
    private string ProblemDirectory(string name, params (string Item, string Text)[] items)
    {
        var directory = Path.Combine(_root, name);
        Directory.CreateDirectory(directory);
        foreach (var item in new[] { "maps", "time", "type", "pid" })
            File.Copy(TestPaths.CorpusFile("public", "abrt", "upload-handling", item), Path.Combine(directory, item));
        foreach (var (item, text) in items)
            File.WriteAllText(Path.Combine(directory, item), text);
        return directory;
    }

    private ImportBatch Import() => new BatchImporter().Import([_root]);

    [Fact]
    public void A_coredump_that_is_a_link_is_not_followed()
    {
        var directory = ProblemDirectory("linked");
        File.CreateSymbolicLink(Path.Combine(directory, "coredump"), TestPaths.CorpusFile("public", "abrt", "upload-handling", "coredump"));
        var batch = Import();
        var input = Assert.Single(batch.Inputs);
        Assert.Equal((InputStatus.Partial, InputProblem.Corrupt), (input.Status, input.Problem));
        var capture = Assert.Single(batch.Captures);
        Assert.Equal(("CCpp: maps", 0), (capture.Variant, capture.Threads.Count));
        Assert.Contains(capture.Diagnostics.Items, d => d.Descriptor == DiagnosticCatalogue.AbrtItemNotRegular && d.Message.Contains("[coredump] is a symbolic link", StringComparison.Ordinal));
    }

    [Fact]
    public void A_coredump_that_is_not_elf_is_named()
    {
        ProblemDirectory("not-elf", ("coredump", "this is not a core\n"));
        var capture = Assert.Single(Import().Captures);
        Assert.Contains(capture.Diagnostics.Items, d => d.Descriptor == DiagnosticCatalogue.AbrtCoreNotElf && d.Message.Contains("[7468697320697320]", StringComparison.Ordinal));
    }

    [Fact]
    public void A_maps_item_cut_inside_a_line_is_flagged()
    {
        var directory = ProblemDirectory("cut");
        var maps = File.ReadAllText(Path.Combine(directory, "maps"));
        File.WriteAllText(Path.Combine(directory, "maps"), maps[..maps.IndexOf("/lib64/ld-2.14.90.so", StringComparison.Ordinal)]);
        var capture = Assert.Single(Import().Captures);
        Assert.Contains(capture.Diagnostics.Items, d => d.Descriptor == DiagnosticCatalogue.AbrtMapsCut && d.Location == SourceLocation.AtLine(5));
    }

    [Fact]
    public void An_item_past_its_limit_is_read_up_to_it()
    {
        ProblemDirectory("huge", ("var_log_messages", new string('x', Forensics.Pipeline.Importing.ProblemDirectoryReader.MaxItemBytes + 1)));
        var capture = Assert.Single(Import().Captures);
        Assert.Contains(capture.Diagnostics.Items, d => d.Descriptor == DiagnosticCatalogue.AbrtItemTooLarge && d.Message.Contains("[var_log_messages]", StringComparison.Ordinal));
    }

    [Fact]
    public void A_folder_whose_time_is_not_a_number_is_a_folder_of_inputs()
    {
        ProblemDirectory("not-a-problem", ("time", "yesterday\n"));
        Assert.Equal(["maps", "pid", "time", "type"], Import().Inputs.Select(i => Path.GetFileName(i.Path)).Order(StringComparer.Ordinal));
    }
}
