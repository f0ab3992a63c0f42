using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Forensics.Model;
using Forensics.Pipeline.Importing;

namespace Forensics.Pipeline.Store;

/// <summary>
/// Writes an <see cref="InputResult"/> in the layout of docs/architecture.md#the-kept-result: every member by name, in
/// a fixed order, optional ones behind a bit of their owner's presence mask. <see cref="InputResultReader"/> reads the
/// same order; a member added to the model is stored only once it is added to both (the round-trip test over the
/// corpus names a member that is not).
/// </summary>
internal static class InputResultWriter
{
    public static void Write(StoreEncoder output, InputResult result)
    {
        Record(output, result.Record);
        output.List(result.Captures, Capture);
    }

    private static void Record(StoreEncoder output, InputRecord record)
    {
        output.String(record.Path);
        output.Enum(record.Status);
        output.Enum(record.Problem);
        output.String(record.Reason);
        output.String(record.Sha256);
        output.Signed(record.Bytes);
        output.List(record.CaptureIds, static (o, id) => o.String(id));
        output.List(record.Diagnostics, Diagnostic);
    }

    private static void Capture(StoreEncoder output, CaptureBuilder capture)
    {
        var present = Mask(capture.LineRange is not null, capture.Pid is not null, capture.Signal is not null,
            capture.Process is not null, capture.Runtime is not null, capture.Totals is not null, capture.TotalsRange is not null);
        output.Unsigned(present);
        output.String(capture.Id);
        output.String(capture.InputPath);
        if (capture.LineRange is var (first, last))
        {
            output.Signed(first);
            output.Signed(last);
        }
        output.String(capture.Sha256);
        output.Enum(capture.Format);
        output.String(capture.Variant);
        output.Enum(capture.Architecture);
        output.List(capture.ArchitectureEvidence, static (o, text) => o.String(text));
        if (capture.Pid is { } pid)
            output.Signed(pid);
        output.String(capture.ProcessName);
        output.String(capture.CommandLine);
        Regions(output, capture.Regions);
        output.List(capture.Modules, Module);
        output.List(capture.Images, Image);
        output.List(capture.Threads, Thread);
        if (capture.Signal is { } signal)
            Signal(output, signal);
        if (capture.Process is { } process)
            Process(output, process);
        output.List(capture.Auxv, static (o, entry) =>
        {
            o.Unsigned(entry.Type);
            o.String(entry.Name);
            o.Unsigned(entry.Value);
            o.String(entry.Text);
        });
        output.List(capture.Notes, static (o, note) => o.String(note));
        if (capture.Runtime is { } runtime)
            Runtime(output, runtime);
        if (capture.Totals is { } totals)
            Metrics(output, totals);
        output.List(capture.DeclaredTotals, static (o, total) =>
        {
            o.String(total.Name);
            o.Unsigned(total.DeclaredBytes);
            o.Boolean(total.ComputedBytes is not null);
            if (total.ComputedBytes is { } computed)
                o.Unsigned(computed);
            Location(o, total.Location);
            o.Boolean(total.Checkable);
            o.Unsigned(total.RoundingBytes);
        });
        if (capture.TotalsRange is var (rangeStart, rangeEnd))
        {
            output.Unsigned(rangeStart);
            output.Unsigned(rangeEnd);
        }
        output.String(capture.AbortMessage);
        output.String(capture.UnsupportedReason);
        output.List(capture.Facts, static (o, fact) =>
        {
            o.String(fact.Name);
            o.String(fact.Value);
        });
        output.List(capture.MergedInputs, static (o, input) => o.String(input));
        output.List(capture.Diagnostics.Items, Diagnostic);
    }

    /// <summary>
    /// Regions per block. Fixed, so that the same regions give the same bytes on any machine; large enough that a
    /// block's own string table and delta bases cost nothing, small enough that the blocks being encoded at once are a
    /// few MiB.
    /// </summary>
    internal const int RegionsPerBlock = 1 << 16;

