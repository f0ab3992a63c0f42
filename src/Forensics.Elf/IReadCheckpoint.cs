namespace Forensics.Elf;

/// <summary>
/// A budget the ELF reader checks between entries of long tables (program headers, notes, NT_FILE and auxiliary
/// vector entries) and after each chunk of a streamed read. When the budget is spent, <see cref="Check"/> throws the
/// caller's own exception, which the reader lets through: the caller that passed the budget catches it.
/// </summary>
public interface IReadCheckpoint
{
    /// <summary>A checkpoint at a byte offset of the file (or of its decompressed content), or at no position.</summary>
    void Check(ulong? offset);
}
