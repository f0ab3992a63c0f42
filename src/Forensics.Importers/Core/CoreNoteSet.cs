using Forensics.Elf;
using Forensics.Elf.Notes;
using Forensics.Model;

namespace Forensics.Importers.Core;

/// <summary>
/// The decoded notes of a core. A thread's notes follow its NT_PRSTATUS (docs/formats.md#elf-note-order), so NT_SIGINFO and
/// NT_386_TLS are attached to the NT_PRSTATUS before them.
/// </summary>
internal sealed class CoreNoteSet
{
    public List<ThreadNotes> Threads { get; } = [];
    public PrPsInfoNote? Process { get; private set; }
    public IReadOnlyList<(ulong Type, ulong Value)> Auxv { get; private set; } = [];
    public FileNote? Files { get; private set; }
    public ulong FilesOffset { get; private set; }
    public bool HasGdbNote { get; private set; }
    public bool HasCoreNote { get; private set; }
    public bool HasKernelDumpNote { get; private set; }
    /// <summary>
    /// .NET's createdump wrote the core: it pads its <c>CORE</c> note names with a tag (<c>CORE\0THR</c>,
    /// <c>CORE\0PRP</c>, <c>CORE\0SIG</c>, …) where the kernel and gdb write NULs (docs/formats.md#createdump-cores).
    /// </summary>
    public bool WrittenByCreatedump { get; private set; }
    /// <summary>The system whose note owner names another one than Linux (<c>NetBSD-CORE</c> is NetBSD), first seen.</summary>
    public string? ForeignSystem { get; private set; }
    /// <summary><c>OWNER:NAME xCOUNT</c> in order of first appearance.</summary>
    public List<string> Summary { get; } = [];

    public sealed class ThreadNotes(PrStatusNote status, ulong offset)
    {
        public PrStatusNote Status { get; } = status;
        public ulong Offset { get; } = offset;
        public SigInfoNote? Signal { get; set; }
        public IReadOnlyList<(uint EntryNumber, uint BaseAddress)> Tls { get; set; } = [];
    }

    /// <summary>Decodes the notes; thread, process and signal notes only when <paramref name="registers"/> names their layout.</summary>
    public static CoreNoteSet Decode(ElfCoreFile file, PrStatusLayout? registers, CoreLimits limits, DiagnosticBag diagnostics, IReadCheckpoint checkpoint)
    {
        var set = new CoreNoteSet();
        var is64 = file.Header!.Is64;
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var order = new List<string>();
        for (var index = 0; index < file.Notes.Count; index++)
        {
            var note = file.Notes[index];
            if (index % ReadCheckpoints.EntriesPerCheck == 0)
                checkpoint.Check(note.Offset);
            var key = note.Owner + ":" + NoteTypes.Name(note.Owner, note.Type);
            if (counts.TryAdd(key, 1)) order.Add(key);
            else counts[key]++;
            set.Decode(note, is64, registers, limits, diagnostics, checkpoint);
        }
        set.Summary.AddRange(order.Select(k => k + " x" + counts[k].ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return set;
    }

    private void Decode(ElfNote note, bool is64, PrStatusLayout? registers, CoreLimits limits, DiagnosticBag diagnostics, IReadCheckpoint checkpoint)
    {
        var desc = note.Descriptor.Span;
        var decodeRegisters = registers is not null;
        if (ForeignSystemOf(note.Owner) is { } system)
        {
            ForeignSystem ??= system;
            return;
        }
        switch (note.Owner)
        {
            case "VMCOREINFO":
                HasKernelDumpNote = true;
                return;
            case NoteTypes.GdbOwner:
                HasGdbNote = true;
                return;
            case NoteTypes.LinuxOwner when note.Type == NoteTypes.X86Tls && Threads.Count > 0:
                Threads[^1].Tls = X86TlsNote.Parse(desc);
                return;
            case NoteTypes.CoreOwner:
                HasCoreNote = true;
                WrittenByCreatedump |= note.NamePadding is "THR" or "FLT" or "PRP" or "AUX" or "FIL" or "SIG";
                break;
            default:
                return;
        }
        switch (note.Type)
        {
            case NoteTypes.PrStatus when decodeRegisters:
                if (PrStatusNote.Parse(desc, registers!.Value) is { } status) Threads.Add(new ThreadNotes(status, note.Offset));
                else Short(note, PrStatusNote.SizeOf(registers!.Value), diagnostics);
                break;
            case NoteTypes.PrPsInfo when decodeRegisters:
                if (Process is not null) Duplicate(note, diagnostics);
                else if (PrPsInfoNote.Parse(desc, is64) is { } process) Process = process;
                else Short(note, is64 ? PrPsInfoNote.Size64 : PrPsInfoNote.Size32, diagnostics);
                break;
            case NoteTypes.SigInfo when decodeRegisters:
                if (SigInfoNote.Parse(desc, is64) is not { } signal) Short(note, is64 ? 24 : 20, diagnostics);
                else if (Threads.Count > 0 && Threads[^1].Signal is null) Threads[^1].Signal = signal;
                break;
            case NoteTypes.Auxv:
                if (Auxv.Count > 0) Duplicate(note, diagnostics);
                else Auxv = AuxvNote.Parse(desc, is64, checkpoint);
                break;
            case NoteTypes.File:
                if (Files is not null)
                {
                    Duplicate(note, diagnostics);
                    break;
                }
                Files = FileNote.Parse(desc, is64, limits.MaxFileEntries, new DiagnosticBagElfSink(diagnostics), note.Offset, checkpoint);
                FilesOffset = note.Offset;
                break;
        }
    }

    /// <summary>
    /// The BSDs name their core notes after themselves (NetBSD <c>NetBSD-CORE</c> and <c>NetBSD-CORE@LWP</c>, FreeBSD
    /// <c>FreeBSD</c>, OpenBSD <c>OpenBSD</c>); Linux uses <c>CORE</c>, <c>LINUX</c> and <c>GDB</c>.
    /// </summary>
    private static string? ForeignSystemOf(string owner) =>
        owner.StartsWith("NetBSD", StringComparison.Ordinal) ? "NetBSD"
        : owner.StartsWith("FreeBSD", StringComparison.Ordinal) ? "FreeBSD"
        : owner.StartsWith("OpenBSD", StringComparison.Ordinal) ? "OpenBSD"
        : owner.StartsWith("DragonFly", StringComparison.Ordinal) ? "DragonFly BSD"
        : null;

    private static void Short(ElfNote note, int expected, DiagnosticBag diagnostics) =>
        diagnostics.Error(DiagnosticCatalogue.ShortNote, SourceLocation.AtOffset(note.Offset),
            $"{NoteTypes.Name(note.Owner, note.Type)} has [{note.Descriptor.Length}] bytes, expected at least [{expected}]; ignored");

    private static void Duplicate(ElfNote note, DiagnosticBag diagnostics) =>
        diagnostics.Warning(DiagnosticCatalogue.DuplicateNote, SourceLocation.AtOffset(note.Offset),
            $"a second {NoteTypes.Name(note.Owner, note.Type)} note; the first is used");
}
