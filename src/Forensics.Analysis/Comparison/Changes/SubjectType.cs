namespace Forensics.Analysis.Comparison.Changes;

/// <summary>What sort of thing a change is about.</summary>
public enum SubjectType
{
    /// <summary>The capture's layout as a whole: the verdict of the comparison.</summary>
    Layout,
    Architecture,
    Program,
    Crash,

    /// <summary>A module, by its path (or basename where the source printed only that).</summary>
    Module,

    /// <summary>One mapping of a module, by its offset from the module's base.</summary>
    Segment,

    /// <summary>The bytes mapped as one region kind.</summary>
    KindTotal,

    /// <summary>The bytes mapped in all.</summary>
    Mapped,

    /// <summary>A region outside the modules, by its role (<see cref="ChangeSubject.Role(string)"/>).</summary>
    Region,

    /// <summary>The findings of one rule.</summary>
    Finding,
}
