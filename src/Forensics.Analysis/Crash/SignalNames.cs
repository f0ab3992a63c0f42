using System.Globalization;
namespace Forensics.Analysis.Crash;

/// <summary>Linux x86/x86_64 signal numbers and <c>si_code</c> values by name (asm-generic/signal.h, siginfo.h).</summary>
public static class SignalNames
{
    public const int SigIll = 4, SigTrap = 5, SigAbrt = 6, SigBus = 7, SigFpe = 8, SigKill = 9, SigSegv = 11,
        SigStop = 19, SigTstp = 20, SigTtin = 21, SigTtou = 22;

    /// <summary>si_code values that say who sent the signal rather than which fault raised it.</summary>
    public const int SiUser = 0, SiKernel = 0x80, SiQueue = -1, SiTkill = -6;

    public const int SegvMapErr = 1, SegvAccErr = 2;
    public const int BusAdrAln = 1, BusAdrErr = 2;

    private static readonly string[] Signals =
    [
        "", "SIGHUP", "SIGINT", "SIGQUIT", "SIGILL", "SIGTRAP", "SIGABRT", "SIGBUS", "SIGFPE", "SIGKILL", "SIGUSR1",
        "SIGSEGV", "SIGUSR2", "SIGPIPE", "SIGALRM", "SIGTERM", "SIGSTKFLT", "SIGCHLD", "SIGCONT", "SIGSTOP", "SIGTSTP",
        "SIGTTIN", "SIGTTOU", "SIGURG", "SIGXCPU", "SIGXFSZ", "SIGVTALRM", "SIGPROF", "SIGWINCH", "SIGIO", "SIGPWR",
        "SIGSYS",
    ];

    private static readonly string[] SegvCodes =
    [
        "SEGV_MAPERR", "SEGV_ACCERR", "SEGV_BNDERR", "SEGV_PKUERR", "SEGV_ACCADI", "SEGV_ADIDERR", "SEGV_ADIPERR",
        "SEGV_MTEAERR", "SEGV_MTESERR", "SEGV_CPERR",
    ];

    private static readonly string[] BusCodes = ["BUS_ADRALN", "BUS_ADRERR", "BUS_OBJERR", "BUS_MCEERR_AR", "BUS_MCEERR_AO"];

    private static readonly string[] IllCodes =
    [
        "ILL_ILLOPC", "ILL_ILLOPN", "ILL_ILLADR", "ILL_ILLTRP", "ILL_PRVOPC", "ILL_PRVREG", "ILL_COPROC", "ILL_BADSTK",
        "ILL_BADIADDR",
    ];

    private static readonly string[] FpeCodes =
    [
        "FPE_INTDIV", "FPE_INTOVF", "FPE_FLTDIV", "FPE_FLTOVF", "FPE_FLTUND", "FPE_FLTRES", "FPE_FLTINV", "FPE_FLTSUB",
        "FPE_DECOVF", "FPE_DECDIV", "FPE_DECERR", "FPE_INVASC", "FPE_INVDEC", "FPE_FLTUNK", "FPE_CONDTRAP",
    ];

    private static readonly string[] TrapCodes = ["TRAP_BRKPT", "TRAP_TRACE", "TRAP_BRANCH", "TRAP_HWBKPT", "TRAP_UNK", "TRAP_PERF"];

    /// <summary><c>SIGSEGV</c> for 11; real-time signals as <c>SIGRTMIN+n</c>; <c>signal N</c> otherwise.</summary>
    public static string SignalName(int number) => number switch
    {
        > 0 and < 32 => Signals[number],
        >= 32 and <= 64 => "SIGRTMIN+" + (number - 32).ToString(CultureInfo.InvariantCulture),
        _ => "signal " + number.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>
    /// The name of a <c>si_code</c>: the generic sender codes for zero and negative values and
    /// <c>SI_KERNEL</c>, the signal's own fault codes for positive ones.
    /// </summary>
    public static string CodeName(int signal, int code)
    {
        switch (code)
        {
            case SiUser: return "SI_USER";
            case SiKernel: return "SI_KERNEL";
            case SiQueue: return "SI_QUEUE";
            case -2: return "SI_TIMER";
            case -3: return "SI_MESGQ";
            case -4: return "SI_ASYNCIO";
            case -5: return "SI_SIGIO";
            case SiTkill: return "SI_TKILL";
            case -7: return "SI_DETHREAD";
            case -60: return "SI_ASYNCNL";
        }
        var table = signal switch
        {
            SigSegv => SegvCodes,
            SigBus => BusCodes,
            SigIll => IllCodes,
            SigFpe => FpeCodes,
            SigTrap => TrapCodes,
            _ => [],
        };
        return code > 0 && code <= table.Length ? table[code - 1] : "si_code " + code.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The signal was sent by a process (kill, tkill, sigqueue) rather than raised by a fault.</summary>
    public static bool IsSentByProcess(int code) => code <= SiUser;
}
