using Forensics.Elf;
using Forensics.Symbols.CallFrames;
using Forensics.Symbols.ModuleFiles;

namespace Forensics.Symbols.SourceLines;

/// <summary>
/// Runs the line-number programs of <c>.debug_line</c> (DWARF 2 to 5, section 6.2) into address ranges with a file and
/// line. Malformed units end the reading of the section; work is bounded by its size, and the input's checkpoint is
/// passed every <see cref="ReadCheckpoints.EntriesPerCheck"/> opcodes, as one unit may hold the whole section.
/// </summary>
internal static class LineProgramReader
{
    private const int MaxRows = 1 << 22;

    public static List<(ulong Address, ulong End, SourceLine Line)> Read(DebugSections sections, IReadCheckpoint checkpoint)
    {
        var rows = new List<(ulong, ulong, SourceLine)>();
        var section = sections.Line;
        var offset = 0;
        while (offset < section.Length && rows.Count < MaxRows)
        {
            checkpoint.Check(null);
            var cursor = new DwarfCursor(section, offset);
            ulong length = cursor.U32();
            var dwarf64 = length == 0xffff_ffff;
            if (dwarf64)
                length = cursor.U64();
            if (cursor.Failed || length == 0 || length > (ulong)cursor.Remaining)
                break;
            var end = cursor.Position + (int)length;
            ReadUnit(section.AsSpan(0, end), cursor.Position, dwarf64, sections, rows, checkpoint);
            offset = end;
        }
        return rows;
    }

    private static void ReadUnit(
        ReadOnlySpan<byte> unit, int start, bool dwarf64, DebugSections sections, List<(ulong, ulong, SourceLine)> rows, IReadCheckpoint checkpoint)
    {
        var cursor = new DwarfCursor(unit, start);
        var version = cursor.U16();
        if (version is < 2 or > 5)
            return;
        var addressSize = 8;
        if (version >= 5)
        {
            addressSize = cursor.U8();
            cursor.U8();
        }
        var headerLength = dwarf64 ? cursor.U64() : cursor.U32();
        var programStart = cursor.Position + (long)Math.Min(headerLength, (ulong)cursor.Remaining);
        var minimumInstructionLength = cursor.U8();
        if (version >= 4)
            cursor.U8();
        var defaultIsStatement = cursor.U8() != 0;
        var lineBase = (sbyte)cursor.U8();
        var lineRange = cursor.U8();
        var opcodeBase = cursor.U8();
        var standardLengths = cursor.Bytes((ulong)Math.Max(0, opcodeBase - 1)).ToArray();
        if (cursor.Failed || lineRange == 0)
            return;
        var files = version >= 5 ? ReadEntriesV5(ref cursor, dwarf64, sections) : ReadFilesV4(ref cursor);
        if (cursor.Failed)
            return;
        cursor.Position = (int)programStart;

        ulong address = 0;
        ulong file = 1;
        long line = 1;
        var sequence = new List<(ulong Address, ulong File, long Line)>();
        // A sequence not yet ended counts too: a unit without DW_LNE_end_sequence would otherwise grow it without bound.
        for (var opcodes = 1; !cursor.AtEnd && rows.Count + sequence.Count < MaxRows; opcodes++)
        {
            if (opcodes % ReadCheckpoints.EntriesPerCheck == 0)
                checkpoint.Check(null);
            var opcode = cursor.U8();
            if (opcode >= opcodeBase)
            {
                var adjusted = opcode - opcodeBase;
                address += (ulong)(adjusted / lineRange * minimumInstructionLength);
                line += lineBase + (adjusted % lineRange);
                sequence.Add((address, file, line));
                continue;
            }
            switch (opcode)
            {
                case 0:
                    var length = cursor.Uleb();
                    if (length == 0 || length > (ulong)cursor.Remaining)
                        return;
                    var next = cursor.Position + (int)length;
                    var sub = cursor.U8();
                    if (sub == 1)
                    {
                        sequence.Add((address, file, line));
                        Emit(sequence, files, version, rows);
                        sequence.Clear();
                        (address, file, line) = (0, 1, 1);
                    }
                    else if (sub == 2)
                    {
                        address = cursor.Address(addressSize == 8);
                    }
                    cursor.Position = next;
                    break;
                case 1: sequence.Add((address, file, line)); break;
                case 2: address += cursor.Uleb() * minimumInstructionLength; break;
                case 3: line += cursor.Sleb(); break;
                case 4: file = cursor.Uleb(); break;
                case 8: address += (ulong)((255 - opcodeBase) / lineRange * minimumInstructionLength); break;
                case 9: address += cursor.U16(); break;
                default:
                    for (var i = 0; i < standardLengths[opcode - 1]; i++)
                        cursor.Uleb();
                    break;
            }
            if (cursor.Failed)
                return;
        }
        _ = defaultIsStatement;
    }

