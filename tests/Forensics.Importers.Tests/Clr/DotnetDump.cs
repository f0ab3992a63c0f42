using System.Runtime.InteropServices;
using Forensics.Importers.Clr;
using Forensics.Importers.Normalisation;
using Forensics.Model;
using Microsoft.Diagnostics.Runtime;

namespace Forensics.Importers.Tests.Clr;

/// <summary>
/// A createdump core of set-dotnet, decompressed once, annotated onto the maps of the same process, with ClrMD's
/// own view of the same bytes for the facts the tests check against (objects on the heap, stack frames).
/// </summary>
public abstract class DotnetDump : IDisposable
{

    protected DotnetDump(string coreName)
    {
        Bytes = DotnetSamples.Core(coreName);
        var maps = SetMaps.Read("set-dotnet");
        ClrAnnotator.Annotate(maps, () => new MemoryStream(Bytes, writable: false), coreName);
        Capture = CaptureNormalizer.Freeze(maps);

        Target = DataTarget.LoadDump(coreName, new MemoryStream(Bytes, writable: false), leaveOpen: false);
        // The dumps are of runtime 10.0.12, the runtime these tests run on (see the sample's dotnet-info.txt).
        var dac = Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "libmscordaccore.so");
        Runtime = Target.ClrVersions.Single().CreateRuntime(dac, ignoreMismatch: true);
    }

    public byte[] Bytes { get; }
    public Capture Capture { get; }
    /// <summary>ClrMD's view of the dump, independent of the annotation.</summary>
    public DataTarget Target { get; }

    public ClrRuntime Runtime { get; }

    public void Dispose()
    {
        Runtime.Dispose();
        Target.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class DotnetWithHeapDump() : DotnetDump("createdump-withheap.core.xz");

public sealed class DotnetTriageDump() : DotnetDump("createdump-triage.core.xz");
