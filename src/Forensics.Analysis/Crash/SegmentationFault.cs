using Forensics.Analysis.Layout;
using Forensics.Model;
using static Forensics.Analysis.Crash.SignalNames;

namespace Forensics.Analysis.Crash;

/// <summary>The verdict for a SIGSEGV raised by a fault: where the fault address lies decides it.</summary>
internal static class SegmentationFault
{
    public static (CrashVerdict, string) Decide(CrashContext context)
    {
        var map = context.Map;
        var pc = context.Crashing?.ProgramCounter;
        var sp = context.Crashing?.StackPointer;

        if (context.Code == SiKernel)
        {
            // x86 general-protection faults (a non-canonical address, a bad segment) reach user space as
            // SIGSEGV with si_code SI_KERNEL and si_addr 0 (arch/x86/kernel/traps.c, do_general_protection).
            context.Evidence.Add("si_code SI_KERNEL with si_addr 0 is how the x86 kernel reports a general-protection fault: the real address is not recorded");
            return context.Capture.Architecture == Architecture.X86
                ? (CrashVerdict.NonCanonicalPointer, "General-protection fault (SIGSEGV with SI_KERNEL) at " + CrashAnalyzer.CrashingPc(context) + ": a bad segment or privileged access; the kernel does not report the address.")
                : (CrashVerdict.NonCanonicalPointer, "Non-canonical pointer: a general-protection fault (SIGSEGV with SI_KERNEL) at " + CrashAnalyzer.CrashingPc(context)
                    + ", typically a dereference of a corrupted pointer outside the canonical x86_64 address ranges; the kernel does not report the address.");
        }
        if (context.Signal?.FaultAddress is not { } fault)
            return (CrashVerdict.OtherSignal, "Segmentation fault at " + CrashAnalyzer.CrashingPc(context) + "; the core does not give the fault address.");

        var faultText = HexFormat.Address(fault);
        if (pc == fault && fault < CrashAnalyzer.NullPageLimit)
        {
            context.Evidence.Add("the PC equals the fault address " + faultText + ": execution jumped to it");
            return (CrashVerdict.NullPointerDereference,
                "Null-pointer dereference: a call or jump through a null function pointer (PC = fault address " + faultText + ").");
        }
        if (fault < CrashAnalyzer.NullPageLimit)
        {
            context.Evidence.Add(faultText + " is below " + HexFormat.Address(CrashAnalyzer.NullPageLimit)
                + ", under the lowest address a process can map by default (vm.mmap_min_addr 65536)");
            return (CrashVerdict.NullPointerDereference,
                "Null-pointer dereference: access to " + faultText + " (a null pointer plus an offset of " + faultText + ") at " + CrashAnalyzer.CrashingPc(context) + ".");
        }
        if (CrashAnalyzer.IsNonCanonical(context.Capture.Architecture, fault))
        {
            context.Evidence.Add(faultText + " lies between 0x800000000000 and 0xffff800000000000, outside both canonical x86_64 ranges");
            return (CrashVerdict.NonCanonicalPointer, "Non-canonical pointer " + faultText + " dereferenced at " + CrashAnalyzer.CrashingPc(context) + ".");
        }

        var region = map.FindRegion(fault);
        if (StackOverflow(context, fault, region, sp) is { } overflow)
            return (CrashVerdict.StackOverflow, overflow);

        if (region is null)
        {
            var below = map.FindRegionBelow(fault);
            var above = map.FindRegionAbove(fault);
            context.Evidence.Add(faultText + " is in no region; below it " + (below?.ToString() ?? "nothing") + ", above it " + (above?.ToString() ?? "nothing"));
            return pc == fault
                ? (CrashVerdict.WildPointer, "Wild jump: execution went to " + faultText + ", which is not mapped.")
                : (CrashVerdict.WildPointer, "Wild pointer: access to " + faultText + ", which is not mapped, at " + CrashAnalyzer.CrashingPc(context) + ".");
        }

        context.Evidence.Add(faultText + " is inside " + region + " (" + region.Kind.ToId() + ")");
        var permissions = region.Permissions;
        if (pc == fault)
        {
            if (permissions.CanExecute == false)
            {
                return (CrashVerdict.ExecuteNonExecutable,
                    "Execute of non-executable memory: the PC jumped to " + faultText + " in " + Name(region) + ", which is mapped " + permissions + ".");
            }
            if (permissions.CanExecute == true)
                return Impossible(region, "execute");
        }
        if (permissions.IsNone)
        {
            return (CrashVerdict.WildPointer,
                "Access to reserved memory: " + faultText + " lies in a PROT_NONE region (" + Name(region) + "), such as a guard page or an unused reservation.");
        }
        if (context.Code == SegvAccErr && permissions.CanWrite == false)
        {
            return (CrashVerdict.WriteToReadOnly,
                "Write to read-only memory: " + faultText + " in " + Name(region) + " is mapped " + permissions + " and the kernel reports SEGV_ACCERR.");
        }
        if (permissions.CanRead == true && permissions.CanWrite == true)
            return Impossible(region, "read or write");
        if (context.Code == SegvMapErr && permissions.CanRead == true)
            return Impossible(region, "read");
        return (CrashVerdict.OtherSignal,
            "Segmentation fault at " + faultText + " in " + Name(region) + " (mapped " + permissions + "); the capture does not say which access failed.");
    }

