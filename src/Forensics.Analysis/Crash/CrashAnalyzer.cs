using Forensics.Analysis.Layout;
using Forensics.Analysis.Text;
using Forensics.Model;
using static Forensics.Analysis.Crash.SignalNames;
using static Forensics.Analysis.Text.SentenceValues;

namespace Forensics.Analysis.Crash;

/// <summary>Reads a core's signal and thread registers against its regions and says what most likely happened.</summary>
internal static class CrashAnalyzer
{
    /// <summary>
    /// Faults below this are a null pointer plus a small offset: nothing can be mapped under
    /// vm.mmap_min_addr, which is 65536 by default on x86 (mm/Kconfig DEFAULT_MMAP_MIN_ADDR).
    /// </summary>
    public const ulong NullPageLimit = 0x10000;

    /// <summary>The kernel keeps stack_guard_gap (256 pages, 1 MiB) free below a grows-down stack (mm/mmap.c).</summary>
    public const ulong StackGuardGap = 0x100000;

    /// <summary>The default RLIMIT_STACK (8 MiB): how far the main stack may have grown below its mapping.</summary>
    public const ulong DefaultStackLimit = 0x800000;

    /// <summary>A stack pointer this close to the fault address means the faulting access was a stack access.</summary>
    public const ulong StackPointerNearFault = 0x10000;

    /// <summary>x86_64 user and kernel halves with 48-bit virtual addresses; anything between is non-canonical.</summary>
    internal const ulong CanonicalLowEnd = 0x0000_8000_0000_0000, CanonicalHighStart = 0xffff_8000_0000_0000;

    public static CrashReport? Analyze(Capture capture, AddressMap map)
    {
        // A core, or a container with threads or a signal (apport, minidump, coredumpctl); text captures hold neither. Without
        // any region (coredumpctl with no kernel line) every address would read as unmapped, so there is no verdict.
        if ((capture.Threads.Count == 0 && capture.Signal is null) || capture.Regions.Count == 0)
            return null;

        var crashing = FindCrashingThread(capture);
        var number = capture.Signal?.Number ?? crashing?.Signal ?? 0;
        var code = capture.Signal?.Code;
        // Whatever a producer wrote at si_addr, a signal without a fault address (SIGABRT, SIGKILL, a trap with SI_KERNEL) shows none.
        var signal = capture.Signal is { FaultAddress: not null } recorded && !SignalInfo.CarriesFaultAddress(number, code)
            ? recorded with { FaultAddress = null }
            : capture.Signal;
        var ownPid = capture.Pid ?? capture.Process?.Pid;

        var context = new CrashContext(capture, map, signal, crashing, number, code, ownPid);
        var (verdict, summary) = Decide(context);
        Sentence? signature = null;
        if (LibcAbortMessage.Decide(context) is { } libc)
            (verdict, summary) = libc;
        if (ManagedStackOverflow.Decide(context) is { } overflow)
            (verdict, summary, signature) = overflow;
        else if (UnhandledManagedException.Decide(context) is { } managed)
            (verdict, summary, signature) = managed;
        // A snapshot (gcore, createdump, a stopped process) has no crashing thread, whatever thread its core lists first.
        var threads = Locate(capture, map, verdict == CrashVerdict.NoCrash ? null : crashing);

        var evidence = new List<Sentence>();
        if (number != 0)
            evidence.Add(DescribeSignal(number, code, signal));
        evidence.AddRange(context.Evidence);
        if (capture.AbortMessage is { } message)
            evidence.Add(Sentence.Of($"glibc's abort message (__abort_msg): {message}"));
        foreach (var thread in threads.Where(t => t.IsCrashing))
        {
            evidence.Add(Sentence.Of($"thread {thread.Tid} (crashing): PC {Address(thread.ProgramCounter)} in {thread.ProgramCounterLocation}, SP {Address(thread.StackPointer)} in {thread.StackPointerLocation}"));
        }

        return new CrashReport
        {
            Verdict = verdict,
            Summary = summary,
            Evidence = evidence,
            Signature = signature ?? (verdict == CrashVerdict.NoCrash ? Sentence.Empty : Signature(number, crashing, map)),
            AbortMessage = capture.AbortMessage,
            SignalNumber = number == 0 ? null : number,
            SignalName = number == 0 ? null : SignalName(number),
            SignalCode = code,
            SignalCodeName = code is { } c ? CodeName(number, c) : null,
            FaultAddress = signal?.FaultAddress,
            SenderPid = code is { } sent && IsSentByProcess(sent) ? signal?.SenderPid : null,
            CrashingThreadId = verdict == CrashVerdict.NoCrash ? null : crashing?.Tid ?? signal?.ThreadId,
            FaultLocation = signal?.FaultAddress is { } fault ? map.Describe(fault) : null,
            Threads = threads,
        };
    }

