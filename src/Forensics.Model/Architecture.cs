namespace Forensics.Model;

/// <summary>The instruction-set architecture of the process a capture shows.</summary>
public enum Architecture
{
    Unknown,
    X86,
    X86_64,
    /// <summary>The x32 ABI: x86_64 code and registers with 32-bit pointers (an ELFCLASS32 core with EM_X86_64).</summary>
    X32,
}

public static class ArchitectureText
{
    /// <summary>The id used in reports: <c>x86</c>, <c>x86_64</c>, <c>x32</c> or <c>unknown</c>.</summary>
    public static string ToId(this Architecture architecture) => architecture switch
    {
        Architecture.X86 => "x86",
        Architecture.X86_64 => "x86_64",
        Architecture.X32 => "x32",
        _ => "unknown",
    };
}
