using System.Buffers.Binary;
using ELFSharp.ELF;
using ELFSharp.ELF.Sections;
using ELFSharp.ELF.Segments;
using Forensics.Elf;
using Forensics.Symbols.SymbolTables;

namespace Forensics.Symbols.ModuleFiles;

/// <summary>
/// Opens a module file with ELFSharp: program headers, sections, symbol tables and the build-id note. The file is read
/// into memory once (up to <see cref="SymbolOptions.MaxModuleFileBytes"/>); ELFSharp's exceptions on malformed files
/// become a one-line problem, never a crash.
/// </summary>
internal static class ModuleFileReader
{
    private const ulong SectionCompressed = 0x800;

    public static ModuleFile? TryRead(string path, long maxBytes, IReadCheckpoint checkpoint, out string? problem)
    {
        problem = null;
        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
                return null;
            if (info.Length > maxBytes)
            {
                problem = $"[{path}] holds [{info.Length}] bytes, more than the [{maxBytes}] a module file may";
                return null;
            }
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            problem = $"cannot read [{path}]: {exception.Message}";
            return null;
        }
        checkpoint.Check(null);
        return TryRead(path, bytes, checkpoint, out problem);
    }

    /// <summary>The largest MiniDebugInfo decoded: its symbol table and strings (Fedora's libc: about 1 MiB).</summary>
    private const long MaxMiniDebugInfoBytes = 64L << 20;

    public static ModuleFile? TryRead(string path, byte[] bytes, IReadCheckpoint checkpoint, out string? problem) =>
        TryRead(path, bytes, checkpoint, embedded: false, out problem);

    // embedded: the file is a .gnu_debugdata ELF, whose own MiniDebugInfo is not opened (no nesting).
    private static ModuleFile? TryRead(string path, byte[] bytes, IReadCheckpoint checkpoint, bool embedded, out string? problem)
    {
        problem = null;
        if (!ElfConstants.HasMagic(bytes))
        {
            problem = $"[{path}] is not an ELF file";
            return null;
        }
        if (ElfHeader.Parse(bytes, null) is not { } header)
        {
            problem = $"[{path}] is not a little-endian ELF32 or ELF64 file";
            return null;
        }
        if (SectionHeader.ReadAll(bytes, header, out var sectionProblem) is not { } sections)
        {
            problem = $"[{path}] is a malformed ELF file: {sectionProblem}";
            return null;
        }
        try
        {
            if (!ELFReader.TryLoad(new PatchedFileStream(bytes, HiddenFromElfSharp(bytes, header, sections)), true, out IELF elf))
            {
                problem = $"[{path}] is not an ELF file ELFSharp can read";
                return null;
            }
            using (elf)
            {
                return elf.Class == Class.Bit64
                    ? Read(path, bytes, sections, (ELF<ulong>)elf, true, checkpoint, embedded)
                    : Read(path, bytes, sections, (ELF<uint>)elf, false, checkpoint, embedded);
            }
        }
        catch (Exception exception) when (exception is ArgumentException or InvalidOperationException or IndexOutOfRangeException
            or EndOfStreamException or OverflowException or NotSupportedException or IOException or InvalidCastException or FormatException)
        {
            problem = $"[{path}] is a malformed ELF file: {exception.Message}";
            return null;
        }
    }

    private const uint ProgramNote = 4, ProgramNull = 0;

    /// <summary>
    /// What ELFSharp must not read, as type fields to show it otherwise: while it loads a file it reads every symbol
    /// table whole, every note (allocating the size the note claims) and every string table, with no bound and no
    /// checkpoint. Symbol tables and notes are shown as SHT_NOBITS (SymbolTableReader and <see cref="BuildId"/> read
    /// them instead), PT_NOTE segments as PT_NULL, and any section that claims bytes outside the file as SHT_NOBITS.
    /// </summary>
    private static List<(int Offset, uint Value)> HiddenFromElfSharp(byte[] bytes, ElfHeader header, SectionHeader[] sections)
    {
        var hidden = sections
            .Where(s => s.Type is SectionHeader.SymbolTableType or SectionHeader.DynamicSymbolTableType or SectionHeader.NoteType || !s.IsInside(bytes.Length))
            .Select(s => (s.TypeFieldOffset, SectionHeader.NoBitsType))
            .ToList();
        // At ELFSharp's stride, whatever e_phentsize says (entries of a lying size overlap).
        for (var i = 0; i < header.ProgramHeaderCount; i++)
        {
            var at = header.ProgramHeaderOffset + (ulong)i * header.ProgramHeaderEntrySize;
            if (at > (ulong)bytes.Length - 4)
                break;
            if (BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan((int)at)) == ProgramNote)
                hidden.Add(((int)at, ProgramNull));
        }
        return hidden;
    }

    /// <summary>Most bytes a GNU build-id takes (SHA-1 is 20, a UUID 16).</summary>
    private const int MaxBuildIdBytes = 64;

    /// <summary>
    /// The description of the first note of a <c>.note.gnu.build-id</c> section when it is named GNU, as hex; null when
    /// the note is cut short or its sizes point outside the section.
    /// </summary>
    private static string? BuildId(ReadOnlySpan<byte> section)
    {
        if (section.Length < 12)
            return null;
        var nameSize = BinaryPrimitives.ReadUInt32LittleEndian(section);
        var descriptionSize = BinaryPrimitives.ReadUInt32LittleEndian(section[4..]);
        var nameEnd = 12 + (((ulong)nameSize + 3) & ~3UL);
        if (nameSize != 4 || descriptionSize > MaxBuildIdBytes || nameEnd + descriptionSize > (ulong)section.Length)
            return null;
        return section.Slice(12, 4).SequenceEqual("GNU\0"u8) ? Convert.ToHexStringLower(section.Slice((int)nameEnd, (int)descriptionSize)) : null;
    }

    private static ModuleFile Read<T>(string path, byte[] bytes, SectionHeader[] sections, ELF<T> elf, bool is64, IReadCheckpoint checkpoint, bool embedded) where T : struct
    {
        var loads = new List<LoadSegment>();
        ulong? ehFrameHeader = null;
        foreach (var segment in elf.Segments)
        {
            var address = ToUInt64(segment.Address);
            if (segment.Type == SegmentType.Load)
            {
                loads.Add(new LoadSegment(address, ToUInt64(segment.Size), ToUInt64(segment.Offset), Math.Min(ToUInt64(segment.FileSize), (ulong)bytes.Length),
                    (segment.Flags & SegmentFlags.Execute) != 0));
            }
            else if ((uint)segment.Type == ElfConstants.SegmentGnuEhFrame)
            {
                ehFrameHeader = address;
            }
        }
        var firstLoad = loads.Count == 0 ? 0 : loads.Min(l => l.Address) & ~0xfffUL;

        string? buildId = null;
        (ulong, ulong)? ehFrame = null;
        byte[]? debugFrame = null, debugLine = null, lineStrings = null, strings = null;
        var symbols = new List<FunctionSymbol>();
        var hasCode = false;
        ulong? abortMessage = null;
        DebugLink? debugLink = null;
        var problems = new List<string>();
        var index = -1;
        foreach (var section in elf.Sections)
        {
            index++;
            var compressed = ((ulong)section.Flags & SectionCompressed) != 0;
            switch (section.Name)
            {
                case ".note.gnu.build-id" when index < sections.Length && sections[index].Type == SectionHeader.NoteType:
                    buildId = BuildId(sections[index].Contents(bytes));
                    break;
                case ".eh_frame" when section.Type == SectionType.ProgBits:
                    ehFrame = (ToUInt64(section.LoadAddress), ToUInt64(section.Size));
                    break;
                case ".debug_frame" when section.Type == SectionType.ProgBits && !compressed:
                    debugFrame = Contents(bytes, sections, index, $"{section.Name} of [{path}]", problems);
                    break;
                case ".debug_line" when section.Type == SectionType.ProgBits && !compressed:
                    debugLine = Contents(bytes, sections, index, $"{section.Name} of [{path}]", problems);
                    break;
                case ".debug_line_str" when section.Type == SectionType.ProgBits && !compressed:
                    lineStrings = Contents(bytes, sections, index, $"{section.Name} of [{path}]", problems);
                    break;
                case ".debug_str" when section.Type == SectionType.ProgBits && !compressed:
                    strings = Contents(bytes, sections, index, $"{section.Name} of [{path}]", problems);
                    break;
                case ".text":
                    hasCode = section.Type == SectionType.ProgBits;
                    break;
                case ".gnu_debuglink" when section.Type == SectionType.ProgBits:
                    debugLink = DebugLink.TryRead(Contents(bytes, sections, index, $"{section.Name} of [{path}]", problems), elf.Endianess == ELFSharp.Endianess.LittleEndian, out var linkProblem);
                    if (linkProblem is not null)
                        problems.Add(linkProblem);
                    break;
                case ".gnu_debugdata" when section.Type == SectionType.ProgBits && !embedded:
                    symbols.AddRange(MiniDebugInfoSymbols(path, Contents(bytes, sections, index, $"{section.Name} of [{path}]", problems), checkpoint, problems));
                    break;
            }
            if (index < sections.Length && sections[index].Type is SectionHeader.SymbolTableType or SectionHeader.DynamicSymbolTableType)
            {
                var (functions, abortMessageHere) = SymbolTableReader.Read(bytes, sections, sections[index], is64, $"{section.Name} of [{path}]", checkpoint, problems);
                abortMessage = abortMessageHere ?? abortMessage;
                // .symtab first: its names win over .dynsym's at the same address (both are kept in file order).
                if (section.Name == ".symtab")
                    symbols.InsertRange(0, functions);
                else
                    symbols.AddRange(functions);
                checkpoint.Check(null);
            }
        }
        return new ModuleFile
        {
            Path = path,
            Bytes = bytes,
            Is64 = is64,
            Machine = (ushort)elf.Machine,
            BuildId = buildId,
            Loads = loads,
            FirstLoadPage = firstLoad,
            EhFrameHeaderAddress = ehFrameHeader,
            EhFrame = ehFrame,
            DebugFrame = debugFrame,
            Symbols = new SymbolTable(symbols),
            AbortMessageAddress = abortMessage,
            HasCode = hasCode,
            Debug = debugLine is null ? null : new DebugSections(debugLine, lineStrings, strings),
            DebugLink = debugLink,
            Problems = problems,
        };
    }

    /// <summary>
    /// A section's bytes by the project's own section header (ELFSharp's <c>GetContents</c> allocates whatever size a
    /// header claims); none, with a problem, when the header points outside the file.
    /// </summary>
    private static byte[] Contents(byte[] bytes, SectionHeader[] sections, int index, string where, List<string> problems)
    {
        if (index < sections.Length && sections[index].IsInside(bytes.Length))
            return sections[index].Contents(bytes).ToArray();
        problems.Add(index < sections.Length
            ? $"{where} claims [{sections[index].Size}] bytes at [0x{sections[index].Offset:x}], outside the file of [{bytes.Length}] bytes"
            : $"{where} has no section header");
        return [];
    }

    /// <summary>
    /// The function symbols of a <c>.gnu_debugdata</c> section (MiniDebugInfo): an xz-compressed ELF whose
    /// <c>.symtab</c> holds the functions <c>.dynsym</c> lacks (gdb's manual, "MiniDebugInfo"). A damaged one adds a
    /// problem and no symbols.
    /// </summary>
    private static IEnumerable<FunctionSymbol> MiniDebugInfoSymbols(string path, byte[] section, IReadCheckpoint checkpoint, List<string> problems)
    {
        var decoded = XzSectionDecoder.TryDecode(section, MaxMiniDebugInfoBytes, out var problem);
        checkpoint.Check(null);
        var embedded = decoded is null ? null : TryRead(path + "(.gnu_debugdata)", decoded, checkpoint, embedded: true, out problem);
        if (embedded is null)
        {
            problems.Add($".gnu_debugdata of [{path}]: {problem ?? "not an ELF file"}");
            return [];
        }
        return embedded.Symbols.All;
    }

    private static ulong ToUInt64<T>(T value) where T : struct => Convert.ToUInt64(value, System.Globalization.CultureInfo.InvariantCulture);
}
