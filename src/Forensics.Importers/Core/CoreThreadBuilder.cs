using Forensics.Elf.Notes;
using Forensics.Model;

namespace Forensics.Importers.Core;

/// <summary>
/// Threads and the process signal from NT_PRSTATUS and NT_SIGINFO. A kernel core names the crashing thread by
/// putting it first (docs/formats.md#elf-note-order). A gcore core has one NT_SIGINFO per thread holding the signal it last stopped
/// with: SIGSTOP (si_code SI_KERNEL) on every thread means gdb stopped a running process, so no thread is marked
/// crashing and <see cref="Capture.Signal"/> is that SIGSTOP without a thread id. createdump writes one NT_SIGINFO,
/// after the thread the runtime named as crashing, and only when the runtime passed it a signal.
/// </summary>
internal static class CoreThreadBuilder
{
    public static void Build(CaptureBuilder capture, CoreNoteSet notes, bool writtenByGdb)
    {
        var crashing = writtenByGdb ? notes.Threads.FindIndex(t => t.Signal is { } s && IsFatal(s.Number))
            : notes.WrittenByCreatedump ? notes.Threads.FindIndex(t => t.Signal is not null)
            : notes.Threads.Count > 0 ? 0 : -1;
        for (var index = 0; index < notes.Threads.Count; index++)
        {
            var thread = notes.Threads[index];
            var status = thread.Status;
            capture.Threads.Add(new ThreadInfo
            {
                Tid = status.ThreadId,
                Signal = status.CurrentSignal != 0 ? status.CurrentSignal : thread.Signal?.Number ?? 0,
                ProgramCounter = status.ProgramCounter,
                StackPointer = status.StackPointer,
                FramePointer = status.FramePointer,
                ThreadPointer = status.FsBase ?? TlsBase(thread),
                IsCrashing = index == crashing,
                Registers = status.Registers,
                Location = SourceLocation.AtOffset(thread.Offset),
            });
        }
        capture.Signal = ProcessSignal(notes, crashing);
    }

    private static SignalInfo? ProcessSignal(CoreNoteSet notes, int crashing)
    {
        if (notes.Threads.Count == 0)
            return null;
        var thread = notes.Threads[crashing < 0 ? 0 : crashing];
        int? threadId = crashing < 0 ? null : thread.Status.ThreadId;
        if (thread.Signal is { } signal)
        {
            if (notes.WrittenByCreatedump)
                return CreatedumpSignal(signal, threadId);
            return new SignalInfo
            {
                Number = signal.Number,
                Code = signal.Code,
                Errno = signal.Errno,
                FaultAddress = SignalInfo.CarriesFaultAddress(signal.Number, signal.Code) ? signal.Address : null,
                SenderPid = signal.IsSentByProcess ? signal.SenderPid : null,
                SenderUid = signal.IsSentByProcess ? signal.SenderUid : null,
                ThreadId = threadId,
            };
        }
        // No NT_SIGINFO (kernels before 3.7): only the signal number is known. The kernel fills pr_info.si_signo and
        // nothing else of it (fill_prstatus), so its si_code and si_errno are zeros that mean nothing.
        var status = thread.Status;
        var number = status.CurrentSignal != 0 ? status.CurrentSignal : status.SignalNumber;
        return number == 0 ? null : new SignalInfo { Number = number, ThreadId = threadId };
    }

    /// <summary>
    /// createdump fills its siginfo_t itself (CrashInfo's constructor, dotnet/runtime src/coreclr/debug/createdump): zeros, then
    /// si_signo, si_code, si_errno and si_addr from its --signal, --code, --errno and --address options, each 0 when the
    /// runtime passed none, and never si_pid or si_uid. So the sender is unknown, and so is a code or errno of 0.
    /// </summary>
    private static SignalInfo CreatedumpSignal(SigInfoNote signal, int? threadId) => new()
    {
        Number = signal.Number,
        Code = signal.Code == 0 ? null : signal.Code,
        Errno = signal.Errno == 0 ? null : signal.Errno,
        FaultAddress = SignalInfo.CarriesFaultAddress(signal.Number, signal.Code) ? signal.Address : null,
        ThreadId = threadId,
        UnknownReason = signal.Code == 0
            ? "createdump wrote the siginfo with no si_code (it records the signal number, and si_code and the fault address only where the runtime passed them; never the sender)"
            : "createdump never records the sender of a signal (si_pid, si_uid)",
    };

    /// <summary>Signals whose default action dumps core; without SIGTRAP, which gdb leaves on threads stopped at breakpoints.</summary>
    private static bool IsFatal(int signal) => signal is 3 or 4 or 6 or 7 or 8 or 11 or 24 or 25 or 31;

    /// <summary>i386: the TLS base is the NT_386_TLS entry the gs selector indexes (xgs >> 3).</summary>
    private static ulong? TlsBase(CoreNoteSet.ThreadNotes thread)
    {
        if (thread.Status.GsSelector is not { } selector)
            return null;
        var entry = (uint)(selector >> 3);
        foreach (var (number, baseAddress) in thread.Tls)
        {
            if (number == entry)
                return baseAddress;
        }
        return null;
    }
}
