using Forensics.Elf;
using Forensics.Elf.Images;
using Forensics.Elf.Notes;
using Forensics.Elf.Sources;
using Forensics.Model;

namespace Forensics.Importers.Core;

/// <summary>
/// Imports a Linux ELF core (kernel-written or gdb gcore, i386 or x86_64) into the region model: regions from
/// PT_LOAD and NT_FILE, threads, signal, process, auxiliary vector, notes and the ELF images in memory.
/// Bad input never throws: it ends in diagnostics (FX3xxx from the reader, FX4xxx from here).
/// </summary>
public static class CoreImporter
{
    private const string KernelVariant = "kernel core", GdbVariant = "gdb gcore";
    private const byte OsAbiSystemV = 0, OsAbiLinux = 3;

    /// <summary>True when <paramref name="head"/> starts with the ELF magic <c>7f 'E' 'L' 'F'</c>.</summary>
    public static bool LooksLikeElf(ReadOnlySpan<byte> head) => ElfConstants.HasMagic(head);

    /// <summary>
    /// Imports the core in <paramref name="input"/>: a seekable stream is read on demand; a forward-only
    /// (decompressing) stream is read once in increasing offset, keeping only headers, notes and the first and
    /// last page of each segment.
    /// </summary>
    public static Capture Import(Stream input, string inputPath, IReadCheckpoint? checkpoint = null) =>
        Import(input, inputPath, CoreLimits.Default, checkpoint);

    /// <summary>
    /// Imports the core in <paramref name="input"/> within <paramref name="limits"/>, passing <paramref name="checkpoint"/>
    /// (none when null) between entries of long tables and after each chunk of a stream.
    /// </summary>
    public static Capture Import(Stream input, string inputPath, CoreLimits limits, IReadCheckpoint? checkpoint = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(limits);
        // A forward-only stream reports what it cannot read while the core is imported; those come last.
        var streamDiagnostics = new ElfDiagnosticList();
        IByteSource source = input.CanSeek
            ? new SeekableStreamByteSource(input)
            : ForwardStreamReader.Read(input, limits, streamDiagnostics, checkpoint);
        var capture = Import(source, inputPath, limits, checkpoint);
        capture.Diagnostics.AddRange(streamDiagnostics.Items.Select(ElfProblemDescriptors.ToDiagnostic));
        return capture;
    }

    /// <summary>Imports a core from any byte source (a file, bytes in memory, a retained stream).</summary>
    public static Capture Import(IByteSource source, string inputPath, CoreLimits limits, IReadCheckpoint? checkpoint = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        var capture = new Capture { InputPath = inputPath, Format = CaptureFormat.Core, Variant = KernelVariant };
        checkpoint ??= ReadCheckpoints.Unlimited;
        var file = ElfCoreFile.Read(source, new DiagnosticBagElfSink(capture.Diagnostics), limits, checkpoint);
        if (file.Header is not { } header)
            return capture;
        if (header.Type != ElfConstants.TypeCore)
        {
            capture.Diagnostics.Error(DiagnosticCatalogue.NotCore, SourceLocation.AtOffset(16),
                $"ELF type is [{header.Type}] ({TypeName(header.Type)}), not [4] (ET_CORE): this ELF file is not a core dump");
            return capture;
        }
        var readRegisters = DecideArchitecture(capture, header);
        var notes = CoreNoteSet.Decode(file, readRegisters, limits, capture.Diagnostics, checkpoint);
        var writtenByGdb = notes.HasGdbNote || header.SectionHeaderCount > 0
            || (file.LoadSegments.Count > 0 && file.LoadSegments.All(l => l.Align == 1));
        capture.Variant = writtenByGdb ? GdbVariant : KernelVariant;
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
        CoreThreadBuilder.Build(capture, notes, writtenByGdb);
        if (readRegisters && notes.HasCoreNote && notes.Threads.Count == 0)
            capture.Diagnostics.Warning(DiagnosticCatalogue.NoThreads, SourceLocation.None, "the core has no readable NT_PRSTATUS note, so no threads");
        capture.Images.AddRange(CoreImageFinder.Find(file, files, capture.Auxv, limits, checkpoint));
        if (capture.ProcessName is null && capture.Images.Find(i => i.IsExecutable)?.Path is { } path)
        {
            capture.ProcessName = System.IO.Path.GetFileName(path);
            capture.CommandLine ??= path;
        }
        CoreKindInference.Apply(capture);
        return capture;
    }

    /// <summary>Sets the architecture with its evidence; returns whether the x86 note layouts apply.</summary>
    private static bool DecideArchitecture(Capture capture, ElfHeader header)
    {
        var classText = header.Is64 ? "ELFCLASS64" : "ELFCLASS32";
        var location = SourceLocation.AtOffset(18);
        switch (header.Machine)
        {
            case ElfConstants.MachineX86_64 when header.Is64:
                capture.Architecture = Architecture.X86_64;
                capture.ArchitectureEvidence.Add("ELF header: ELFCLASS64, e_machine EM_X86_64 (62)");
                return true;
            case ElfConstants.MachineI386 when !header.Is64:
                capture.Architecture = Architecture.X86;
                capture.ArchitectureEvidence.Add("ELF header: ELFCLASS32, e_machine EM_386 (3)");
                return true;
            case ElfConstants.MachineX86_64:
                capture.ArchitectureEvidence.Add("ELF header: ELFCLASS32 with e_machine EM_X86_64 (62): an x32 process");
                capture.Diagnostics.Warning(DiagnosticCatalogue.X32Core, location,
                    "an x32 core (ELFCLASS32 with EM_X86_64): its register notes are not read; regions and mapped files are");
                return false;
            default:
                capture.ArchitectureEvidence.Add($"ELF header: {classText}, e_machine [{header.Machine}]");
                capture.Diagnostics.Error(DiagnosticCatalogue.UnsupportedMachine, location,
                    $"e_machine is [{header.Machine}], not EM_386 (3) or EM_X86_64 (62): only regions and mapped files are read");
                return false;
        }
    }

    private static void CheckOrigin(Capture capture, ElfHeader header, CoreNoteSet notes)
    {
        if (notes.HasKernelDumpNote)
        {
            capture.Diagnostics.Error(DiagnosticCatalogue.KernelDump, SourceLocation.None,
                "a VMCOREINFO note: this is a kdump vmcore of the whole kernel, not a process core; its segments are physical memory");
        }
        else if (header.OsAbi is not (OsAbiSystemV or OsAbiLinux) || !notes.HasCoreNote)
        {
            capture.Diagnostics.Warning(DiagnosticCatalogue.NonLinux, SourceLocation.AtOffset(7),
                $"EI_OSABI is [{header.OsAbi}] and the core has {(notes.HasCoreNote ? "" : "no ")}CORE notes: not a Linux process core as far as can be told");
        }
    }

    private static void SetProcess(Capture capture, PrPsInfoNote? process)
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
