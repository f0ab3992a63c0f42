using Forensics.Importers.Clr;
using Forensics.Model;
using Forensics.TestSupport;

namespace Forensics.Importers.Tests.Clr;

/// <summary>set-dotnet's <c>createdump --triage</c> core: the runtime's own data without the GC heap.</summary>
public sealed class ClrAnnotatorTriageTests(DotnetTriageDump dump) : IClassFixture<DotnetTriageDump>
{
    [Fact]
    public void A_triage_dump_says_the_gc_heap_is_missing_once()
    {
        var diagnostic = Assert.Single(dump.Capture.Diagnostics.Items, d => d.Id.StartsWith("FX700", StringComparison.Ordinal));

        Assert.Equal((DiagnosticSeverity.Warning, DiagnosticCatalogue.GcHeapMissing.Id), (diagnostic.Severity, diagnostic.Id));
        Assert.Contains("createdump --withheap", diagnostic.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(dump.Capture.Regions, r => r.RuntimeRole is { HasGcHeap: true });
    }

    [Fact]
    public void A_triage_dump_still_names_the_jit_code_heap_and_the_threads()
    {
        var region = dump.Capture.Regions.Single(r => r.Contains(0x7f92e4c92030));

        Assert.Equal("jit-code-heap", region.RuntimeRole?.ToString());
        Assert.Equal("10.0.12", dump.Capture.Runtime!.Version);
        Assert.Equal([16873, 16878, 16881, 16882, 16883], dump.Capture.Runtime.Threads.Select(t => t.OsThreadId));
    }

    [Fact]
    public void A_dump_read_through_a_forward_only_stream_is_copied_to_memory_and_annotated_alike()
    {
        var capture = SetMaps.Read("set-dotnet");

        ClrAnnotator.Annotate(capture, () => new ForwardOnlyStream(new MemoryStream(dump.Bytes, writable: false)), "createdump-triage.core.xz");

        Assert.Equal(
            dump.Capture.Regions.Select(r => (r.Start, r.RuntimeRole)),
            capture.Regions.Select(r => (r.Start, r.RuntimeRole)));
        Assert.Equal(dump.Capture.Runtime!.Threads, capture.Runtime!.Threads);
        Assert.Equal(dump.Capture.Diagnostics.Items, capture.Diagnostics.Items);
    }
}
