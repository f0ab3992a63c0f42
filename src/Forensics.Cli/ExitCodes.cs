namespace Forensics.Cli;

/// <summary>The exit codes listed in README.md, section Commands.</summary>
public static class ExitCodes
{
    /// <summary>Every input was read.</summary>
    public const int Success = 0;
    /// <summary>Some inputs could not be read (failed or partial), or the paths held nothing to analyse; the rest is still reported.</summary>
    public const int SomeInputsFailed = 1;
    /// <summary>The command line was wrong.</summary>
    public const int BadUsage = 2;
    /// <summary>The reports could not be written (a full disk, a refused folder); the previous ones stay (EX_CANTCREAT).</summary>
    public const int CannotWrite = 73;
    /// <summary>A bug stopped the command (EX_SOFTWARE of sysexits.h); one line on stderr says what to report.</summary>
    public const int InternalError = 70;
    /// <summary>Ctrl-C stopped the run before it wrote reports (128 + SIGINT, as a shell reports it).</summary>
    public const int Interrupted = 130;
}
