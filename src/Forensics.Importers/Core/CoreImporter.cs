using Forensics.Elf;
using Forensics.Elf.Images;
using Forensics.Elf.Notes;
using Forensics.Elf.Sources;
using Forensics.Model;

namespace Forensics.Importers.Core;

/// <summary>
/// Imports a Linux ELF core (kernel-written or gdb gcore, i386, x86_64 or x32) into the region model: regions from
/// PT_LOAD and NT_FILE, threads, signal, process, auxiliary vector, notes and the ELF images in memory.
/// Bad input never throws: it ends in diagnostics (FX3xxx from the reader, FX4xxx from here).
/// </summary>
public static class CoreImporter
{
    private const string KernelVariant = "kernel core", GdbVariant = "gdb gcore", CreatedumpVariant = "createdump core";
    private const byte OsAbiSystemV = 0, OsAbiLinux = 3;

    /// <summary>True when <paramref name="head"/> starts with the ELF magic <c>7f 'E' 'L' 'F'</c>.</summary>
    public static bool LooksLikeElf(ReadOnlySpan<byte> head) => ElfConstants.HasMagic(head);

    /// <summary>
    /// Imports the core in <paramref name="input"/>: a seekable stream is read on demand; a forward-only
    /// (decompressing) stream is read once in increasing offset, keeping only headers, notes and the first and
    /// last page of each segment.
    /// </summary>
    public static CaptureBuilder Import(Stream input, string inputPath, IReadCheckpoint? checkpoint = null) =>
        Import(input, inputPath, CoreLimits.Default, checkpoint);

    /// <summary>
    /// Imports the core in <paramref name="input"/> within <paramref name="limits"/>, passing <paramref name="checkpoint"/>
    /// (none when null) between entries of long tables and after each chunk of a stream.
    /// </summary>
    public static CaptureBuilder Import(Stream input, string inputPath, CoreLimits limits, IReadCheckpoint? checkpoint = null) =>
        Import(input, inputPath, limits, checkpoint, keepWhole: false, out _);

    /// <summary>
    /// Imports the core in the forward-only (decompressing) <paramref name="input"/> in one pass that also keeps its
    /// segments whole when they fit <see cref="CoreLimits.MaxSinglePassBytes"/>: <paramref name="whole"/>, for a stack
    /// walk that then needs no second pass; null above the bound.
    /// </summary>
    public static CaptureBuilder ImportKeepingWhole(Stream input, string inputPath, CoreLimits limits, IReadCheckpoint? checkpoint, out IByteSource? whole) =>
        Import(input, inputPath, limits, checkpoint, keepWhole: true, out whole);