    /// <summary>
    /// Regions are most of a large result: written in blocks of <see cref="RegionsPerBlock"/>, each encoded on its own
    /// (its own string table, its deltas from 0) into memory on a core of its own, then written in order behind its
    /// region count and length; a capture of 2,000,000 regions is encoded on every core instead of on one.
    /// </summary>
    private static void Regions(StoreEncoder output, List<Region> regions)
    {
        output.Count(regions.Count);
        var blocks = (regions.Count + RegionsPerBlock - 1) / RegionsPerBlock;
        output.Count(blocks);
        if (blocks == 1)
        {
            WriteBlock(output, regions.Count, EncodeBlock(regions, 0));
            return;
        }
        // One block a core is being encoded or written at a time, so only that many are held in memory.
        var ahead = Math.Max(1, Environment.ProcessorCount);
        var encoding = new Queue<Task<StoreEncoder>>();
        var next = 0;
        try
        {
            for (var written = 0; written < blocks; written++)
            {
                for (; next < blocks && next < written + ahead; next++)
                {
                    var block = next;
                    encoding.Enqueue(Task.Run(() => EncodeBlock(regions, block)));
                }
                WriteBlock(output, InBlock(regions, written), encoding.Dequeue().GetAwaiter().GetResult());
            }
        }
        finally
        {
            // Only after a failure: the blocks still being encoded go back to the pool once done.
            foreach (var task in encoding)
                task.ContinueWith(static t => t.Result.Dispose(), TaskContinuationOptions.OnlyOnRanToCompletion);
        }
    }

    /// <summary>A block's region count, then its length and bytes.</summary>
    private static void WriteBlock(StoreEncoder output, int count, StoreEncoder block)
    {
        using (block)
        {
            output.Count(count);
            block.WriteTo(output);
        }
    }

    private static int InBlock(List<Region> regions, int index) => Math.Min(RegionsPerBlock, regions.Count - index * RegionsPerBlock);

    /// <summary>The block of regions from <c>index * <see cref="RegionsPerBlock"/></c>, encoded into memory.</summary>
    private static StoreEncoder EncodeBlock(List<Region> regions, int index)
    {
        var block = new StoreEncoder();
        try
        {
            var span = CollectionsMarshal.AsSpan(regions).Slice(index * RegionsPerBlock, InBlock(regions, index));
            ulong previousEnd = 0;
            long previousLine = 0;
            foreach (var region in span)
                Region(block, region, ref previousEnd, ref previousLine);
            return block;
        }
        catch
        {
            block.Dispose();
            throw;
        }
    }

    /// <summary>
    /// A region's start is its distance from the previous region's end, its line its distance from the previous
    /// region's line, so a listing in address order costs a few bytes a region. Each optional member is read once.
    /// </summary>
    private static void Region(StoreEncoder output, Region region, ref ulong previousEnd, ref long previousLine)
    {
        var offset = region.Offset;
        var device = region.Device;
        var inode = region.Inode;
        var name = region.Name;
        var module = region.Module;
        var metrics = region.Metrics;
        var vmFlags = region.VmFlags;
        var dumped = region.DumpedBytes;
        var coreFileOffset = region.CoreFileOffset;
        var (line, at) = region.Location;
        var role = region.RuntimeRole;
        var threadId = region.ThreadId;
        var present = Mask(offset is not null, device is not null, inode is not null,
            name is not null, region.Deleted, region.NameIsBasename, module is not null,
            metrics is not null, vmFlags is not null, dumped is not null,
            coreFileOffset is not null, line is not null, at is not null,
            role is not null, role is { Partial: true }, threadId is not null,
            region.NameTruncated);
        output.Unsigned(present);
        var start = region.Start;
        var end = region.End;
        output.Signed((long)(start - previousEnd));
        output.Unsigned(end - start);
        output.Byte(PermissionsCodes[Unsafe.BitCast<Permissions, byte>(region.Permissions)]);
        output.Enum(region.StatedKind);
        output.Enum(region.Sources);
        if (offset is { } knownOffset)
            output.Unsigned(knownOffset);
        output.String(device);
        if (inode is { } knownInode)
            output.Unsigned(knownInode);
        output.String(name);
        output.String(module);
        if (metrics is not null)
            Metrics(output, metrics);
        output.String(vmFlags);
        if (dumped is { } knownDumped)
            output.Unsigned(knownDumped);
        if (coreFileOffset is { } knownCoreFileOffset)
            output.Unsigned(knownCoreFileOffset);
        if (line is { } knownLine)
        {
            output.Signed(knownLine - previousLine);
            previousLine = knownLine;
        }
        if (at is { } knownAt)
            output.Unsigned(knownAt);
        if (role is { } knownRole)
            output.Enum(knownRole.Heaps);
        if (threadId is { } knownThreadId)
            output.Signed(knownThreadId);
        previousEnd = end;
    }

