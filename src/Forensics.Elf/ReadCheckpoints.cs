namespace Forensics.Elf;

/// <summary>How often the reader checks its <see cref="IReadCheckpoint"/>, and the checkpoint of a read without a budget.</summary>
public static class ReadCheckpoints
{
    /// <summary>Table entries (program headers, notes, NT_FILE entries) between two checkpoints.</summary>
    public const int EntriesPerCheck = 1024;

    /// <summary>A checkpoint that never stops the read.</summary>
    public static IReadCheckpoint Unlimited { get; } = new UnlimitedCheckpoint();

    private sealed class UnlimitedCheckpoint : IReadCheckpoint
    {
        public void Check(ulong? offset)
        {
        }
    }
}
