using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using Forensics.Elf;
using Forensics.Importers.Budget;
using Forensics.Elf.Notes;
using Forensics.Elf.Sources;
using Forensics.Importers.Text;
using Forensics.Model;

namespace Forensics.Importers.Containers.Minidump;

/// <summary>
/// Imports a Breakpad or Crashpad minidump (x86 and x86_64 Linux; other systems keep what is not Linux-specific):
/// threads with PC and SP, the exception as the signal, modules with build-ids, and regions from the Linux maps stream
/// where the dump has one, else from the module list and the memory list (docs/formats.md#minidumps).
/// </summary>
public static class MinidumpImporter
{
    private const uint PlatformLinux = 0x8201, PlatformAndroid = 0x8203, DumpRequested = 0xffffffff;

    /// <summary>Imports the minidump in <paramref name="input"/> under <paramref name="budget"/>, the per-file budget (none: <see cref="ReadBudget.Unlimited"/>).</summary>
    public static CaptureBuilder Import(Stream input, string inputPath, ReadBudget? budget = null) => Import(input, inputPath, MinidumpLimits.Default, budget);

    public static CaptureBuilder Import(Stream input, string inputPath, MinidumpLimits limits, ReadBudget? budget = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(limits);
        budget ??= ReadBudget.Unlimited;
        var capture = new CaptureBuilder { InputPath = inputPath, Format = CaptureFormat.Minidump };
        var (source, length) = Source(input, limits, budget, capture.Diagnostics);
        var file = MinidumpReader.Read(source, length, limits, budget, capture.Diagnostics);
        capture.Variant = file.StreamTypes.Contains(MinidumpStreamTypes.CrashpadInfo) ? "crashpad"
            : file.StreamTypes.Exists(MinidumpStreamTypes.IsBreakpad) ? "breakpad" : "";
        SetSystem(capture, file);
        SetProcess(capture, file);
        SetThreads(capture, file);
        SetSignal(capture, file);
        SetRegions(capture, file, budget);
        SetImages(capture, file);
        CheckModulesAgainstMaps(capture, file);
        SetAuxv(capture, file);
        NameThreadStacks(capture, file);
        return capture;
    }

    /// <summary>
    /// The thread list gives each thread's stack memory: the unnamed region that holds it (a mapping of the maps stream,
    /// or without one the memory saved) is that thread's stack, the main stack for the thread whose id is the PID (or
    /// whose region AT_EXECFN points into), a thread stack otherwise.
    /// </summary>
    private static void NameThreadStacks(CaptureBuilder capture, MinidumpFile file)
    {
        var execName = capture.Auxv.FirstOrDefault(a => a.Type == AuxvTypes.ExecFileName)?.Value;
        var mainStack = execName is { } name ? capture.FindRegion(name) : null;
        foreach (var thread in file.Threads)
        {
            if (thread.StackSize == 0 || thread.StackStart > ulong.MaxValue - thread.StackSize
                || capture.FindRegion(thread.StackStart) is not { Name: null, StatedKind: RegionKind.Unknown } stack
                || thread.StackStart + thread.StackSize > stack.End)
                continue;
            var isMain = ReferenceEquals(stack, mainStack) || (capture.Pid is { } pid && thread.Id == (uint)pid);
            stack.StatedKind = isMain ? RegionKind.Stack : RegionKind.ThreadStack;
            stack.ThreadId = unchecked((int)thread.Id);
        }
    }

    /// <summary>A file is read where it lies; a decompressing stream is held in memory up to the limit, as streams are read out of order.</summary>
    private static (IByteSource Source, ulong Length) Source(Stream input, MinidumpLimits limits, ReadBudget budget, DiagnosticBag diagnostics)
    {
        if (input.CanSeek)
            return (new SeekableStreamByteSource(input), (ulong)input.Length);
        var memory = new MemoryStream();
        var buffer = new byte[1 << 16];
        int read;
        while ((read = input.Read(buffer)) > 0)
        {
            if (memory.Length + read > limits.MaxBufferedBytes)
            {
                diagnostics.Error(DiagnosticCatalogue.MinidumpTooLarge, SourceLocation.AtOffset((ulong)memory.Length), string.Create(CultureInfo.InvariantCulture,
                    $"the compressed minidump holds more than [{limits.MaxBufferedBytes}] bytes; only those are read"));
                break;
            }
            memory.Write(buffer, 0, read);
            budget.CheckAtOffset((ulong)memory.Length);
        }
        return (new MemoryByteSource(memory.GetBuffer().AsMemory(0, (int)memory.Length)), (ulong)memory.Length);
    }