    /// <summary>
    /// <see cref="PermissionsCode"/> of every value of <see cref="Model.Permissions"/>, by its one byte (BitCast checks
    /// the size): whatever that byte's layout, the table is made through the value's own properties.
    /// </summary>
    private static readonly byte[] PermissionsCodes =
        [.. Enumerable.Range(0, 256).Select(bits => PermissionsCode(Unsafe.BitCast<byte, Permissions>((byte)bits)))];

    /// <summary>Two bits for each of r, w, x and shared: 0 unknown, 1 no, 2 yes.</summary>
    internal static byte PermissionsCode(Permissions permissions) => (byte)(
        Tristate(permissions.CanRead) | Tristate(permissions.CanWrite) << 2
        | Tristate(permissions.CanExecute) << 4 | Tristate(permissions.IsShared) << 6);

    private static int Tristate(bool? value) => value switch
    {
        null => 0,
        false => 1,
        true => 2,
    };

    private static void Metrics(StoreEncoder output, RegionMetrics metrics)
    {
        ulong?[] values = [metrics.Rss, metrics.Pss, metrics.SharedClean, metrics.SharedDirty, metrics.PrivateClean,
            metrics.PrivateDirty, metrics.Dirty, metrics.Anonymous, metrics.Swap, metrics.Locked];
        ulong present = 0;
        for (var i = 0; i < values.Length; i++)
            present |= values[i] is null ? 0 : 1UL << i;
        output.Unsigned(present);
        foreach (var value in values)
        {
            if (value is { } known)
                output.Unsigned(known);
        }
        output.List(metrics.Other, static (o, pair) =>
        {
            o.String(pair.Key);
            o.Unsigned(pair.Value);
        });
    }

    private static void Module(StoreEncoder output, Module module)
    {
        output.Unsigned(Mask(module.BuildIdAddress is not null, module.PathIsBasename, module.Deleted, module.IsMainExecutable,
            module.PathTruncated, module.IsPositionIndependent is not null, module.IsPositionIndependent == true));
        output.String(module.Name);
        output.String(module.Path);
        output.Unsigned(module.Base);
        output.Unsigned(module.End);
        output.String(module.BuildId);
        if (module.BuildIdAddress is { } address)
            output.Unsigned(address);
        output.String(module.SoName);
        output.List(module.BytesByKind, static (o, pair) =>
        {
            o.Enum(pair.Key);
            o.Unsigned(pair.Value);
        });
    }

    private static void Image(StoreEncoder output, ImageIdentity image)
    {
        output.Unsigned(Mask(image.BuildIdAddress is not null, image.IsExecutable, image.IsPositionIndependent, image.HeaderCopyAddress is not null));
        output.Unsigned(image.Base);
        output.Unsigned(image.End);
        output.String(image.Path);
        output.String(image.BuildId);
        if (image.BuildIdAddress is { } address)
            output.Unsigned(address);
        output.String(image.SoName);
        if (image.HeaderCopyAddress is { } copy)
            output.Unsigned(copy);
    }

    private static void Thread(StoreEncoder output, ThreadInfo thread)
    {
        output.Unsigned(Mask(thread.ThreadPointer is not null, thread.IsCrashing));
        output.Signed(thread.Tid);
        output.Signed(thread.Signal);
        output.Unsigned(thread.ProgramCounter);
        output.Unsigned(thread.StackPointer);
        output.Unsigned(thread.FramePointer);
        if (thread.ThreadPointer is { } pointer)
            output.Unsigned(pointer);
        output.List(thread.Registers, static (o, pair) =>
        {
            o.String(pair.Key);
            o.Unsigned(pair.Value);
        });
        Location(output, thread.Location);
        output.List(thread.Frames, Frame);
    }

