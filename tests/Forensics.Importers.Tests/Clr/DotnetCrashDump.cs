using System.Globalization;
using System.Runtime.InteropServices;
using Forensics.Importers.Clr;
using Forensics.Importers.Core;
using Forensics.Importers.Normalisation;
using Forensics.Model;
using Forensics.TestSupport;
using Microsoft.Diagnostics.Runtime;

namespace Forensics.Importers.Tests.Clr;

/// <summary>
/// corpus/dotnet/dotnet-crash.core.xz (made by corpus/dotnet/make-dotnet-dump.sh): imported as a core, normalised
/// and annotated the way the import pipeline does it, with the addresses the program wrote down and ClrMD's own view.
/// </summary>
public sealed class DotnetCrashDump : IDisposable
{
    public DotnetCrashDump()
    {
        var bytes = SampleFile.ReadAllBytes(TestPaths.CorpusFile("dotnet", "dotnet-crash.core.xz"));
        var core = CoreImporter.Import(new MemoryStream(bytes, writable: false), "corpus/dotnet/dotnet-crash.core.xz");
        CaptureNormalizer.Complete(core);
        ClrAnnotator.Annotate(core, () => new MemoryStream(bytes, writable: false), "dotnet-crash.core.xz");
        Capture = CaptureNormalizer.Freeze(core);

        foreach (var line in File.ReadLines(TestPaths.CorpusFile("dotnet", "dotnet-crash-info.txt")))
        {
            var (key, value) = (line[..line.IndexOf('=')], line[(line.IndexOf('=') + 1)..]);
            Info[key] = value.StartsWith("0x", StringComparison.Ordinal)
                ? ulong.Parse(value.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture)
                : ulong.TryParse(value, CultureInfo.InvariantCulture, out var number) ? number : 0;
        }

        Target = DataTarget.LoadDump("dotnet-crash.core", new MemoryStream(bytes, writable: false), leaveOpen: false);
        var dac = Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "libmscordaccore.so");
        Runtime = Target.ClrVersions.Single().CreateRuntime(dac, ignoreMismatch: true);
    }

    public Capture Capture { get; }
    /// <summary>dotnet-crash-info.txt: pid, records, block_data, rwx, ... (numbers; 0 for text values).</summary>
    public Dictionary<string, ulong> Info { get; } = new(StringComparer.Ordinal);
    public DataTarget Target { get; }
    public ClrRuntime Runtime { get; }

    public void Dispose()
    {
        Runtime.Dispose();
        Target.Dispose();
    }
}
