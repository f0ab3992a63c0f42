using Forensics.Elf;
using Forensics.Model;
using Forensics.Symbols.ModuleFiles;
using Forensics.Symbols.Unwinding;

namespace Forensics.Symbols;

/// <summary>
/// Walks every thread of a core and names its frames: fills <see cref="ThreadInfo.Frames"/> from the core's memory,
/// the module files found through <see cref="SymbolOptions"/>, and the CFI and symbols they hold. Problems (a file with
/// another build-id, malformed CFI, a walk that stops early) become diagnostics on the capture; nothing throws for
/// bad input.
/// </summary>
public static class CaptureUnwinder
{
    /// <param name="capture">The core's capture; its threads get their frames.</param>
    /// <param name="memory">The core's address space.</param>
    /// <param name="options">Where module files are looked for, and the bounds of the walk.</param>
    /// <param name="checkpoint">The input's budget, passed while walking and while reading module files; none when null.</param>
    /// <param name="files">
    /// The module files of the run, shared by its cores; when null, the files are read for this core alone.
    /// </param>
    public static void Unwind(CaptureBuilder capture, IAddressSpace memory, SymbolOptions options, IReadCheckpoint? checkpoint = null, ModuleFileCache? files = null)
    {
        checkpoint ??= ReadCheckpoints.Unlimited;
        ArgumentNullException.ThrowIfNull(capture);
        ArgumentNullException.ThrowIfNull(memory);
        ArgumentNullException.ThrowIfNull(options);
        if (RegisterLayout.For(capture.Architecture) is not { } layout || capture.Threads.Count == 0)
            return;
        using var locator = new ModuleFileLocator(options, capture.Diagnostics, checkpoint, files ?? new ModuleFileCache());
        var modules = ProcessModules.Build(capture, memory, layout.Is64, locator, checkpoint);
        var walker = new StackWalker(memory, modules, layout, options, checkpoint);
        foreach (var thread in capture.Threads)
        {
            var (frames, stopped) = walker.Walk(thread, StackOf(capture, thread.StackPointer));
            thread.Frames.Clear();
            thread.Frames.AddRange(frames);
            if (stopped is not null)
                capture.Diagnostics.Warning(DiagnosticCatalogue.StackWalkStopped, SourceLocation.None, $"thread [{thread.Tid}]: {stopped}");
        }
        ReportModules(capture, modules, walker);
        capture.AbortMessage = AbortMessage(memory, modules, layout.PointerSize);
    }

    /// <summary>Longest abort message read; glibc's are one line (a malloc check, an assert with its expression).</summary>
    private const int MaxAbortMessageBytes = 4096;

    /// <summary>
    /// glibc's <c>__abort_msg</c>: a pointer to <c>struct abort_msg_s { unsigned int size; char msg[]; }</c>, set by
    /// <c>__libc_message</c> (malloc checks, assert, fortify) before it aborts; null for a plain abort().
    /// </summary>
    private static string? AbortMessage(IAddressSpace memory, ProcessModules modules, int pointerSize)
    {
        foreach (var module in modules.Modules.Where(m => m.Name.StartsWith("libc.so", StringComparison.Ordinal) || m.Name.StartsWith("libc-", StringComparison.Ordinal)))
        {
            if (module.File?.AbortMessageAddress is not { } address)
                continue;
            Span<byte> word = stackalloc byte[8];
            word.Clear();
            if (memory.Read(address + module.Bias, word[..pointerSize]) < pointerSize)
                continue;
            var pointer = BitConverter.ToUInt64(word);
            if (pointer == 0)
                continue;
            var bytes = new byte[MaxAbortMessageBytes];
            var read = memory.Read(pointer + 4, bytes);
            var end = Array.IndexOf(bytes, (byte)0, 0, read);
            if (end <= 0)
                continue;
            return System.Text.Encoding.UTF8.GetString(bytes, 0, end).TrimEnd('\n');
        }
        return null;
    }

    private static void ReportModules(CaptureBuilder capture, ProcessModules modules, StackWalker walker)
    {
        // A loop rather than Where(…).Select(…), a generic virtual call that the native build resolves at run time.
        var missing = new List<string>();
        foreach (var module in modules.Modules)
        {
            if (module.LookedFor && module.File is null && module.DebugFile is null && module.Name != "[vdso]")
                missing.Add(module.Name);
        }
        if (missing.Count > 0)
        {
            capture.Diagnostics.Info(DiagnosticCatalogue.ModuleFilesNotFound, SourceLocation.None,
                $"no file with a matching build-id for [{string.Join(", ", missing)}]: their frames are named by module+offset (--symbols DIR points at them)");
        }
        foreach (var module in modules.Modules.Where(m => m.LookedFor))
        {
            foreach (var table in module.CallFrameTables())
            {
                if (table.Problem is { } problem)
                    capture.Diagnostics.Warning(DiagnosticCatalogue.MalformedModuleFile, SourceLocation.None, $"CFI of [{module.Name}]: {problem}");
                if (walker.InstructionProblems.TryGetValue(table, out var instructions))
                    capture.Diagnostics.Warning(DiagnosticCatalogue.MalformedModuleFile, SourceLocation.None, $"CFI of [{module.Name}]: {instructions}");
            }
        }
    }

    /// <summary>A stack overflow leaves the stack pointer in the guard gap below the stack (1 MiB by default, since Linux 6.x 256 pages).</summary>
    private const ulong GuardGap = 1 << 20;

    /// <summary>
    /// The mapping that holds the stack pointer, or the one just above it when a stack overflow left the pointer in the
    /// guard gap: frame pointers and scans stay inside it.
    /// </summary>
    private static (ulong Start, ulong End)? StackOf(CaptureBuilder capture, ulong stackPointer)
    {
        (ulong Start, ulong End)? above = null;
        foreach (var region in capture.Regions)
        {
            if (stackPointer >= region.Start && stackPointer < region.End)
                return (region.Start, region.End);
            if (region.Start > stackPointer && region.Start - stackPointer <= GuardGap && (above is null || region.Start < above.Value.Start))
                above = (region.Start, region.End);
        }
        return above;
    }
}