    private static ThreadInfo? FindCrashingThread(Capture capture)
    {
        if (capture.Signal?.ThreadId is { } tid && capture.Threads.FirstOrDefault(t => t.Tid == tid) is { } byTid)
            return byTid;
        return capture.Threads.FirstOrDefault(t => t.IsCrashing && t.Signal != 0)
            ?? capture.Threads.FirstOrDefault(t => t.Signal != 0 && t.Signal == capture.Signal?.Number)
            ?? capture.Threads.FirstOrDefault(t => t.IsCrashing);
    }

    private static List<ThreadLocation> Locate(Capture capture, AddressMap map, ThreadInfo? crashing)
    {
        var ordered = capture.Threads
            .OrderBy(t => ReferenceEquals(t, crashing) ? 0 : 1)
            .ThenBy(t => t.Tid)
            .ToList();
        return [.. ordered.Select(t =>
        {
            var pcRegion = map.FindRegion(t.ProgramCounter);
            var spRegion = map.FindRegion(t.StackPointer);
            return new ThreadLocation
            {
                Tid = t.Tid,
                IsCrashing = ReferenceEquals(t, crashing),
                Signal = t.Signal,
                ProgramCounter = t.ProgramCounter,
                StackPointer = t.StackPointer,
                ProgramCounterLocation = map.Describe(t.ProgramCounter),
                StackPointerLocation = map.Describe(t.StackPointer),
                ProgramCounterKind = pcRegion is null ? null : pcRegion.Kind,
                StackPointerKind = spRegion is null ? null : spRegion.Kind,
                ProgramCounterRegion = pcRegion is null ? null : RegionText(pcRegion),
                StackPointerRegion = spRegion is null ? null : RegionText(spRegion),
                Frames = t.Frames,
            };
        })];
    }

    /// <summary>From the crashing thread's frames where it was walked; else the signal and where its PC is, ASLR removed.</summary>
    private static Sentence Signature(int number, ThreadInfo? crashing, AddressMap map) =>
        crashing is null
            ? Sentence.Words(SignalName(number))
            : CrashSignature.FromFrames(SignalName(number), crashing.Frames, pc => map.DescribeStable(pc, NullPageLimit))
                ?? Sentence.Of($"{SignalName(number)} {map.DescribeStable(crashing.ProgramCounter, NullPageLimit)}");

    private static Sentence DescribeSignal(int number, int? code, SignalInfo? signal)
    {
        var text = Sentence.Of($"signal {number} ({SignalName(number)})");
        if (code is { } c)
            text = Sentence.Of($"{text}, si_code {c} ({CodeName(number, c)})");
        if (code is { } sent && IsSentByProcess(sent) && signal?.SenderPid is { } sender)
            text = Sentence.Of($"{text}, sent by pid {sender}");
        else if (signal?.FaultAddress is { } fault)
            text = Sentence.Of($"{text}, fault address {Address(fault)}");
        if (signal?.UnknownReason is { } reason)
            text = Sentence.Of($"{text}; {(code is null ? "si_code, the fault address and the sender are" : "the sender is")} unknown: {reason}");
        return text;
    }

