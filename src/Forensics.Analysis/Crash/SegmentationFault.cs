using Forensics.Analysis.Layout;
using Forensics.Analysis.Text;
using Forensics.Model;
using static Forensics.Analysis.Crash.SignalNames;
using static Forensics.Analysis.Text.SentenceValues;

namespace Forensics.Analysis.Crash;

/// <summary>The verdict for a SIGSEGV raised by a fault: where the fault address lies decides it.</summary>
internal static class SegmentationFault
{
    public static (CrashVerdict, Sentence) Decide(CrashContext context)
    {
        var map = context.Map;
        var pc = context.Crashing?.ProgramCounter;
        var sp = context.Crashing?.StackPointer;

        if (context.Code == SiKernel)
        {
            // x86 general-protection faults (a non-canonical address, a bad segment) reach user space as
            // SIGSEGV with si_code SI_KERNEL and si_addr 0 (arch/x86/kernel/traps.c, do_general_protection).
            context.Evidence.Add(Sentence.Words("si_code SI_KERNEL with si_addr 0 is how the x86 kernel reports a general-protection fault: the real address is not recorded"));
            return context.Capture.Architecture == Architecture.X86
                ? (CrashVerdict.NonCanonicalPointer, Sentence.Of($"General-protection fault (SIGSEGV with SI_KERNEL) at {CrashAnalyzer.CrashingPc(context)}: a bad segment or privileged access; the kernel does not report the address."))
                : (CrashVerdict.NonCanonicalPointer, Sentence.Of($"Non-canonical pointer: a general-protection fault (SIGSEGV with SI_KERNEL) at {CrashAnalyzer.CrashingPc(context)}"
                    + $", typically a dereference of a corrupted pointer outside the canonical x86_64 address ranges; the kernel does not report the address."));
        }
        if (context.Signal?.FaultAddress is not { } fault)
            return (CrashVerdict.OtherSignal, Sentence.Of($"Segmentation fault at {CrashAnalyzer.CrashingPc(context)}; the core does not give the fault address."));

        var faultText = Address(fault);
        if (pc == fault && fault < CrashAnalyzer.NullPageLimit)
        {
            context.Evidence.Add(Sentence.Of($"the PC equals the fault address {faultText}: execution jumped to it"));
            return (CrashVerdict.NullPointerDereference,
                Sentence.Of($"Null-pointer dereference: a call or jump through a null function pointer (PC = fault address {faultText})."));
        }
        if (fault < CrashAnalyzer.NullPageLimit)
        {
            context.Evidence.Add(Sentence.Of($"{faultText} is below {Address(CrashAnalyzer.NullPageLimit)}, under the lowest address a process can map by default (vm.mmap_min_addr 65536)"));
            return (CrashVerdict.NullPointerDereference,
                Sentence.Of($"Null-pointer dereference: access to {faultText} (a null pointer plus an offset of {faultText}) at {CrashAnalyzer.CrashingPc(context)}."));
        }
        if (CrashAnalyzer.IsNonCanonical(context.Capture.Architecture, fault))
        {
            context.Evidence.Add(Sentence.Of($"{faultText} lies between {Address(CrashAnalyzer.CanonicalLowEnd)} and {Address(CrashAnalyzer.CanonicalHighStart)}, outside both canonical x86_64 ranges"));
            return (CrashVerdict.NonCanonicalPointer, Sentence.Of($"Non-canonical pointer {faultText} dereferenced at {CrashAnalyzer.CrashingPc(context)}."));
        }

        var region = map.FindRegion(fault);
        if (StackOverflow(context, fault, region, sp) is { } overflow)
            return (CrashVerdict.StackOverflow, overflow);

        if (region is null)
        {
            var below = map.FindRegionBelow(fault);
            var above = map.FindRegionAbove(fault);
            context.Evidence.Add(Sentence.Of($"{faultText} is in no region; below it {RegionOrNothing(below)}, above it {RegionOrNothing(above)}"));
            return pc == fault
                ? (CrashVerdict.WildPointer, Sentence.Of($"Wild jump: execution went to {faultText}, which is not mapped."))
                : (CrashVerdict.WildPointer, Sentence.Of($"Wild pointer: access to {faultText}, which is not mapped, at {CrashAnalyzer.CrashingPc(context)}."));
        }

        context.Evidence.Add(Sentence.Of($"{faultText} is inside {RegionText(region)} ({region.Kind.ToId()})"));
        var permissions = region.Permissions;
        if (pc == fault)
        {
            if (permissions.CanExecute == false)
            {
                return (CrashVerdict.ExecuteNonExecutable,
                    Sentence.Of($"Execute of non-executable memory: the PC jumped to {faultText} in {Name(region)}, which is mapped {permissions}."));
            }
            if (permissions.CanExecute == true)
                return Impossible(region, "execute");
        }
        if (permissions.IsNone)
        {
            return (CrashVerdict.WildPointer,
                Sentence.Of($"Access to reserved memory: {faultText} lies in a PROT_NONE region ({Name(region)}), such as a guard page or an unused reservation."));
        }
        if (context.Code == SegvAccErr && permissions.CanWrite == false)
        {
            return (CrashVerdict.WriteToReadOnly,
                Sentence.Of($"Write to read-only memory: {faultText} in {Name(region)} is mapped {permissions} and the kernel reports SEGV_ACCERR."));
        }
        if (permissions.CanRead == true && permissions.CanWrite == true)
            return Impossible(region, "read or write");
        if (context.Code == SegvMapErr && permissions.CanRead == true)
            return Impossible(region, "read");
        return (CrashVerdict.OtherSignal,
            Sentence.Of($"Segmentation fault at {faultText} in {Name(region)} (mapped {permissions}); the capture does not say which access failed."));
    }

