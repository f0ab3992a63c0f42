namespace Forensics.Analysis.Crash;

/// <summary>What most likely happened: the verdict column of docs/report-schema.md#capturescsv.</summary>
public enum CrashVerdict
{
    /// <summary>The process did not die of a signal (a live capture, gcore of a running process).</summary>
    NoCrash,
    NullPointerDereference,
    StackOverflow,
    ExecuteNonExecutable,
    WriteToReadOnly,
    WildPointer,
    NonCanonicalPointer,
    Abort,
    KilledByProcess,
    /// <summary>The fault address lies in memory whose permissions allow the access.</summary>
    ImpossibleFault,
    IllegalInstruction,
    ArithmeticError,
    BusError,
    OtherSignal,

    /// <summary>A SIGSEGV whose cause the core does not record: it has no NT_SIGINFO, so no fault address or si_code.</summary>
    SegmentationFault,

    /// <summary>A managed runtime (.NET) aborted the process because an exception was not caught: the exception is the cause.</summary>
    UnhandledManagedException,

    /// <summary>An assert() failed: glibc's message in the core names the assertion, the SIGABRT is its mechanism.</summary>
    AssertionFailed,

    /// <summary>glibc aborted after a check of its own failed (a double free, a corrupted heap, stack smashing): its message says which.</summary>
    LibcDetectedError,
}
