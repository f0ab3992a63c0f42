using Forensics.Elf.Notes;
using Forensics.Model;

namespace Forensics.Importers.Core;

/// <summary>
/// Threads and the process signal from NT_PRSTATUS and NT_SIGINFO. A kernel core names the crashing thread by
/// putting it first (docs/formats.md#elf-note-order). A gcore core has one NT_SIGINFO per thread holding the signal it last stopped
/// with: SIGSTOP (si_code SI_KERNEL) on every thread means gdb stopped a running process, so no thread is marked
/// crashing and <see cref="Capture.Signal"/> is that SIGSTOP without a thread id.
/// </summary>
internal static class CoreThreadBuilder
{
    public static void Build(CaptureBuilder capture, CoreNoteSet notes, bool writtenByGdb)
    {
        var crashing = writtenByGdb ? notes.Threads.FindIndex(t => t.Signal is { } s && IsFatal(s.Number)) : (notes.Threads.Count > 0 ? 0 : -1);
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
            return new SignalInfo
            {
                Number = signal.Number,
                Code = signal.Code,
                Errno = signal.Errno,
                FaultAddress = signal.HasFaultAddress ? signal.Address : null,
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
