namespace Forensics.Symbols.Debuginfod;

/// <summary>What a debuginfod server is asked for: <c>/buildid/HEX/debuginfo</c> or <c>/buildid/HEX/executable</c>.</summary>
public enum DebuginfodArtifact
{
    /// <summary>The file with the DWARF debug information (a separate debug file, or the binary itself when unstripped).</summary>
    DebugInfo,

    /// <summary>The executable or shared library with the code.</summary>
    Executable,
}