    private static string? StackOverflow(CrashContext context, ulong fault, Region? region, ulong? sp)
    {
        var map = context.Map;
        var faultText = HexFormat.Address(fault);
        var spNear = sp is { } s && Distance(s, fault) <= CrashAnalyzer.StackPointerNearFault;

        // A guard page directly below a thread stack (glibc puts a ---p page under each pthread stack).
        if (region is not null && region.Permissions.IsNone
            && map.FindRegionAbove(fault) is { } stackAbove && stackAbove.Start == region.End && IsStackLike(context, stackAbove))
        {
            context.Evidence.Add(faultText + " is in the guard region " + region + " directly below the stack " + stackAbove);
            return "Stack overflow: the thread's stack grew into its guard page at " + faultText + " below " + Name(stackAbove) + ".";
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
                context.Evidence.Add(faultText + " is " + HexFormat.Address(gap) + " bytes below the stack " + above
                    + (gap <= CrashAnalyzer.StackGuardGap ? ", inside the kernel's stack guard gap (1 MiB)" : ", within the default 8 MiB stack limit"));
                if (spNear)
                    context.Evidence.Add("the stack pointer " + HexFormat.Address(sp!.Value) + " is " + HexFormat.Address(Distance(sp.Value, fault)) + " bytes from the fault address");
                return "Stack overflow: the stack below " + Name(above) + " ran out at " + faultText
                    + (spNear ? ", next to the stack pointer." : ".");
            }
        }
        if (spNear && sp is { } pointer && map.FindRegion(pointer) is null && map.FindRegionAbove(pointer) is { } stack && IsStackLike(context, stack))
        {
            context.Evidence.Add("the stack pointer " + HexFormat.Address(pointer) + " is below the stack " + stack + ", next to the fault address");
            return "Stack overflow: the stack pointer ran below " + Name(stack) + " and the access at " + faultText + " failed.";
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

    private static (CrashVerdict, string) Impossible(Region region, string access) =>
        (CrashVerdict.ImpossibleFault,
            "A crash that cannot be: the fault address lies in " + Name(region) + ", mapped " + region.Permissions
            + ", which allows a " + access + "; the mapping changed after the fault or the capture shows another moment.");

    private static string Name(Region region) =>
        region.DisplayName ?? region.Kind.ToId() + " memory at " + HexFormat.Address(region.Start);

    private static ulong Distance(ulong a, ulong b) => a > b ? a - b : b - a;
}