    private static (CrashVerdict, Sentence) Decide(CrashContext context)
    {
        var number = context.Number;
        if (number == 0)
        {
            return (CrashVerdict.NoCrash,
                Sentence.Words("No crash: no thread stopped with a signal, so the core was taken from a running process (createdump, gcore)."));
        }
        if (number is SigStop or SigTstp or SigTtin or SigTtou && context.Code is null or SiKernel or SiUser)
        {
            return (CrashVerdict.NoCrash,
                Sentence.Of($"No crash: the threads were stopped with {SignalName(number)}, as gdb's gcore stops a running process to dump it (si_code SI_KERNEL)."));
        }
        if (context.Code is not { } code)
            return WithoutSigInfo(context);
        if (IsSentByProcess(code))
            return DecideSent(context, code);
        return number switch
        {
            SigSegv => SegmentationFault.Decide(context),
            SigBus => BusFault(context),
            SigIll => (CrashVerdict.IllegalInstruction,
                Sentence.Of($"Illegal instruction (SIGILL) at {CrashingPc(context)}: the CPU could not execute the bytes there (corrupt code, a jump into data, or an ud2 trap).")),
            SigFpe => (CrashVerdict.ArithmeticError,
                Sentence.Of($"Arithmetic error (SIGFPE, {CodeText(context)}) at {CrashingPc(context)}, such as an integer division by zero.")),
            SigAbrt => (CrashVerdict.Abort, Sentence.Of($"Abort (SIGABRT) raised by the kernel at {CrashingPc(context)}.")),
            SigKill when context.Code == SiKernel => (CrashVerdict.OtherSignal,
                Sentence.Words("Killed by the kernel with SIGKILL (SI_KERNEL), for example by the out-of-memory killer.")),
            _ => (CrashVerdict.OtherSignal, Sentence.Of($"Ended by {SignalName(number)} ({CodeText(context)}).")),
        };
    }

    /// <summary>
    /// A core without NT_SIGINFO names the signal and nothing of its cause: no si_code, fault address or sender. The
    /// verdict is the signal's class with the cause unknown, and the evidence what the map shows of the crashing thread.
    /// </summary>
    private static (CrashVerdict, Sentence) WithoutSigInfo(CrashContext context)
    {
        var reason = context.Signal?.UnknownReason;
        var (cause, missing) = WhatTheInputLacks(context);
        // With a reason the siginfo is there without its code, and DescribeSignal gives the reason.
        if (reason is null)
            context.Evidence.Add(Sentence.Words(missing));
        if (context.Crashing is { } thread)
        {
            var pcRegion = context.Map.FindRegion(thread.ProgramCounter);
            context.Evidence.Add(pcRegion is null ? Sentence.Of($"the PC {Address(thread.ProgramCounter)} is in no region: execution went to unmapped memory")
                : pcRegion.Permissions.CanExecute == true ? Sentence.Of($"the PC is in executable memory ({RegionText(pcRegion)})")
                : Sentence.Of($"the PC is in memory that is not executable ({RegionText(pcRegion)})"));
            if (context.Map.FindRegion(thread.StackPointer) is null && context.Map.FindRegionAbove(thread.StackPointer) is { } above
                && MappingNames.IsStack(above.Kind) && above.Start - thread.StackPointer <= StackGuardGap)
            {
                context.Evidence.Add(Sentence.Of($"the SP {Address(thread.StackPointer)} is below the stack {RegionText(above)}, inside its guard gap: a stack overflow is likely"));
            }
        }
        var name = SignalName(context.Number);
        var verdict = context.Number switch
        {
            SigSegv => CrashVerdict.SegmentationFault,
            SigAbrt => CrashVerdict.Abort,
            SigIll => CrashVerdict.IllegalInstruction,
            SigFpe => CrashVerdict.ArithmeticError,
            SigBus => CrashVerdict.BusError,
            _ => CrashVerdict.OtherSignal,
        };
        return (verdict, Sentence.Of($"{name} at {CrashingPc(context)}; cause unknown: {(reason is null ? cause : "its siginfo has no si_code")}."));
    }

