namespace Forensics.Importers.Detection;

/// <summary>What the first bytes of an (uncompressed) input look like.</summary>
public enum ContentKind
{
    Empty,
    /// <summary>Starts with the ELF magic <c>7f 45 4c 46</c>.</summary>
    Elf,
    Text,
    /// <summary>An apport report: text whose first line is apport's <c>ProblemType:</c> field.</summary>
    ApportReport,
    /// <summary>A minidump: the signature <c>MDMP</c> and the version <c>0xa793</c> in the low half of the next word.</summary>
    Minidump,
    /// <summary>Binary data that is neither ELF nor text.</summary>
    Binary,
}