    private static void Emit(List<(ulong Address, ulong File, long Line)> sequence, List<string> files, int version,
        List<(ulong, ulong, SourceLine)> rows)
    {
        for (var i = 0; i + 1 < sequence.Count; i++)
        {
            var (address, file, line) = sequence[i];
            var end = sequence[i + 1].Address;
            if (end <= address || line is <= 0 or > int.MaxValue)
                continue;
            var index = version >= 5 ? file : file - 1;
            var name = index < (ulong)files.Count ? files[(int)index] : "?";
            rows.Add((address, end, new SourceLine(name, (int)line)));
        }
    }

    private static List<string> ReadFilesV4(ref DwarfCursor cursor)
    {
        while (!cursor.Failed && cursor.CString(4096) is { Length: > 0 })
        {
        }
        var files = new List<string>();
        while (!cursor.Failed)
        {
            var name = cursor.CString(4096);
            if (name.Length == 0)
                break;
            cursor.Uleb();
            cursor.Uleb();
            cursor.Uleb();
            files.Add(name);
        }
        return files;
    }

    /// <summary>DWARF 5 directory and file tables: entry formats, then entries; only the path of each file is kept.</summary>
    private static List<string> ReadEntriesV5(ref DwarfCursor cursor, bool dwarf64, DebugSections sections)
    {
        SkipTable(ref cursor, dwarf64, sections);
        return SkipTable(ref cursor, dwarf64, sections);
    }

    private static List<string> SkipTable(ref DwarfCursor cursor, bool dwarf64, DebugSections sections)
    {
        var formatCount = cursor.U8();
        var formats = new List<(ulong Type, ulong Form)>();
        for (var i = 0; i < formatCount && !cursor.Failed; i++)
            formats.Add((cursor.Uleb(), cursor.Uleb()));
        var count = cursor.Uleb();
        var paths = new List<string>();
        for (ulong i = 0; i < count && !cursor.Failed; i++)
        {
            string? path = null;
            foreach (var (type, form) in formats)
            {
                var text = ReadForm(ref cursor, form, dwarf64, sections);
                if (type == 1)
                    path = text;
            }
            paths.Add(path ?? "?");
        }
        return paths;
    }

    private static string? ReadForm(ref DwarfCursor cursor, ulong form, bool dwarf64, DebugSections sections)
    {
        switch (form)
        {
            case 0x08: return cursor.CString(4096);
            case 0x1f: return StringAt(sections.LineStrings, dwarf64 ? cursor.U64() : cursor.U32());
            case 0x0e: return StringAt(sections.Strings, dwarf64 ? cursor.U64() : cursor.U32());
            case 0x0f: cursor.Uleb(); return null;
            case 0x0b: cursor.U8(); return null;
            case 0x05: cursor.U16(); return null;
            case 0x06: cursor.U32(); return null;
            case 0x07: cursor.U64(); return null;
            case 0x1e: cursor.Bytes(16); return null;
            case 0x09: cursor.Bytes(cursor.Uleb()); return null;
            default: cursor.Bytes(ulong.MaxValue); return null;
        }
    }

    private static string? StringAt(byte[]? strings, ulong offset)
    {
        if (strings is null || offset >= (ulong)strings.Length)
            return null;
        var cursor = new DwarfCursor(strings, (int)offset);
        var text = cursor.CString(4096);
        return cursor.Failed ? null : text;
    }
}