    /// <summary>
    /// Why the signal's cause is unknown, in the words of the input that lacks it: a core without NT_SIGINFO, a minidump
    /// whose exception stream records no si_code (it still gives the fault address), a report that names the signal only.
    /// </summary>
    private static (string Cause, string Evidence) WhatTheInputLacks(CrashContext context)
    {
        var capture = context.Capture;
        if (capture.Format == CaptureFormat.Minidump)
        {
            var given = context.Signal?.FaultAddress is null ? "the signal" : "the signal and its fault address";
            return ("the minidump records no si_code",
                $"the minidump's exception stream gives {given} but no si_code (Breakpad before 2020 and rust-minidump's writer leave it 0): "
                + "whether the kernel or a process raised the signal, and any sender, are unknown");
        }
        if (capture.Format == CaptureFormat.Core || capture.Notes.Count > 0)
        {
            return ("the core has no siginfo",
                "the core has no NT_SIGINFO note (kernels before 3.7 write none): si_code, the fault address and the sender are unknown");
        }
        return ($"the {capture.Format.ToId()} report names only the signal",
            $"the {capture.Format.ToId()} report names the signal and holds no core with its siginfo: si_code, the fault address and the sender are unknown");
    }

    private static (CrashVerdict, Sentence) DecideSent(CrashContext context, int code)
    {
        var name = SignalName(context.Number);
        var sender = context.Signal?.SenderPid;
        var how = code == SiTkill ? "tkill/tgkill" : code == SiUser ? "kill" : CodeName(context.Number, code);
        if (sender is { } pid && context.OwnPid is { } own && pid != own && pid != 0)
        {
            return (CrashVerdict.KilledByProcess,
                Sentence.Of($"Killed by another process: pid {pid} sent {name} with {how} (the process is pid {own})."));
        }
        var self = sender is { } p && p == context.OwnPid;
        var bySelf = self ? Sentence.Of($"by the process itself ({how} from its own pid {sender!.Value})")
            : sender is { } s ? Sentence.Of($"with {how} from pid {s}") : Sentence.Of($"with {how}");
        return context.Number switch
        {
            SigAbrt when self => (CrashVerdict.Abort,
                Sentence.Of($"Abort: SIGABRT raised {bySelf}, as abort() does after a failed assert() or a detected heap corruption; the PC is at {CrashingPc(context)}.")),
            SigAbrt => (CrashVerdict.Abort, Sentence.Of($"Abort: SIGABRT sent {bySelf}.")),
            SigIll => (CrashVerdict.IllegalInstruction,
                Sentence.Of($"SIGILL raised {bySelf}, not by a faulting instruction; the PC is at {CrashingPc(context)}.")),
            SigFpe => (CrashVerdict.ArithmeticError, Sentence.Of($"SIGFPE raised {bySelf}, not by a faulting instruction.")),
            SigBus => (CrashVerdict.BusError, Sentence.Of($"SIGBUS raised {bySelf}, not by a faulting access.")),
            _ when sender is null && !self => (CrashVerdict.KilledByProcess, Sentence.Of($"{name} sent with {how} by a process the core does not name.")),
            _ => (CrashVerdict.OtherSignal, Sentence.Of($"{name} raised {bySelf}; the PC is at {CrashingPc(context)}.")),
        };
    }

    private static (CrashVerdict, Sentence) BusFault(CrashContext context)
    {
        var fault = context.Signal?.FaultAddress;
        var region = fault is { } f ? context.Map.FindRegion(f) : null;
        if (context.Code == BusAdrErr && region?.Name is { } name && !region.HasBracketName)
        {
            context.Evidence.Add(Sentence.Of(
                $"the fault address is inside the file mapping {RegionText(region)}, at file offset {Address(fault!.Value - region.Start + (region.Offset ?? 0))}"));
            return (CrashVerdict.BusError,
                Sentence.Of($"Bus error: access to a page of the mapped file {MappingNames.Basename(name)} beyond the end of the file (the file was truncated after it was mapped)."));
        }
        return (CrashVerdict.BusError, fault is { } a
            ? Sentence.Of($"Bus error (SIGBUS, {CodeText(context)}) at {Address(a)} ({context.Map.Describe(a)}).")
            : Sentence.Of($"Bus error (SIGBUS, {CodeText(context)})."));
    }

    internal static Sentence CrashingPc(CrashContext context) =>
        context.Crashing is { } thread ? context.Map.Describe(thread.ProgramCounter) : Sentence.Words("an unknown place (no thread registers)");

    private static string CodeText(CrashContext context) =>
        context.Code is { } code ? CodeName(context.Number, code) : "no si_code";

    internal static bool IsNonCanonical(Architecture architecture, ulong address) =>
        architecture == Architecture.X86_64 && address >= CanonicalLowEnd && address < CanonicalHighStart;
}
