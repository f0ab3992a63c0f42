namespace Forensics.Importers.Budget;

/// <summary>Which part of a <see cref="ReadBudget"/> was spent.</summary>
public enum ReadBudgetLimit
{
    /// <summary>The time the read may take.</summary>
    Time,
    /// <summary>The bytes the thread may allocate during the read.</summary>
    Allocation,
}