    private static bool IsLinux(MinidumpFile file) => file.System?.Platform is PlatformLinux or PlatformAndroid;

    private static void SetSystem(CaptureBuilder capture, MinidumpFile file)
    {
        if (file.System is { } system)
        {
            capture.Facts.Add(new CaptureFact("OS", system.Platform switch
            {
                PlatformLinux => "Linux", PlatformAndroid => "Android", 0x8101 => "macOS", 0x8102 => "iOS", 2 => "Windows",
                _ => string.Create(CultureInfo.InvariantCulture, $"0x{system.Platform:x}"),
            }));
            if (system.Version is { Length: > 0 } version)
                capture.Facts.Add(new CaptureFact("OS version", version));
            var cpu = system.Cpu switch { 0 => "x86", 9 => "amd64", 5 => "arm", 12 or 0x8003 => "arm64", _ => string.Create(CultureInfo.InvariantCulture, $"0x{system.Cpu:x}") };
            capture.Facts.Add(new CaptureFact("CPU", string.Create(CultureInfo.InvariantCulture, $"{cpu}, {system.CpuCount} CPUs")));
            capture.Architecture = system.Cpu switch { 0 => Architecture.X86, 9 => Architecture.X86_64, _ => Architecture.Unknown };
            if (capture.Architecture == Architecture.Unknown)
                capture.Diagnostics.Warning(DiagnosticCatalogue.MinidumpUnsupportedCpu, SourceLocation.None,
                    $"the CPU is [{cpu}], not x86 or x86_64: threads are listed without registers");
            else
                capture.ArchitectureEvidence.Add($"minidump system info: CPU [{cpu}]");
        }
        if (file.TimeDateStamp != 0)
            capture.Facts.Add(new CaptureFact("Dump time", DateTimeOffset.FromUnixTimeSeconds(file.TimeDateStamp).ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture)));
        foreach (var (key, value) in file.CrashpadAnnotations)
            capture.Facts.Add(new CaptureFact("Crashpad " + key, value));
        if (Text(file, MinidumpStreamTypes.LinuxLsbRelease) is { } lsb && KeyValueLines.Parse(lsb, '=').GetValueOrDefault("DISTRIB_DESCRIPTION") is { } distribution)
            capture.Facts.Add(new CaptureFact("Distribution", distribution.Trim('"')));
    }

    private static void SetProcess(CaptureBuilder capture, MinidumpFile file)
    {
        var status = Text(file, MinidumpStreamTypes.LinuxProcStatus) is { } text ? KeyValueLines.Parse(text, ':') : [];
        if (file.ProcessId is { } pid and <= int.MaxValue)
            capture.Pid = (int)pid;
        else if (int.TryParse(status.GetValueOrDefault("Pid"), NumberStyles.None, CultureInfo.InvariantCulture, out var statusPid))
            capture.Pid = statusPid;
        // Without /proc status (Crashpad writes none), the executable's name: the first module, as both writers list it.
        capture.ProcessName = status.GetValueOrDefault("Name")
            ?? (file.Modules is [{ Name.Length: > 0 } executable, ..] ? Path.GetFileName(executable.Name) : null);
        if (Text(file, MinidumpStreamTypes.LinuxCmdLine) is { Length: > 0 } commandLine)
            capture.CommandLine = commandLine.TrimEnd('\0').Replace('\0', ' ');
        foreach (var key in (string[])["State", "PPid", "Uid"])
        {
            if (status.GetValueOrDefault(key) is { } value)
                capture.Facts.Add(new CaptureFact("Status " + key, value));
        }
    }

    private static void SetThreads(CaptureBuilder capture, MinidumpFile file)
    {
        var exception = file.Exception;
        foreach (var thread in file.Threads)
        {
            var crashing = exception is not null && exception.ThreadId == thread.Id && IsCrash(file);
            // The thread list holds the crashing thread as the handler saw it; the exception stream holds it as it faulted.
            var context = crashing && exception!.Context is { } faulting ? faulting : thread.Context;
            var registers = context is null ? null : MinidumpContext.Read(context, capture.Architecture);
            if (context is not null && registers is null && capture.Architecture != Architecture.Unknown)
                capture.Diagnostics.Warning(DiagnosticCatalogue.MinidumpBadContext, SourceLocation.None, string.Create(CultureInfo.InvariantCulture,
                    $"thread [{thread.Id}] has a context of [{context.Length}] bytes, too short for {capture.Architecture.ToId()}"));
            capture.Threads.Add(new ThreadInfo
            {
                Tid = unchecked((int)thread.Id),
                Signal = crashing ? (int)exception!.Code : 0,
                ProgramCounter = registers?.Pc ?? 0,
                StackPointer = registers?.Sp ?? 0,
                FramePointer = registers?.Fp ?? 0,
                IsCrashing = crashing,
                Registers = registers?.Registers ?? [],
            });
        }
    }

    /// <summary>A Linux exception stream whose code is a signal: not 0, not DUMP_REQUESTED (Breakpad's requested dump).</summary>
    private static bool IsCrash(MinidumpFile file) =>
        file.Exception is { Code: not 0 and not DumpRequested and <= 64 } && IsLinux(file);

    private static void SetSignal(CaptureBuilder capture, MinidumpFile file)
    {
        if (file.Exception is not { } exception)
            return;
        if (exception.Code == DumpRequested)
        {
            capture.Facts.Add(new CaptureFact("Exception", "dump requested, no crash"));
            return;
        }
        if (!IsCrash(file))
        {
            capture.Facts.Add(new CaptureFact("Exception", string.Create(CultureInfo.InvariantCulture,
                $"code 0x{exception.Code:x}, flags 0x{exception.Flags:x}, address 0x{exception.Address:x}{(IsLinux(file) ? "" : " (not a Linux signal)")}")));
            return;
        }
        var code = unchecked((int)exception.Flags);
        capture.Signal = code switch
        {
            // si_code ≤ 0: sent by kill, tkill or sigqueue; si_addr's bytes are then si_pid and si_uid (siginfo.h's union).
            < 0 => new SignalInfo
            {
                Number = (int)exception.Code, Code = code, ThreadId = unchecked((int)exception.ThreadId),
                SenderPid = unchecked((int)(uint)exception.Address), SenderUid = unchecked((int)(uint)(exception.Address >> 32)),
            },
            // Breakpad before 2020 and rust-minidump's writer leave the flags 0, so 0 means "not recorded", not SI_USER.
            // The address is a fault address only for a signal that has one (SIGABRT's is the 0 Breakpad writes).
            _ => Recorded(code == 0 ? null : code),
        };

        SignalInfo Recorded(int? recordedCode) => new()
        {
            Number = (int)exception.Code, Code = recordedCode, ThreadId = unchecked((int)exception.ThreadId),
            FaultAddress = SignalInfo.CarriesFaultAddress((int)exception.Code, recordedCode) ? exception.Address : null,
        };
    }

    private static void SetRegions(CaptureBuilder capture, MinidumpFile file, ReadBudget budget)
    {
        if (Text(file, MinidumpStreamTypes.LinuxMaps) is { } maps)
        {
            var parsed = TextCaptureParsers.Parse(CaptureFormat.Maps, maps, budget: budget);
            capture.Regions.AddRange(parsed.Regions);
            foreach (var diagnostic in parsed.Diagnostics.Items)
                capture.Diagnostics.Add(diagnostic with { Message = "in the MD_LINUX_MAPS stream: " + diagnostic.Message });
            return;
        }
        // No maps: each module's image range, then the memory list's ranges that no module covers (stacks, heap pages).
        var taken = new List<(ulong Start, ulong End)>();
        foreach (var module in Modules(capture, file, report: false))
        {
            capture.Regions.Add(new Region(module.Base, module.End) { Name = module.Path, NameIsBasename = !module.Path!.Contains('/', StringComparison.Ordinal) });
            taken.Add((module.Base, module.End));
        }
        foreach (var (start, size) in file.Memory.OrderBy(m => m.Start))
        {
            if (size == 0 || start > ulong.MaxValue - size)
                continue;
            var end = start + size;
            if (taken.Exists(t => t.Start < end && start < t.End))
                continue;
            capture.Regions.Add(new Region(start, end));
            taken.Add((start, end));
        }
        capture.Regions.Sort((a, b) => a.Start.CompareTo(b.Start));
    }

    /// <summary>The module list and the maps stream are two views of one instance: a module that starts no mapping is a disagreement.</summary>
    private static void CheckModulesAgainstMaps(CaptureBuilder capture, MinidumpFile file)
    {
        if (!file.LinuxStreams.ContainsKey(MinidumpStreamTypes.LinuxMaps) || capture.Regions.Count == 0)
            return;
        var starts = capture.Regions.Select(r => r.Start).ToHashSet();
        foreach (var image in capture.Images.Where(i => !starts.Contains(i.Base)))
        {
            capture.Diagnostics.Warning(DiagnosticCatalogue.MinidumpModuleOutsideMaps, SourceLocation.None, string.Create(CultureInfo.InvariantCulture,
                $"module [{image.Path}] at [0x{image.Base:x}] of the module list starts no mapping of the MD_LINUX_MAPS stream"));
        }
    }

    private static void SetImages(CaptureBuilder capture, MinidumpFile file) => capture.Images.AddRange(Modules(capture, file, report: true));

    /// <summary>
    /// The module list as images: one per name, so that a small executable Breakpad lists twice (text and data apart,
    /// as lldb's linux-x86_64.dmp does) is one module. The first module is the main executable (Breakpad and Crashpad
    /// write it first).
    /// </summary>
    private static List<ImageIdentity> Modules(CaptureBuilder capture, MinidumpFile file, bool report)
    {
        var images = new List<ImageIdentity>();
        var byName = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var index = 0; index < file.Modules.Count; index++)
        {
            var module = file.Modules[index];
            if (module.Size == 0 || module.Base > ulong.MaxValue - module.Size)
                continue;
            // An RSDS identifier is a build-id only for an ELF module; elsewhere it is a PDB's GUID.
            var buildId = module.CodeViewForm == "LEpB" || (module.CodeViewForm == "RSDS" && IsLinux(file)) ? module.Identifier : null;
            var name = module.Name.Length > 0 ? module.Name : string.Create(CultureInfo.InvariantCulture, $"module@0x{module.Base:x}");
            if (byName.TryGetValue(name, out var existing))
            {
                var first = images[existing];
                images[existing] = first with { Base = Math.Min(first.Base, module.Base), End = Math.Max(first.End, module.Base + module.Size) };
                if (report)
                    capture.Diagnostics.Info(DiagnosticCatalogue.MinidumpDuplicateModule, SourceLocation.None, string.Create(CultureInfo.InvariantCulture,
                        $"module [{name}] is listed again at [0x{module.Base:x}]; kept as one module"));
                continue;
            }
            byName.Add(name, images.Count);
            images.Add(new ImageIdentity
            {
                Base = module.Base, End = module.Base + module.Size, Path = name, BuildId = buildId,
                SoName = Path.GetFileName(name), IsExecutable = index == 0,
            });
        }
        return images;
    }

    private static void SetAuxv(CaptureBuilder capture, MinidumpFile file)
    {
        if (!file.LinuxStreams.TryGetValue(MinidumpStreamTypes.LinuxAuxv, out var auxv))
            return;
        var width = capture.Architecture == Architecture.X86 ? 4 : 8;
        for (var offset = 0; offset + (2 * width) <= auxv.Length; offset += 2 * width)
        {
            var type = width == 8 ? BinaryPrimitives.ReadUInt64LittleEndian(auxv.AsSpan(offset)) : BinaryPrimitives.ReadUInt32LittleEndian(auxv.AsSpan(offset));
            var value = width == 8 ? BinaryPrimitives.ReadUInt64LittleEndian(auxv.AsSpan(offset + width)) : BinaryPrimitives.ReadUInt32LittleEndian(auxv.AsSpan(offset + width));
            if (type == AuxvTypes.Null)
                break;
            capture.Auxv.Add(new AuxvEntry(type, AuxvTypes.Name(type), value));
        }
    }

    private static string? Text(MinidumpFile file, uint type) =>
        file.LinuxStreams.TryGetValue(type, out var bytes) ? Encoding.UTF8.GetString(bytes) : null;
}
