namespace Forensics.Elf;

public sealed partial class ElfCoreFile
{
    private void ReadProgramHeaders(ElfHeader header)
    {
        ulong count = header.ProgramHeaderCount;
        if (count == ElfConstants.ExtendedNumbering)
            count = ReadExtendedCount(header);
        ProgramHeaderCount = count;
        if (count == 0)
            return;

        var entrySize = header.ProgramHeaderEntrySize;
        if (entrySize < header.ExpectedProgramHeaderSize)
        {
            Report(ElfProblem.BadProgramHeaderSize,
                $"e_phentsize is [{entrySize}], expected [{header.ExpectedProgramHeaderSize}]; program headers are not read", header.Is64 ? 54UL : 42UL);
            return;
        }
        if (count > (ulong)Limits.MaxProgramHeaders)
        {
            Report(ElfProblem.TooManyProgramHeaders,
                $"[{count}] program headers exceed the limit [{Limits.MaxProgramHeaders}]; only the first are read", header.ProgramHeaderOffset);
            count = (ulong)Limits.MaxProgramHeaders;
        }
        var tableOffset = header.ProgramHeaderOffset;
        var tableEnd = tableOffset + count * entrySize;
        if (tableEnd < tableOffset || FileLength is { } length && tableEnd > length)
        {
            var fits = FileLength is { } fileLength && tableOffset < fileLength ? (fileLength - tableOffset) / entrySize : 0;
            Report(ElfProblem.ProgramHeadersPastEnd,
                $"program header table [0x{tableOffset:x}] of [{count}] entries of [{entrySize}] bytes extends past the end of the file [0x{FileLength ?? 0:x}]; [{fits}] entries read",
                tableOffset);
            count = fits;
        }

        // Room for the entries the file holds, up to a few thousand: a stream's claim is not known to be true.
        _programHeaders.EnsureCapacity((int)Math.Min(count, 1 << 12));
        Span<byte> entry = stackalloc byte[header.ExpectedProgramHeaderSize];
        for (ulong index = 0; index < count; index++)
        {
            var at = tableOffset + index * entrySize;
            if (index % ReadCheckpoints.EntriesPerCheck == 0)
                _checkpoint.Check(at);
            if (Source.Read(at, entry) < entry.Length)
            {
                Report(ElfProblem.ProgramHeadersPastEnd,
                    $"program header [{index}] at [0x{at:x}] could not be read; [{index}] entries read", at);
                break;
            }
            var programHeader = ProgramHeader.Parse(entry, header.Is64, (int)index, at);
            _programHeaders.Add(programHeader);
            if (programHeader.IsLoad && CheckLoad(programHeader, header.Is64))
                _loads.Add(programHeader);
        }
        _loads.Sort((a, b) => a.VirtualAddress != b.VirtualAddress ? a.VirtualAddress.CompareTo(b.VirtualAddress) : a.Index.CompareTo(b.Index));
        ReportOverlaps();
        ReportTruncation();
    }

    private ulong ReadExtendedCount(ElfHeader header)
    {
        Span<byte> section = stackalloc byte[ElfConstants.SectionHeader64Size];
        var size = header.Is64 ? ElfConstants.SectionHeader64Size : ElfConstants.SectionHeader32Size;
        var read = header.SectionHeaderOffset == 0 ? 0 : Source.Read(header.SectionHeaderOffset, section[..size]);
        if (header.ExtendedProgramHeaderCount(section[..read]) is { } count and not 0)
            return count;
        if (read == size)
        {
            // PN_XNUM is only written for 0xffff headers or more; a count of 0 would make the core look empty.
            Report(ElfProblem.BadExtendedNumbering,
                $"e_phnum is PN_XNUM but sh_info of section header 0 at [0x{header.SectionHeaderOffset:x}] is [0]; program headers are not read",
                header.SectionHeaderOffset);
            return 0;
        }
        Report(ElfProblem.BadExtendedNumbering,
            $"e_phnum is PN_XNUM but section header 0 at [0x{header.SectionHeaderOffset:x}] cannot be read ([{read}] of [{size}] bytes); program headers are not read",
            header.SectionHeaderOffset);
        return 0;
    }

    private bool CheckLoad(ProgramHeader load, bool is64)
    {
        var top = is64 ? ulong.MaxValue : uint.MaxValue;
        if (load.VirtualAddress + load.MemorySize < load.VirtualAddress || (load.MemorySize > 0 && load.VirtualAddress + load.MemorySize - 1 > top))
        {
            Report(ElfProblem.SegmentAddressOverflow,
                $"segment [{load.Index}] at [0x{load.VirtualAddress:x}] with memsz [0x{load.MemorySize:x}] wraps past the top of the address space; ignored", load.HeaderOffset);
            return false;
        }
        if (load.FileSize > load.MemorySize)
        {
            Report(ElfProblem.FileSizeAboveMemorySize,
                $"segment [{load.Index}] has filesz [0x{load.FileSize:x}] above memsz [0x{load.MemorySize:x}]", load.HeaderOffset);
        }
        return true;
    }

    private void ReportOverlaps()
    {
        for (var index = 1; index < _loads.Count; index++)
        {
            if (index % ReadCheckpoints.EntriesPerCheck == 0)
                _checkpoint.Check(null);
            var previous = _loads[index - 1];
            var current = _loads[index];
            if (current.VirtualAddress < previous.MemoryEnd && current.MemorySize > 0)
            {
                Report(ElfProblem.OverlappingSegments,
                    $"segment [{current.Index}] at [0x{current.VirtualAddress:x}] overlaps segment [{previous.Index}] [0x{previous.VirtualAddress:x}-0x{previous.MemoryEnd:x}]",
                    current.HeaderOffset);
            }
        }
    }

    private void ReportTruncation()
    {
        if (FileLength is not { } length)
            return;
        ulong missing = 0, describedEnd = length;
        var truncated = 0;
        foreach (var load in _programHeaders)
        {
            if (load.Index % ReadCheckpoints.EntriesPerCheck == 0)
                _checkpoint.Check(load.HeaderOffset);
            if (load.FileSize == 0)
                continue;
            var end = load.Offset + load.FileSize;
            if (end < load.Offset)
                end = ulong.MaxValue;
            if (end <= length)
                continue;
            truncated++;
            missing += end - Math.Max(load.Offset, length);
            describedEnd = Math.Max(describedEnd, end);
            if (truncated <= 3)
            {
                Report(ElfProblem.SegmentPastEnd,
                    $"segment [{load.Index}] data [0x{load.Offset:x}-0x{end:x}] extends past the end of the file [0x{length:x}]", load.HeaderOffset);
            }
        }
        if (truncated > 0)
        {
            MissingBytes = missing;
            Report(ElfProblem.SegmentPastEnd,
                $"the core is truncated: the file has [{length}] bytes, its headers describe [{describedEnd}]; [{truncated}] segments lose [{missing}] bytes",
                length);
        }
    }
}
