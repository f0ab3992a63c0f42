using System.Runtime.InteropServices;
using Forensics.Importers.Clr;
using Forensics.Model;
using Forensics.TestSupport;
using Microsoft.Diagnostics.Runtime;

namespace Forensics.Importers.Tests.Clr;

/// <summary>
/// A createdump core of set-dotnet, decompressed once, annotated onto the maps of the same process, with ClrMD's
/// own view of the same bytes for the facts the tests check against (objects on the heap, stack frames).
/// </summary>
public abstract class DotnetDump : IDisposable
{
    private readonly DataTarget _target;

    protected DotnetDump(string coreName)
    {
        Bytes = SampleFile.ReadAllBytes(TestPaths.Sample("local", "set-dotnet", coreName));
        Capture = MapsRegions.Read(TestPaths.Sample("local", "set-dotnet", "maps"));
        ClrAnnotator.Annotate(Capture, () => new MemoryStream(Bytes, writable: false), coreName);

        _target = DataTarget.LoadDump(coreName, new MemoryStream(Bytes, writable: false), leaveOpen: false);
        // The dumps are of runtime 10.0.12, the runtime these tests run on (see the sample's dotnet-info.txt).
        var dac = Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "libmscordaccore.so");
        Runtime = _target.ClrVersions.Single().CreateRuntime(dac, ignoreMismatch: true);
    }

    public byte[] Bytes { get; }
    public Capture Capture { get; }
    /// <summary>ClrMD's view of the dump, independent of the annotation.</summary>
    public ClrRuntime Runtime { get; }

    public void Dispose()
    {
        Runtime.Dispose();
        _target.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class DotnetWithHeapDump() : DotnetDump("createdump-withheap.core.xz");

public sealed class DotnetTriageDump() : DotnetDump("createdump-triage.core.xz");
