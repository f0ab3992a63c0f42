namespace Forensics.Cli;

/// <summary>The exit codes of SPEC §5.</summary>
public static class ExitCodes
{
    /// <summary>Every input was read.</summary>
    public const int Success = 0;
    /// <summary>Some inputs could not be read (failed or partial); the rest is still reported.</summary>
    public const int SomeInputsFailed = 1;
    /// <summary>The command line was wrong.</summary>
    public const int BadUsage = 2;
}
