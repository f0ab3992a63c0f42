using System.Runtime.InteropServices;
using Microsoft.Diagnostics.Runtime;

namespace Forensics.Importers.Clr;

/// <summary>A DAC library on this machine, and whether it is of the same runtime version as the dump's.</summary>
internal sealed record DacCandidate(string Path, string? Version, bool SameVersion);

/// <summary>
/// Finds the data-access library (DAC) that ClrMD needs on this machine. createdump cores do not carry the runtime's
/// version resource, so ClrMD reads the version as 0.0 and rejects every DAC it finds by itself; we look beside the
/// dump's runtime path, then in the shared framework folders of the runtime we run on, and compare the version
/// folder (<c>Microsoft.NETCore.App/10.0.12</c>) with the dump's.
/// </summary>
internal static class DacLocator
{
    private const string DacFileName = "libmscordaccore.so";

    public static IReadOnlyList<DacCandidate> FindCandidates(ClrInfo clr, string? dumpVersion)
    {
        var folders = new List<string>();
        var dumpFolder = Path.GetDirectoryName(clr.ModuleInfo.FileName);
        if (!string.IsNullOrEmpty(dumpFolder))
            folders.Add(dumpFolder);
        var ownFolder = Path.TrimEndingDirectorySeparator(RuntimeEnvironment.GetRuntimeDirectory());
        var frameworkFolder = Path.GetDirectoryName(ownFolder);
        if (dumpVersion is not null && frameworkFolder is not null)
            folders.Add(Path.Combine(frameworkFolder, dumpVersion));
        folders.Add(ownFolder);

        var candidates = new List<DacCandidate>();
        foreach (var folder in folders.Distinct(StringComparer.Ordinal))
        {
            var dac = Path.Combine(folder, DacFileName);
            if (!File.Exists(dac))
                continue;
            var version = Path.GetFileName(folder);
            var sameVersion = string.Equals(version, dumpVersion, StringComparison.Ordinal);
            candidates.Add(new DacCandidate(dac, version, sameVersion));
        }
        // Same version first; otherwise keep the search order.
        return [.. candidates.OrderBy(c => c.SameVersion ? 0 : 1)];
    }
}
