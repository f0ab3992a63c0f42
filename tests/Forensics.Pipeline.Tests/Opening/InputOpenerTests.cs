using Forensics.Importers.Detection;
using Forensics.Importers.Tests.Detection;
using Forensics.Model;
using Forensics.Pipeline.Importing;
using Forensics.Pipeline.Opening;
using Forensics.TestSupport;

namespace Forensics.Pipeline.Tests.Opening;

/// <summary>The importer and the ClrMD annotation read a .NET core through one opened input: the file is opened once.</summary>
public sealed class InputOpenerTests
{
    private static readonly string DotnetCore = TestPaths.CorpusFile("dotnet", "dotnet-crash.core.xz");

    [Fact]
    public void A_compressed_dotnet_core_is_opened_once_for_the_import_and_the_annotation()
    {
        var (result, opens) = ImportCountingOpens(DotnetCore, "dotnet-crash.core.xz");

        Assert.Equal(1, opens);
        AssertAnnotated(result);
    }

    [Fact]
    public void An_uncompressed_dotnet_core_is_opened_once_and_read_by_both_through_the_same_stream()
    {
        using var folder = new TemporaryFolder();
        var path = folder.File("dotnet-crash.core");
        using (var compressed = File.OpenRead(DotnetCore))
        using (var content = DecompressionStream.Open(compressed, CompressionFormat.Xz, new DiagnosticBag()))
        using (var copy = File.Create(path))
            content.CopyTo(copy);

        var (result, opens) = ImportCountingOpens(path, "dotnet-crash.core");

        Assert.Equal(1, opens);
        AssertAnnotated(result);
    }

    private static (InputResult Result, int Opens) ImportCountingOpens(string path, string displayPath)
    {
        var opens = 0;
        var opener = new InputOpener(file =>
        {
            Interlocked.Increment(ref opens);
            return InputOpener.OpenRead(file);
        });
        var result = new InputImporter(opener: opener).ImportInput(path, displayPath);
        return (result, opens);
    }

    private static void AssertAnnotated(InputResult result)
    {
        var capture = Assert.Single(result.Captures);
        Assert.NotNull(capture.Runtime);
        Assert.Contains(capture.Regions, r => r.RuntimeRole is { IsRuntimeCode: true });
    }
}
