using Forensics.Model;

namespace Forensics.Analysis.Comparison.Changes;

/// <summary>
/// What a change is about, with its parts typed: a module's path, a segment's offset from its module's base, a region
/// kind, or a region's role outside the modules (a name, with the file offset of a file mapping, or the permissions and
/// size of anonymous memory). Roles that are equal are the same region in two captures.
/// </summary>
public sealed record ChangeSubject
{
    private ChangeSubject(SubjectType type) => Type = type;

    public SubjectType Type { get; }

    /// <summary>A module's path, a rule, or a region's name or role.</summary>
    public string? Name { get; private init; }

    public RegionKind? Kind { get; private init; }

    /// <summary>A segment's offset from its module's base, or the file offset of a file mapping's role.</summary>
    public ulong? Offset { get; private init; }

    /// <summary>The permissions of an anonymous region's role.</summary>
    public Permissions? Permissions { get; private init; }

    /// <summary>The size of an anonymous region's role.</summary>
    public ulong? Size { get; private init; }

    public static ChangeSubject Layout { get; } = new(SubjectType.Layout);
    public static ChangeSubject Architecture { get; } = new(SubjectType.Architecture);
    public static ChangeSubject Program { get; } = new(SubjectType.Program);
    public static ChangeSubject Crash { get; } = new(SubjectType.Crash);
    public static ChangeSubject Mapped { get; } = new(SubjectType.Mapped);

    public static ChangeSubject Module(string path) => new(SubjectType.Module) { Name = path };

    public static ChangeSubject Segment(string modulePath, ulong offsetFromBase) => new(SubjectType.Segment) { Name = modulePath, Offset = offsetFromBase };

    public static ChangeSubject KindTotal(RegionKind kind) => new(SubjectType.KindTotal) { Kind = kind };

    public static ChangeSubject Finding(string rule) => new(SubjectType.Finding) { Name = rule };

    /// <summary>A role a process has once, matched whatever its size: <c>[heap]</c>, <c>[stack]</c>, the bss after an image.</summary>
    public static ChangeSubject Role(string name) => new(SubjectType.Region) { Name = name };

    /// <summary>A file mapped at an offset, matched by its basename and offset.</summary>
    public static ChangeSubject FileRole(string name, ulong fileOffset) => new(SubjectType.Region) { Name = name, Offset = fileOffset };

    /// <summary>Anonymous memory, matched by its kind or name, permissions and size.</summary>
    public static ChangeSubject AnonymousRole(string name, Permissions permissions, ulong size) =>
        new(SubjectType.Region) { Name = name, Permissions = permissions, Size = size };
}
