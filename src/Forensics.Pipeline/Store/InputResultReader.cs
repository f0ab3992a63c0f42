using Forensics.Model;
using Forensics.Pipeline.Importing;

namespace Forensics.Pipeline.Store;

/// <summary>
/// Reads what <see cref="InputResultWriter"/> wrote, in the same order: the record first, so that a caller can refuse a
/// result by its record before its captures are read (<see cref="ReadRecord"/>, then <see cref="ReadCaptures"/>).
/// </summary>
internal static class InputResultReader
{
    private const RegionSources AllSources = RegionSources.Maps | RegionSources.Smaps | RegionSources.Pmap | RegionSources.Gdb
        | RegionSources.CoreLoad | RegionSources.CoreFile;

    public static InputRecord ReadRecord(StoreDecoder input) => new(
        input.RequiredString(),
        input.Enum<InputStatus>(),
        input.Enum<InputProblem>(),
        input.String(),
        input.RequiredString(),
        input.Signed(),
        input.List(static i => i.RequiredString()),
        input.List(Diagnostic));

    public static List<CaptureBuilder> ReadCaptures(StoreDecoder input) => input.List(Capture);

    private static CaptureBuilder Capture(StoreDecoder input)
    {
        var present = input.Unsigned();
        var capture = new CaptureBuilder
        {
            Id = input.RequiredString(),
            InputPath = input.RequiredString(),
        };
        if (Has(present, 0))
            capture.LineRange = (input.Int32(), input.Int32());
        capture.Sha256 = input.RequiredString();
        capture.Format = input.Enum<CaptureFormat>();
        capture.Variant = input.RequiredString();
        capture.Architecture = input.Enum<Architecture>();
        capture.ArchitectureEvidence.AddRange(input.List(static i => i.RequiredString()));
        if (Has(present, 1))
            capture.Pid = input.Int32();
        capture.ProcessName = input.String();
        capture.CommandLine = input.String();
        Regions(input, capture.Regions);
        capture.Modules.AddRange(input.List(Module));
        capture.Images.AddRange(input.List(Image));
        capture.Threads.AddRange(input.List(Thread));
        if (Has(present, 2))
            capture.Signal = Signal(input);
        if (Has(present, 3))
            capture.Process = Process(input);
        capture.Auxv.AddRange(input.List(static i => new AuxvEntry(i.Unsigned(), i.RequiredString(), i.Unsigned(), i.String())));
        capture.Notes.AddRange(input.List(static i => i.RequiredString()));
        if (Has(present, 4))
            capture.Runtime = Runtime(input);
        if (Has(present, 5))
            capture.Totals = Metrics(input);
        capture.DeclaredTotals.AddRange(input.List(static i =>
            new DeclaredTotal(i.RequiredString(), i.Unsigned(), i.Boolean() ? i.Unsigned() : null, Location(i)) { Checkable = i.Boolean(), RoundingBytes = i.Unsigned() }));
        if (Has(present, 6))
            capture.TotalsRange = (input.Unsigned(), input.Unsigned());
        capture.AbortMessage = input.String();
        capture.UnsupportedReason = input.String();
        capture.Facts.AddRange(input.List(static i => new CaptureFact(i.RequiredString(), i.RequiredString())));
        capture.MergedInputs.AddRange(input.List(static i => i.RequiredString()));
        capture.Diagnostics.AddRange(input.List(Diagnostic));
        return capture;
    }

    /// <summary>
    /// The blocks of regions <see cref="InputResultWriter"/> wrote, in order, each from memory with its own string table
    /// and delta bases; the regions count is checked against what the blocks hold. Decoding the blocks on several cores
    /// was tried and kept no time (2,000,000 regions, 2 busy cores): most of it is the collector copying the new regions.
    /// </summary>
    private static void Regions(StoreDecoder input, List<Region> regions)
    {
        var count = input.Count();
        // Each region takes at least its six leading bytes, so the content left bounds the list made for them.
        regions.Capacity = (int)Math.Min(count, input.Remaining / 6);
        var blocks = input.Count();
        var first = 0;
        for (var index = 0; index < blocks; index++)
        {
            var inBlock = input.Count();
            if (inBlock > count - first)
                throw new StoreContentException($"block [{index}] holds [{inBlock}] regions, more than the [{count - first}] left of [{count}]");
            using (var block = input.Block())
                DecodeBlock(block, inBlock, first, regions);
            first += inBlock;
        }
        if (first != count)
            throw new StoreContentException($"the blocks hold [{first}] of the [{count}] regions");
    }

