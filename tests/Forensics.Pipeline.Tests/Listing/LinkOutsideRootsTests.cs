using Forensics.Importers.Detection;
using Forensics.Importers.Tests.Detection;
using Forensics.Model;
using Forensics.Pipeline.Importing;
using Forensics.Pipeline.Listing;

namespace Forensics.Pipeline.Tests.Listing;

/// <summary>A link out of the evidence is not followed by default: the analyst's machine must not become evidence.</summary>
public sealed class LinkOutsideRootsTests
{
    private static (string[] Files, (string Path, InputStatus Status, InputProblem Problem)[] Problems) List(ImportOptions options, params string[] roots)
    {
        var list = InputLister.List(roots, options);
        return ([.. list.Files.Select(f => f.DisplayPath)], [.. list.Problems.Select(p => (p.Record.Path, p.Record.Status, p.Record.Problem))]);
    }

    [Fact]
    public void Links_out_of_the_paths_given_are_skipped_and_links_within_them_followed()
    {
        using var evidence = new TemporaryFolder();
        using var elsewhere = new TemporaryFolder();
        evidence.Write("case/run-1.maps", "00400000-00401000 r-xp 00000000 08:01 11 /bin/a\n");
        elsewhere.Write("other/secret.maps", "00400000-00401000 r-xp 00000000 08:01 12 /bin/b\n");
        var root = Path.Combine(evidence.Path, "case");
        File.CreateSymbolicLink(Path.Combine(root, "self.maps"), "/proc/self/maps");
        File.CreateSymbolicLink(Path.Combine(root, "other-case"), Path.Combine(elsewhere.Path, "other"));
        File.CreateSymbolicLink(Path.Combine(root, "same.maps"), Path.Combine(root, "run-1.maps"));

        var (files, problems) = List(new ImportOptions(), root);

        Assert.Equal(["run-1.maps", "same.maps"], files);
        Assert.Equal(
            [("other-case", InputStatus.Skipped, InputProblem.LinkOutsideRoots), ("self.maps", InputStatus.Skipped, InputProblem.LinkOutsideRoots)],
            problems);
        var self = Assert.Single(InputLister.List([root], new ImportOptions()).Problems, p => p.Record.Path == "self.maps").Record;
        Assert.Equal(DiagnosticCatalogue.LinkOutsideRoots.Id, Assert.Single(self.Diagnostics).Id);
        Assert.Equal("link-outside-roots", self.Problem.ToId());
    }

    [Fact]
    public void A_link_into_another_path_given_is_followed_and_the_option_follows_the_rest()
    {
        using var evidence = new TemporaryFolder();
        evidence.Write("a/run-1.maps", "00400000-00401000 r-xp 00000000 08:01 11 /bin/a\n");
        evidence.Write("b/run-2.maps", "00400000-00401000 r-xp 00000000 08:01 12 /bin/b\n");
        var a = Path.Combine(evidence.Path, "a");
        var b = Path.Combine(evidence.Path, "b");
        File.CreateSymbolicLink(Path.Combine(a, "to-b.maps"), Path.Combine(b, "run-2.maps"));
        File.CreateSymbolicLink(Path.Combine(a, "self.maps"), "/proc/self/maps");

        Assert.Equal(["a/run-1.maps", "a/to-b.maps", "b/run-2.maps"], List(new ImportOptions(), a, b).Files);
        Assert.Equal(["run-1.maps", "self.maps"], List(new ImportOptions { FollowLinksOutsideRoots = true }, a).Files.Where(f => f != "to-b.maps"));
    }
}
