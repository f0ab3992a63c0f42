namespace Forensics.Importers.Detection;

/// <summary>What the first bytes of an (uncompressed) input look like.</summary>
public enum ContentKind
{
    Empty,
    /// <summary>Starts with the ELF magic <c>7f 45 4c 46</c>.</summary>
    Elf,
    Text,
    /// <summary>Binary data that is neither ELF nor text.</summary>
    Binary,
}
