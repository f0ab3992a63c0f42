namespace Forensics.Analysis.Comparison.Fleet;

/// <summary>One library path mapped with different build-ids across the captures: each version and the captures that map it.</summary>
public sealed record ModuleVersions(string Path, IReadOnlyList<ModuleVersion> Versions)
{
    public int Captures => Versions.Sum(v => v.CaptureIds.Count);
}

/// <summary>One build of a module and the captures that map it, in id order.</summary>
public sealed record ModuleVersion(string BuildId, IReadOnlyList<string> CaptureIds);
