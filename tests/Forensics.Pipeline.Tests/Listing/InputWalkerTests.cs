using Forensics.Importers.Detection;
using Forensics.Importers.Tests.Detection;
using Forensics.Model;
using Forensics.Pipeline.Importing;
using Forensics.Pipeline.Listing;

namespace Forensics.Pipeline.Tests.Listing;

public sealed class InputWalkerTests
{
    [Fact]
    public void Directories_that_cannot_be_listed_are_named_by_why_and_their_siblings_are_listed()
    {
        using var folder = new TemporaryFolder();
        folder.Write("a/maps", "x");
        folder.Write("locked/maps", "x");
        folder.Write("failing/maps", "x");
        folder.Write("z/maps", "x");
        // Root reads every directory whatever its mode, so the refusals the kernel would give others are made here:
        // EACCES surfaces in .NET as UnauthorizedAccessException, EIO as IOException.
        var walker = new InputWalker(new ImportOptions())
        {
            ListDirectory = directory => directory.Name switch
            {
                "locked" => throw new UnauthorizedAccessException($"Access to the path '{directory.FullName}' is denied."),
                "failing" => throw new IOException("Input/output error"),
                _ => directory.EnumerateFileSystemInfos(),
            },
        };

        walker.AddRoot(folder.Path, prefixWithRootName: false);

        Assert.Equal(["a/maps", "z/maps"], walker.Files.Select(f => f.DisplayPath));
        Assert.Equal(
            [("failing", InputStatus.Failed, InputProblem.Unreadable, DiagnosticCatalogue.UnreadableInput.Id),
             ("locked", InputStatus.Failed, InputProblem.PermissionDenied, DiagnosticCatalogue.PermissionDenied.Id)],
            walker.Problems.OrderBy(p => p.Path, StringComparer.Ordinal).Select(p => (p.Path, p.Status, p.Problem, Assert.Single(p.Diagnostics).Id)));
    }
}