    private static CaptureBuilder Import(Stream input, string inputPath, CoreLimits limits, IReadCheckpoint? checkpoint, bool keepWhole, out IByteSource? whole)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(limits);
        // A forward-only stream reports what it cannot read while the core is imported; those come last.
        var streamDiagnostics = new ElfDiagnosticList();
        RetainedByteSource? kept = null;
        IByteSource source = input.CanSeek
            ? new SeekableStreamByteSource(input)
            : keepWhole
                ? ForwardStreamReader.ReadKeepingWhole(input, limits, streamDiagnostics, checkpoint, out kept)
                : ForwardStreamReader.Read(input, limits, streamDiagnostics, checkpoint);
        whole = kept;
        var capture = Import(source, inputPath, limits, checkpoint);
        capture.Diagnostics.AddRange(streamDiagnostics.Items.Select(ElfProblemDescriptors.ToDiagnostic));
        return capture;
    }

    /// <summary>Imports a core from any byte source (a file, bytes in memory, a retained stream).</summary>
    public static CaptureBuilder Import(IByteSource source, string inputPath, CoreLimits limits, IReadCheckpoint? checkpoint = null) =>
        Import(source, inputPath, limits, checkpoint, out _);

    /// <summary>
    /// Imports a core from any byte source, and gives the core file as read: its memory serves a stack walk of a file
    /// read on demand without reading the headers and notes again.
    /// </summary>
    public static CaptureBuilder Import(IByteSource source, string inputPath, CoreLimits limits, IReadCheckpoint? checkpoint, out ElfCoreFile file)
    {
        ArgumentNullException.ThrowIfNull(source);
        var capture = new CaptureBuilder { InputPath = inputPath, Format = CaptureFormat.Core, Variant = KernelVariant };
        checkpoint ??= ReadCheckpoints.Unlimited;
        file = ElfCoreFile.Read(source, new DiagnosticBagElfSink(capture.Diagnostics), limits, checkpoint);
        if (file.Header is not { } header)
            return capture;
        if (header.Type != ElfConstants.TypeCore)
        {
            capture.Diagnostics.Error(DiagnosticCatalogue.NotCore, SourceLocation.AtOffset(16),
                $"ELF type is [{header.Type}] ({TypeName(header.Type)}), not [4] (ET_CORE): this ELF file is not a core dump");
            return capture;
        }
        var registers = DecideArchitecture(capture, header);
        var notes = CoreNoteSet.Decode(file, registers, limits, capture.Diagnostics, checkpoint);
        var writtenByGdb = notes.HasGdbNote || header.SectionHeaderCount > 0
            || (file.LoadSegments.Count > 0 && file.LoadSegments.All(l => l.Align == 1));
        capture.Variant = writtenByGdb ? GdbVariant : notes.WrittenByCreatedump ? CreatedumpVariant : KernelVariant;
        capture.Notes.AddRange(notes.Summary);
        CheckOrigin(capture, header, notes);
        if (file.MissingBytes > 0)
        {
            capture.Diagnostics.Error(DiagnosticCatalogue.CoreTruncated, SourceLocation.AtOffset((ulong)(source.Length ?? 0)),
                $"the core is cut short: [{file.MissingBytes}] bytes of segment data are missing (RLIMIT_CORE, a full disk or a partial copy)");
        }

        var files = FileMappings.From(notes.Files, notes.FilesOffset, capture.Diagnostics, checkpoint);
        capture.Regions.AddRange(CoreRegionBuilder.Build(file, files, writtenByGdb, checkpoint));
        foreach (var (type, value) in notes.Auxv)
        {
            if (capture.Auxv.Count % ReadCheckpoints.EntriesPerCheck == 0)
                checkpoint.Check(null);
            var text = AuxvTypes.PointsAtString(type) ? ElfImageReader.ReadCString(file.Memory, value, limits.MaxStringBytes) : null;
            capture.Auxv.Add(new AuxvEntry(type, AuxvTypes.Name(type), value, text));
        }
        SetProcess(capture, notes.Process);
        // A vmcore's NT_PRSTATUS notes are the kernel's CPUs, not a process's threads.
        if (!notes.HasKernelDumpNote)
            CoreThreadBuilder.Build(capture, notes, writtenByGdb);
        if (registers is not null && notes.HasCoreNote && notes.Threads.Count == 0)
            capture.Diagnostics.Warning(DiagnosticCatalogue.NoThreads, SourceLocation.None, "the core has no readable NT_PRSTATUS note, so no threads");
        capture.Images.AddRange(CoreImageFinder.Find(file, files, capture.Auxv, limits, checkpoint));
        if (capture.ProcessName is null && capture.Images.Find(i => i.IsExecutable)?.Path is { } path)
        {
            capture.ProcessName = System.IO.Path.GetFileName(path);
            capture.CommandLine ??= path;
        }
        if (capture.UnsupportedReason is null)
            CoreKindInference.Apply(capture);
        return capture;
    }

    /// <summary>Sets the architecture with its evidence; returns the NT_PRSTATUS layout, or null when no x86 layout applies.</summary>
    private static PrStatusLayout? DecideArchitecture(CaptureBuilder capture, ElfHeader header)
    {
        var classText = header.Is64 ? "ELFCLASS64" : "ELFCLASS32";
        switch (header.Machine)
        {
            case ElfConstants.MachineX86_64 when header.Is64:
                capture.Architecture = Architecture.X86_64;
                capture.ArchitectureEvidence.Add("ELF header: ELFCLASS64, e_machine EM_X86_64 (62)");
                return PrStatusLayout.X86_64;
            case ElfConstants.MachineI386 when !header.Is64:
                capture.Architecture = Architecture.X86;
                capture.ArchitectureEvidence.Add("ELF header: ELFCLASS32, e_machine EM_386 (3)");
                return PrStatusLayout.I386;
            case ElfConstants.MachineX86_64:
                capture.Architecture = Architecture.X32;
                capture.ArchitectureEvidence.Add("ELF header: ELFCLASS32 with e_machine EM_X86_64 (62): an x32 process (x86_64 registers, 32-bit pointers)");
                return PrStatusLayout.X32;
            default:
                var machine = MachineName(header.Machine);
                capture.ArchitectureEvidence.Add($"ELF header: {classText}, e_machine [{header.Machine}]{(machine is null ? "" : " (" + machine + ")")}, not x86");
                capture.UnsupportedReason = $"a core of another machine than x86 (e_machine [{header.Machine}]{(machine is null ? "" : ", " + machine)})";
                capture.Diagnostics.Error(DiagnosticCatalogue.UnsupportedMachine, SourceLocation.AtOffset(18),
                    $"e_machine is [{header.Machine}]{(machine is null ? "" : " (" + machine + ")")}, not EM_386 (3) or EM_X86_64 (62): "
                    + "only regions and mapped files are read; no crash verdict and no findings");
                return null;
        }
    }

    private static string? MachineName(ushort machine) => machine switch
    {
        2 => "SPARC",
        4 => "m68k",
        8 => "MIPS",
        20 => "PowerPC",
        21 => "PowerPC64",
        22 => "S/390",
        40 => "ARM",
        43 => "SPARC V9",
        183 => "AArch64",
        243 => "RISC-V",
        258 => "LoongArch",
        _ => null,
    };

    /// <summary>
    /// A kdump vmcore (a VMCOREINFO note) and a core of another system (its notes named after it, or its EI_OSABI) are
    /// not Linux process cores: their regions are kept, nothing is concluded from them.
    /// </summary>
    private static void CheckOrigin(CaptureBuilder capture, ElfHeader header, CoreNoteSet notes)
    {
        if (notes.HasKernelDumpNote)
        {
            capture.UnsupportedReason = "a kdump vmcore of a whole kernel, not a process core";
            capture.Diagnostics.Error(DiagnosticCatalogue.KernelDump, SourceLocation.None,
                "a VMCOREINFO note: this is a kdump vmcore of the whole kernel, not a process core; its segments are physical memory; no crash verdict and no findings");
        }
        else if (notes.ForeignSystem is { } named)
        {
            capture.UnsupportedReason = $"a {named} process core, not a Linux one";
            capture.Diagnostics.Error(DiagnosticCatalogue.ForeignSystemCore, SourceLocation.None,
                $"the notes are named for {named}, not Linux (CORE, LINUX): a {named} process core, whose notes this tool does not read; no crash verdict and no findings");
        }
        else if (header.OsAbi is not (OsAbiSystemV or OsAbiLinux))
        {
            var system = OsAbiName(header.OsAbi);
            capture.UnsupportedReason = $"a core of another system than Linux (EI_OSABI [{header.OsAbi}]{(system is null ? "" : ", " + system)})";
            capture.Diagnostics.Error(DiagnosticCatalogue.ForeignSystemCore, SourceLocation.AtOffset(7),
                $"EI_OSABI is [{header.OsAbi}]{(system is null ? "" : " (" + system + ")")}, not System V (0) or Linux (3): not a Linux process core; no crash verdict and no findings");
        }
        else if (!notes.HasCoreNote)
        {
            capture.Diagnostics.Warning(DiagnosticCatalogue.NonLinux, SourceLocation.AtOffset(7),
                "the core has no CORE notes: not a Linux process core as far as can be told");
        }
    }

    private static string? OsAbiName(byte osAbi) => osAbi switch
    {
        1 => "HP-UX",
        2 => "NetBSD",
        6 => "Solaris",
        7 => "AIX",
        9 => "FreeBSD",
        12 => "OpenBSD",
        _ => null,
    };

    private static void SetProcess(CaptureBuilder capture, PrPsInfoNote? process)
    {
        var execName = capture.Auxv.FirstOrDefault(a => a.Type == AuxvTypes.ExecFileName)?.Text;
        if (process is null)
        {
            capture.ProcessName = execName is null ? null : System.IO.Path.GetFileName(execName);
            capture.CommandLine = execName;
            return;
        }
        var arguments = process.Arguments.TrimEnd(' ');
        capture.Process = new ProcessInfo
        {
            State = process.StateName,
            Uid = process.Uid,
            Gid = process.Gid,
            Pid = process.Pid,
            ParentPid = process.ParentPid,
            ProcessGroup = process.ProcessGroup,
            Session = process.Session,
            Flags = process.Flags,
            CommandName = process.FileName,
            Arguments = arguments,
        };
        capture.Pid = process.Pid;
        capture.ProcessName = process.FileName.Length > 0 ? process.FileName : execName is null ? null : System.IO.Path.GetFileName(execName);
        capture.CommandLine = arguments.Length > 0 ? arguments : execName;
    }

    private static string TypeName(ushort type) => type switch
    {
        ElfConstants.TypeRelocatable => "ET_REL",
        ElfConstants.TypeExecutable => "ET_EXEC",
        ElfConstants.TypeShared => "ET_DYN",
        _ => "unknown",
    };
}