    /// <summary>Adds the <paramref name="count"/> regions of a block, the first of which is region [<paramref name="first"/>].</summary>
    private static void DecodeBlock(StoreDecoder input, int count, int first, List<Region> regions)
    {
        ulong previousEnd = 0;
        long previousLine = 0;
        for (var i = first; i < first + count; i++)
        {
            var present = input.Unsigned();
            var start = previousEnd + (ulong)input.Signed();
            var size = input.Unsigned();
            if (size > ulong.MaxValue - start)
                throw new StoreContentException($"region [{i}] at [0x{start:x}] of [{size}] bytes ends past the address space");
            var region = new Region(start, start + size)
            {
                Permissions = Permissions(input.Byte()),
                StatedKind = input.Enum<RegionKind>(),
                Sources = input.Flags(AllSources),
            };
            if (Has(present, 0))
                region.Offset = input.Unsigned();
            region.Device = input.String();
            if (Has(present, 2))
                region.Inode = input.Unsigned();
            region.Name = input.String();
            region.Deleted = Has(present, 4);
            region.NameIsBasename = Has(present, 5);
            region.NameTruncated = Has(present, 16);
            region.Module = input.String();
            if (Has(present, 7))
                region.Metrics = Metrics(input);
            region.VmFlags = input.String();
            if (Has(present, 9))
                region.DumpedBytes = input.Unsigned();
            if (Has(present, 10))
                region.CoreFileOffset = input.Unsigned();
            int? line = null;
            if (Has(present, 11))
            {
                var value = previousLine + input.Signed();
                line = value is >= int.MinValue and <= int.MaxValue ? (int)value : throw new StoreContentException($"region [{i}] has line [{value}]");
                previousLine = value;
            }
            ulong? offset = Has(present, 12) ? input.Unsigned() : null;
            if (line is not null || offset is not null)
                region.Location = new SourceLocation(line, offset);
            if (Has(present, 13))
                region.RuntimeRole = new RuntimeRole(input.Flags(AllHeaps), Has(present, 14));
            if (Has(present, 15))
                region.ThreadId = input.Int32();
            if (Has(present, 1) != region.Device is not null || Has(present, 3) != region.Name is not null
                || Has(present, 6) != region.Module is not null || Has(present, 8) != region.VmFlags is not null)
                throw new StoreContentException($"region [{i}] does not hold the strings its mask names");
            regions.Add(region);
            previousEnd = region.End;
        }
        input.EndOfBlock();
    }

    private const RuntimeHeaps AllHeaps = (RuntimeHeaps)((1 << 15) - 1);

    /// <summary>Each code <see cref="InputResultWriter.PermissionsCode"/> can write, by code; null for the others.</summary>
    private static readonly Permissions?[] PermissionsByCode = [.. Enumerable.Range(0, 256).Select(code => Decode((byte)code))];

    private static Permissions Permissions(byte code) =>
        PermissionsByCode[code] ?? throw new StoreContentException($"permissions code [{code}] is not of the rwxp form");

    private static Permissions? Decode(byte code)
    {
        Span<char> text = stackalloc char[4];
        ReadOnlySpan<(char Yes, char No)> letters = [('r', '-'), ('w', '-'), ('x', '-'), ('s', 'p')];
        for (var i = 0; i < 4; i++)
        {
            var value = (code >> (2 * i)) & 3;
            if (value == 3)
                return null;
            text[i] = value == 0 ? '?' : value == 1 ? letters[i].No : letters[i].Yes;
        }
        return Model.Permissions.TryParse(text, out var permissions) ? permissions : null;
    }

    private static RegionMetrics Metrics(StoreDecoder input)
    {
        var present = input.Unsigned();
        ulong? Next(int bit) => Has(present, bit) ? input.Unsigned() : null;
        return new RegionMetrics
        {
            Rss = Next(0),
            Pss = Next(1),
            SharedClean = Next(2),
            SharedDirty = Next(3),
            PrivateClean = Next(4),
            PrivateDirty = Next(5),
            Dirty = Next(6),
            Anonymous = Next(7),
            Swap = Next(8),
            Locked = Next(9),
            Other = input.List(static i => new KeyValuePair<string, ulong>(i.RequiredString(), i.Unsigned())),
        };
    }

    private static Module Module(StoreDecoder input)
    {
        var present = input.Unsigned();
        var module = new Module
        {
            Name = input.RequiredString(),
            Path = input.RequiredString(),
            PathIsBasename = Has(present, 1),
            Base = input.Unsigned(),
            End = input.Unsigned(),
            BuildId = input.String(),
            Deleted = Has(present, 2),
            IsMainExecutable = Has(present, 3),
            PathTruncated = Has(present, 4),
            IsPositionIndependent = Has(present, 5) ? Has(present, 6) : null,
        };
        if (Has(present, 0))
            module.BuildIdAddress = input.Unsigned();
        module.SoName = input.String();
        var kinds = input.Count();
        for (var i = 0; i < kinds; i++)
        {
            if (!module.BytesByKind.TryAdd(input.Enum<RegionKind>(), input.Unsigned()))
                throw new StoreContentException($"module [{module.Name}] counts a kind twice");
        }
        return module;
    }