    private static Sentence? StackOverflow(CrashContext context, ulong fault, Region? region, ulong? sp)
    {
        var map = context.Map;
        var faultText = Address(fault);
        var spNear = sp is { } s && Distance(s, fault) <= CrashAnalyzer.StackPointerNearFault;

        // A guard page directly below a thread stack (glibc puts a ---p page under each pthread stack).
        if (region is not null && region.Permissions.IsNone
            && map.FindRegionAbove(fault) is { } stackAbove && stackAbove.Start == region.End && IsStackLike(context, stackAbove))
        {
            context.Evidence.Add(Sentence.Of($"{faultText} is in the guard region {RegionText(region)} directly below the stack {RegionText(stackAbove)}"));
            return Sentence.Of($"Stack overflow: the thread's stack grew into its guard page at {faultText} below {Name(stackAbove)}.");
        }
        if (region is not null)
            return null;

        var above = map.FindRegionAbove(fault);
        if (above is not null && IsStackLike(context, above))
        {
            var gap = above.Start - fault;
            var limit = above.Kind == RegionKind.Stack ? CrashAnalyzer.DefaultStackLimit : CrashAnalyzer.StackGuardGap;
            if (gap <= CrashAnalyzer.StackGuardGap || (gap <= limit && spNear))
            {
                var within = gap <= CrashAnalyzer.StackGuardGap ? ", inside the kernel's stack guard gap (1 MiB)" : ", within the default 8 MiB stack limit";
                context.Evidence.Add(Sentence.Of($"{faultText} is {Address(gap)} bytes below the stack {RegionText(above)}{within}"));
                if (spNear)
                    context.Evidence.Add(Sentence.Of($"the stack pointer {Address(sp!.Value)} is {Address(Distance(sp.Value, fault))} bytes from the fault address"));
                return Sentence.Of($"Stack overflow: the stack below {Name(above)} ran out at {faultText}{(spNear ? ", next to the stack pointer." : ".")}");
            }
        }
        if (spNear && sp is { } pointer && map.FindRegion(pointer) is null && map.FindRegionAbove(pointer) is { } stack && IsStackLike(context, stack))
        {
            context.Evidence.Add(Sentence.Of($"the stack pointer {Address(pointer)} is below the stack {RegionText(stack)}, next to the fault address"));
            return Sentence.Of($"Stack overflow: the stack pointer ran below {Name(stack)} and the access at {faultText} failed.");
        }
        return null;
    }

    private static bool IsStackLike(CrashContext context, Region region)
    {
        if (MappingNames.IsStack(region.Kind))
            return true;
        // A writable anonymous region that holds some thread's stack pointer is that thread's stack.
        return region.Name is null && region.Permissions.CanWrite == true
            && context.Capture.Threads.Any(t => region.Contains(t.StackPointer) || (t.StackPointer < region.Start && region.Start - t.StackPointer <= CrashAnalyzer.StackPointerNearFault));
    }

    private static (CrashVerdict, Sentence) Impossible(Region region, string access) =>
        (CrashVerdict.ImpossibleFault,
            Sentence.Of($"A crash that cannot be: the fault address lies in {Name(region)}, mapped {region.Permissions}, which allows a {access}; the mapping changed after the fault or the capture shows another moment."));

    private static Sentence Name(Region region) =>
        region.DisplayName is { } name ? Sentence.Words(name) : Sentence.Of($"{region.Kind.ToId()} memory at {Address(region.Start)}");

    private static Sentence RegionOrNothing(Region? region) => region is null ? Sentence.Words("nothing") : RegionText(region);

    private static ulong Distance(ulong a, ulong b) => a > b ? a - b : b - a;
}
