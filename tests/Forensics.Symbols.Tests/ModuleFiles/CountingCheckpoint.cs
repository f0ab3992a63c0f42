using Forensics.Elf;

namespace Forensics.Symbols.Tests.ModuleFiles;

/// <summary>A budget of <c>allowed</c> checkpoints: the next one throws, as a spent per-file budget does.</summary>
internal sealed class CountingCheckpoint(int allowed = int.MaxValue) : IReadCheckpoint
{
    public int Checks { get; private set; }

    public void Check(ulong? offset)
    {
        if (++Checks > allowed)
            throw new BudgetSpentException();
    }
}

internal sealed class BudgetSpentException : Exception;
