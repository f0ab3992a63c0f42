namespace Forensics.Analysis.Comparison;

/// <summary>One row of the presence matrix: a module identity (full path where any capture gave one) and where it is mapped.</summary>
public sealed record ModulePresence(string Module, IReadOnlyList<bool> Present)
{
    public int Count => Present.Count(p => p);
}