    private static ImageIdentity Image(StoreDecoder input)
    {
        var present = input.Unsigned();
        return new ImageIdentity
        {
            Base = input.Unsigned(),
            End = input.Unsigned(),
            Path = input.String(),
            BuildId = input.String(),
            BuildIdAddress = Has(present, 0) ? input.Unsigned() : null,
            SoName = input.String(),
            IsExecutable = Has(present, 1),
            IsPositionIndependent = Has(present, 2),
            HeaderCopyAddress = Has(present, 3) ? input.Unsigned() : null,
        };
    }

    private static ThreadInfo Thread(StoreDecoder input)
    {
        var present = input.Unsigned();
        var thread = new ThreadInfo
        {
            Tid = input.Int32(),
            Signal = input.Int32(),
            ProgramCounter = input.Unsigned(),
            StackPointer = input.Unsigned(),
            FramePointer = input.Unsigned(),
            ThreadPointer = Has(present, 0) ? input.Unsigned() : null,
            IsCrashing = Has(present, 1),
            Registers = input.List(static i => new KeyValuePair<string, ulong>(i.RequiredString(), i.Unsigned())),
            Location = Location(input),
        };
        var sites = new Dictionary<FrameSite, FrameSite>();
        thread.Frames.AddRange(input.List(i => Frame(i, sites)));
        return thread;
    }

    /// <summary>A frame, its site shared with the thread's earlier frames at the same PC (as the walk shares them).</summary>
    private static StackFrame Frame(StoreDecoder input, Dictionary<FrameSite, FrameSite> sites)
    {
        var present = input.Unsigned();
        var programCounter = input.Unsigned();
        var stackPointer = input.Unsigned();
        var method = input.Enum<UnwindMethod>();
        var module = input.String();
        ulong? moduleOffset = Has(present, 0) ? input.Unsigned() : null;
        var function = input.String();
        var site = new FrameSite
        {
            ProgramCounter = programCounter,
            Module = module,
            ModuleOffset = moduleOffset,
            Function = function,
            Symbol = Has(present, 3) ? input.String() : function,
            FunctionOffset = Has(present, 1) ? input.Unsigned() : null,
            File = input.String(),
            Line = Has(present, 2) ? input.Int32() : null,
        };
        if (!sites.TryGetValue(site, out var shared))
            sites.Add(site, shared = site);
        return new StackFrame(shared, stackPointer, method);
    }

    private static SignalInfo Signal(StoreDecoder input)
    {
        var present = input.Unsigned();
        int? Next(int bit) => Has(present, bit) ? input.Int32() : null;
        return new SignalInfo
        {
            Number = input.Int32(),
            Code = Next(0),
            Errno = Next(1),
            FaultAddress = Has(present, 2) ? input.Unsigned() : null,
            SenderPid = Next(3),
            SenderUid = Next(4),
            ThreadId = Next(5),
            UnknownReason = input.String(),
        };
    }

    private static ProcessInfo Process(StoreDecoder input) => new()
    {
        State = (char)UInt(input, char.MaxValue),
        Uid = (uint)UInt(input, uint.MaxValue),
        Gid = (uint)UInt(input, uint.MaxValue),
        Pid = input.Int32(),
        ParentPid = input.Int32(),
        ProcessGroup = input.Int32(),
        Session = input.Int32(),
        Flags = input.Unsigned(),
        CommandName = input.RequiredString(),
        Arguments = input.RequiredString(),
    };

    private static ManagedRuntime Runtime(StoreDecoder input) => new()
    {
        Flavor = input.RequiredString(),
        Version = input.RequiredString(),
        Modules = input.List(static i => new ManagedModule(i.RequiredString(), i.Unsigned(), i.Unsigned(), i.Boolean(), i.Boolean())),
        Threads = input.List(static i => new ManagedThread(i.Int32(), i.Int32(), i.Boolean(), i.Boolean(), i.String(), i.String(), i.String(),
            i.Boolean() ? ManagedStack(i) : null)),
    };

    private static ManagedStack ManagedStack(StoreDecoder input) => new(
        input.List(static i => new ManagedFrameRun(i.RequiredString(), i.Int32())), input.Unsigned(), input.Boolean());

    private static Diagnostic Diagnostic(StoreDecoder input)
    {
        var severity = input.Enum<DiagnosticSeverity>();
        var id = input.RequiredString();
        var descriptor = DiagnosticCatalogue.Find(id) ?? throw new StoreContentException($"diagnostic id [{id}] is not in the catalogue");
        return new(descriptor, severity, input.RequiredString(), Location(input));
    }

    private static SourceLocation Location(StoreDecoder input)
    {
        var present = input.Unsigned();
        int? line = Has(present, 0) ? input.Int32() : null;
        ulong? offset = Has(present, 1) ? input.Unsigned() : null;
        return new SourceLocation(line, offset);
    }

    private static ulong UInt(StoreDecoder input, ulong max)
    {
        var value = input.Unsigned();
        return value <= max ? value : throw new StoreContentException($"[{value}] is more than [{max}]");
    }

    private static bool Has(ulong mask, int bit) => (mask & (1UL << bit)) != 0;
}
