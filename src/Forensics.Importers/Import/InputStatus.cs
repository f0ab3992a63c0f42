namespace Forensics.Importers.Import;

/// <summary>What became of one input file.</summary>
public enum InputStatus
{
    /// <summary>Captures were imported and no error was reported.</summary>
    Ok,
    /// <summary>Captures were imported, but with errors (bad lines, a damaged compressed tail).</summary>
    Partial,
    /// <summary>Nothing usable: empty, unreadable, corrupt, or a core that could not be read.</summary>
    Failed,
    /// <summary>Not a capture (prose without pasted output, binary data that is neither ELF nor text).</summary>
    Skipped,
}