    private static void Frame(StoreEncoder output, StackFrame frame)
    {
        var demangled = frame.Symbol != frame.Function;
        output.Unsigned(Mask(frame.ModuleOffset is not null, frame.FunctionOffset is not null, frame.Line is not null, demangled));
        output.Unsigned(frame.ProgramCounter);
        output.Unsigned(frame.StackPointer);
        output.Enum(frame.Method);
        output.String(frame.Module);
        if (frame.ModuleOffset is { } moduleOffset)
            output.Unsigned(moduleOffset);
        output.String(frame.Function);
        if (demangled)
            output.String(frame.Symbol);
        if (frame.FunctionOffset is { } functionOffset)
            output.Unsigned(functionOffset);
        output.String(frame.File);
        if (frame.Line is { } line)
            output.Signed(line);
    }

    private static void Signal(StoreEncoder output, SignalInfo signal)
    {
        output.Unsigned(Mask(signal.Code is not null, signal.Errno is not null, signal.FaultAddress is not null,
            signal.SenderPid is not null, signal.SenderUid is not null, signal.ThreadId is not null));
        output.Signed(signal.Number);
        foreach (var value in (ReadOnlySpan<int?>)[signal.Code, signal.Errno])
        {
            if (value is { } known)
                output.Signed(known);
        }
        if (signal.FaultAddress is { } address)
            output.Unsigned(address);
        foreach (var value in (ReadOnlySpan<int?>)[signal.SenderPid, signal.SenderUid, signal.ThreadId])
        {
            if (value is { } known)
                output.Signed(known);
        }
        output.String(signal.UnknownReason);
    }

    private static void Process(StoreEncoder output, ProcessInfo process)
    {
        output.Unsigned(process.State);
        output.Unsigned(process.Uid);
        output.Unsigned(process.Gid);
        output.Signed(process.Pid);
        output.Signed(process.ParentPid);
        output.Signed(process.ProcessGroup);
        output.Signed(process.Session);
        output.Unsigned(process.Flags);
        output.String(process.CommandName);
        output.String(process.Arguments);
    }

    private static void Runtime(StoreEncoder output, ManagedRuntime runtime)
    {
        output.String(runtime.Flavor);
        output.String(runtime.Version);
        output.List(runtime.Modules, static (o, module) =>
        {
            o.String(module.Name);
            o.Unsigned(module.ImageBase);
            o.Unsigned(module.Size);
            o.Boolean(module.IsFileLayout);
            o.Boolean(module.IsDynamic);
        });
        output.List(runtime.Threads, static (o, thread) =>
        {
            o.Signed(thread.OsThreadId);
            o.Signed(thread.ManagedThreadId);
            o.Boolean(thread.IsFinalizer);
            o.Boolean(thread.IsGc);
            o.String(thread.ExceptionType);
            o.String(thread.ExceptionMessage);
            o.String(thread.ExceptionThrownBy);
            o.Boolean(thread.Stack is not null);
            if (thread.Stack is { } stack)
            {
                o.List(stack.Runs, static (o, run) =>
                {
                    o.String(run.Method);
                    o.Signed(run.Count);
                });
                o.Unsigned(stack.InnermostStackPointer);
                o.Boolean(stack.IsCut);
            }
        });
    }

    private static void Diagnostic(StoreEncoder output, Diagnostic diagnostic)
    {
        output.Enum(diagnostic.Severity);
        output.String(diagnostic.Id);
        output.String(diagnostic.Message);
        Location(output, diagnostic.Location);
    }

    private static void Location(StoreEncoder output, SourceLocation location)
    {
        output.Unsigned(Mask(location.Line is not null, location.Offset is not null));
        if (location.Line is { } line)
            output.Signed(line);
        if (location.Offset is { } offset)
            output.Unsigned(offset);
    }

    /// <summary>Bit i set when the i-th flag is true.</summary>
    private static ulong Mask(params ReadOnlySpan<bool> flags)
    {
        ulong mask = 0;
        for (var i = 0; i < flags.Length; i++)
            mask |= flags[i] ? 1UL << i : 0;
        return mask;
    }
}
