using Forensics.Analysis.Comparison.Changes;
using Forensics.Analysis.Layout;
using Forensics.Model;

namespace Forensics.Analysis.Comparison;

/// <summary>
/// One capture prepared for comparison: each module with its mappings as offsets from its base, and the
/// regions outside modules keyed by their role, so that ASLR neither hides nor fakes differences.
/// </summary>
internal sealed class CaptureLayout
{
    private static readonly int KindCount = Enum.GetValues<RegionKind>().Length;

    private Dictionary<ChangeSubject, List<RoleRegion>>? _byRole;

    public CaptureLayout(CaptureAnalysis analysis)
    {
        Analysis = analysis;
        var capture = analysis.Capture;
        var map = new AddressMap(capture);
        InstanceId = capture.Pid ?? capture.Process?.Pid;
        BytesByKind = new ulong[KindCount];

        var segments = new Dictionary<Module, List<Segment>>(ReferenceEqualityComparer.Instance);
        foreach (var module in map.Modules)
            segments[module] = [];
        foreach (var region in map.Regions)
        {
            BytesByKind[(int)region.Kind] += region.Size;
            NamedByRange.TryAdd((region.Start, region.End), region.Name is not null);
            // A module's bss is known only where a core holds its headers; compared as the memory after the image, it
            // matches the same memory a text capture shows without a module.
            if (region.Module is { } moduleName && region.Kind != RegionKind.Bss && map.ModuleNamed(moduleName) is { } module)
            {
                segments[module].Add(new Segment(region.Start - module.Base, region.Size, region.Permissions, region.Offset));
                continue;
            }
            Others.Add(new RoleRegion(RoleOf(region, map), region));
        }
        Modules = [.. map.Modules.Select(m => new ModuleLayout(m, segments[m]))];
    }

    public CaptureAnalysis Analysis { get; }
    public Capture Capture => Analysis.Capture;
    public string Id => Analysis.Capture.Id;
    public int? InstanceId { get; }
    public ulong[] BytesByKind { get; }
    public List<ModuleLayout> Modules { get; }
    public List<RoleRegion> Others { get; } = [];
    /// <summary><see cref="Others"/> by role, each list in address order.</summary>
    public Dictionary<ChangeSubject, List<RoleRegion>> ByRole
    {
        get
        {
            if (_byRole is null)
            {
                var roles = new Dictionary<ChangeSubject, List<RoleRegion>>();
                foreach (var region in Others)
                {
                    if (!roles.TryGetValue(region.Role, out var list))
                        roles[region.Role] = list = [];
                    list.Add(region);
                }
                _byRole = roles;
            }
            return _byRole;
        }
    }

    /// <summary>Every region's range, and whether the source named it.</summary>
    public Dictionary<(ulong Start, ulong End), bool> NamedByRange { get; } = [];

    /// <summary>
    /// The other capture maps exactly this range and one of the two sources leaves it unnamed: the same region of
    /// the same instance, which only one tool names (default pmap prints <c>[ anon ]</c> for the heap, vvar and vdso).
    /// </summary>
    public bool HasUnnamedTwin(ulong start, ulong end, bool named) =>
        NamedByRange.TryGetValue((start, end), out var twinNamed) && !(named && twinNamed);

    /// <summary>
    /// What a region outside the modules is for. Roles that a process has once (heap, main stack, a file at an
    /// offset, the anonymous memory directly after an image's data: its bss where a core shows it) match whatever their
    /// size; other anonymous memory matches by kind, permissions and size (<paramref name="map"/> gives the image).
    /// </summary>
    private static ChangeSubject RoleOf(Region region, AddressMap map)
    {
        switch (region.Kind)
        {
            case RegionKind.Heap or RegionKind.Stack or RegionKind.Vdso or RegionKind.Vvar or RegionKind.Vsyscall:
                return ChangeSubject.Role(region.Name ?? "[" + region.Kind.ToId() + "]");
            case RegionKind.Bss when region.Module is { } owner:
                return ChangeSubject.Role("[after] " + MappingNames.Basename(owner));
            case RegionKind.Anon or RegionKind.AnonExec when region.Name is null
                && map.AdjacentBelow(region) is { Module: { } owner } && map.ModuleNamed(owner)?.End == region.Start:
                return ChangeSubject.Role("[after] " + MappingNames.Basename(owner));
        }
        if (region.Name is { } name && !MappingNames.IsAlwaysDeletedShm(name, region.NameIsBasename))
        {
            // Basename, so a default pmap listing matches a maps listing of the same process.
            return ChangeSubject.FileRole(MappingNames.Basename(name) + (region.Deleted ? " (deleted)" : ""), region.Offset ?? 0);
        }
        return ChangeSubject.AnonymousRole(region.Name is null ? region.Kind.ToId() : MappingNames.Basename(region.Name), region.Permissions, region.Size);
    }
}

/// <summary>A module and its mappings, as offsets from its base.</summary>
internal sealed record ModuleLayout(Module Module, List<Segment> Segments)
{
    /// <summary>The full path, or the basename where the source printed only that.</summary>
    public string Key => Module.Path;
}

internal readonly record struct Segment(ulong OffsetFromBase, ulong Size, Permissions Permissions, ulong? FileOffset);

/// <summary>A region outside any module with its role.</summary>
internal sealed record RoleRegion(ChangeSubject Role, Region Region);
