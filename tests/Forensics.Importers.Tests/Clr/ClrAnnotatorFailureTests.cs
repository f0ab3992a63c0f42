using Forensics.Importers.Clr;
using Forensics.Model;
using Forensics.TestSupport;

namespace Forensics.Importers.Tests.Clr;

/// <summary>Dumps ClrMD cannot read: each leaves the native capture as it was and adds exactly one diagnostic.</summary>
public sealed class ClrAnnotatorFailureTests
{
    [Fact]
    public void A_native_core_gets_one_runtime_not_found_error_and_no_annotation()
    {
        var bytes = SampleFile.ReadAllBytes(TestPaths.CorpusFile("sets", "set-crash-null", "core.xz"));
        var capture = SetMaps.Read("set-crash-null");

        Assert.False(ClrAnnotator.HasRuntime(capture));
        ClrAnnotator.Annotate(capture, () => new MemoryStream(bytes, writable: false), "core");

        AssertOneErrorAndNothingAnnotated(capture, DiagnosticCatalogue.RuntimeNotFound.Id, regionCount: 29);
    }

    [Fact]
    public void A_truncated_dotnet_core_gets_one_error_that_says_how_to_capture_a_better_dump()
    {
        var bytes = DotnetSamples.Core("createdump-triage.core.xz");
        var capture = SetMaps.Read("set-dotnet");

        Assert.True(ClrAnnotator.HasRuntime(capture));
        // The first 3,000,000 of 6,250,496 bytes: headers, notes and the first segments, not the runtime's data.
        ClrAnnotator.Annotate(capture, () => new MemoryStream(bytes, 0, 3_000_000, writable: false), "createdump-triage.core");

        var diagnostic = AssertOneErrorAndNothingAnnotated(capture, DiagnosticCatalogue.RuntimeUnreadable.Id, regionCount: 224);
        Assert.StartsWith("ClrMD cannot read the .NET runtime [10.0.12] in [createdump-triage.core]", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("createdump --full", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("0x3f", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_core_cut_inside_its_program_headers_gets_one_dump_unreadable_error()
    {
        var bytes = DotnetSamples.Core("createdump-triage.core.xz");
        var capture = new CaptureBuilder();

        ClrAnnotator.Annotate(capture, () => new MemoryStream(bytes, 0, 100, writable: false), "createdump-triage.core");

        AssertOneErrorAndNothingAnnotated(capture, DiagnosticCatalogue.DumpUnreadable.Id, regionCount: 0);
    }

    [Fact]
    public void A_dump_that_cannot_be_opened_gets_one_dump_unreadable_error()
    {
        var capture = new CaptureBuilder();

        ClrAnnotator.Annotate(capture, () => throw new FileNotFoundException("gone"), "missing.core");

        var diagnostic = Assert.Single(capture.Diagnostics.Items);
        Assert.Equal(DiagnosticCatalogue.DumpUnreadable.Id, diagnostic.Id);
        Assert.Equal("cannot open [missing.core] for ClrMD (gone)", diagnostic.Message);
    }

    private static Diagnostic AssertOneErrorAndNothingAnnotated(CaptureBuilder capture, string id, int regionCount)
    {
        var diagnostic = Assert.Single(capture.Diagnostics.Items);
        Assert.Equal((DiagnosticSeverity.Error, id), (diagnostic.Severity, diagnostic.Id));
        Assert.Equal(regionCount, capture.Regions.Count);
        Assert.All(capture.Regions, r => Assert.Null(r.RuntimeRole));
        Assert.Null(capture.Runtime);
        return diagnostic;
    }
}
