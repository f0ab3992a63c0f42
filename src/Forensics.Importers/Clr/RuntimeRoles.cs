namespace Forensics.Importers.Clr;

/// <summary>
/// The values <see cref="Forensics.Model.Region.RuntimeRole"/> is made of. A region that one heap covers entirely
/// carries the role alone (<c>jit-code-heap</c>); a region that heaps cover only in part, or several heaps share,
/// reads <c>contains jit-code-heap, loader-heap</c>.
/// </summary>
public static class RuntimeRoles
{
    /// <summary>Prefix of every GC heap role: <c>gc-heap gen0</c>, <c>gc-heap loh</c>, ...</summary>
    public const string GcHeap = "gc-heap";
    /// <summary>Executable memory the JIT writes managed code into (loader and host code heaps).</summary>
    public const string JitCodeHeap = "jit-code-heap";
    /// <summary>Executable stubs and precode thunks of the runtime.</summary>
    public const string StubHeap = "stub-heap";
    /// <summary>The runtime's data heaps for types and methods (high/low frequency heaps).</summary>
    public const string LoaderHeap = "loader-heap";
    public const string HandleTable = "handle-table";
    /// <summary>The GC's own bookkeeping (card tables, mark arrays, region map).</summary>
    public const string GcBookkeeping = "gc-bookkeeping";
    /// <summary>A GC region that is free and kept for reuse.</summary>
    public const string GcFreeRegion = "gc-free-region";
    /// <summary>A runtime heap whose kind ClrMD does not name.</summary>
    public const string RuntimeHeap = "runtime-heap";
    /// <summary>Prefix of a role that covers only part of its region.</summary>
    public const string ContainsPrefix = "contains ";

    /// <summary>True when <paramref name="role"/> names a JIT code heap or runtime stubs (expected executable memory).</summary>
    public static bool IsRuntimeCode(string? role) =>
        role is not null
        && (role.Contains(JitCodeHeap, StringComparison.Ordinal) || role.Contains(StubHeap, StringComparison.Ordinal));
}
