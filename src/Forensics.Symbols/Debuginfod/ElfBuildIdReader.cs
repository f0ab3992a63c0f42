using System.Buffers.Binary;
using Forensics.Elf;

namespace Forensics.Symbols.Debuginfod;

/// <summary>
/// The GNU build-id of an ELF file on disk, from its SHT_NOTE sections (kept in separate debug files, whose program
/// headers point at no data) or else its PT_NOTE segments. Every count and offset is checked against the file's size.
/// </summary>
public static class ElfBuildIdReader
{
    private const uint SectionNote = 7, NoteGnuBuildId = 3;
    private const int MaxHeaders = 4096, MaxNoteBytes = 1 << 16, MaxBuildIdBytes = 64;

    /// <summary>The build-id in lower-case hex, or null with the reason in <paramref name="problem"/>.</summary>
    public static string? TryRead(string path, out string? problem)
    {
        try
        {
            using var file = File.OpenRead(path);
            return TryRead(file, out problem);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            problem = $"[{path}] cannot be read: {error.Message}";
            return null;
        }
    }

    /// <summary>The build-id of the ELF file in a seekable <paramref name="file"/>, or null with the reason.</summary>
    public static string? TryRead(Stream file, out string? problem)
    {
        var head = new byte[ElfConstants.Header64Size];
        var headLength = ReadAt(file, 0, head);
        var headerProblems = new ElfDiagnosticList();
        var header = ElfHeader.Parse(head.AsSpan(0, headLength), headerProblems);
        var headerProblem = headerProblems.Items.Count > 0 ? headerProblems.Items[0].Message : "no ELF header";
        if (header is null)
        {
            problem = $"not an ELF file: {headerProblem}";
            return null;
        }
        if (header.Data != ElfConstants.DataLittleEndian)
        {
            problem = $"ELF data encoding [{header.Data}] is not little-endian";
            return null;
        }
        var fromSections = FromSections(file, header);
        var buildId = fromSections ?? FromSegments(file, header);
        problem = buildId is null ? "the ELF file has no GNU build-id note" : null;
        return buildId;
    }

    private static string? FromSections(Stream file, ElfHeader header)
    {
        var entrySize = header.Is64 ? ElfConstants.SectionHeader64Size : ElfConstants.SectionHeader32Size;
        if (header.SectionHeaderCount is 0 or > MaxHeaders || header.SectionHeaderEntrySize < entrySize)
            return null;
        var entry = new byte[entrySize];
        for (var index = 0; index < header.SectionHeaderCount; index++)
        {
            var at = header.SectionHeaderOffset + ((ulong)index * header.SectionHeaderEntrySize);
            if (ReadAt(file, at, entry) < entrySize || BinaryPrimitives.ReadUInt32LittleEndian(entry.AsSpan(4)) != SectionNote)
                continue;
            var offset = header.Is64 ? BinaryPrimitives.ReadUInt64LittleEndian(entry.AsSpan(24)) : BinaryPrimitives.ReadUInt32LittleEndian(entry.AsSpan(16));
            var size = header.Is64 ? BinaryPrimitives.ReadUInt64LittleEndian(entry.AsSpan(32)) : BinaryPrimitives.ReadUInt32LittleEndian(entry.AsSpan(20));
            var alignment = header.Is64 ? BinaryPrimitives.ReadUInt64LittleEndian(entry.AsSpan(48)) : BinaryPrimitives.ReadUInt32LittleEndian(entry.AsSpan(32));
            if (FindInNotes(file, offset, size, alignment == 8 ? 8 : 4) is { } buildId)
                return buildId;
        }
        return null;
    }

    private static string? FromSegments(Stream file, ElfHeader header)
    {
        if (header.ProgramHeaderCount is 0 or > MaxHeaders || header.ProgramHeaderEntrySize < header.ExpectedProgramHeaderSize)
            return null;
        var entry = new byte[header.ExpectedProgramHeaderSize];
        for (var index = 0; index < header.ProgramHeaderCount; index++)
        {
            var at = header.ProgramHeaderOffset + ((ulong)index * header.ProgramHeaderEntrySize);
            if (ReadAt(file, at, entry) < entry.Length)
                continue;
            var segment = ProgramHeader.Parse(entry, header.Is64, index, at);
            if (segment.IsNote && FindInNotes(file, segment.Offset, segment.FileSize, segment.Align == 8 ? 8 : 4) is { } buildId)
                return buildId;
        }
        return null;
    }

    private static string? FindInNotes(Stream file, ulong offset, ulong size, int alignment)
    {
        var bytes = new byte[(int)Math.Min(size, MaxNoteBytes)];
        var length = ReadAt(file, offset, bytes);
        var notes = bytes.AsSpan(0, length);
        var position = 0;
        while (notes.Length - position >= 12)
        {
            var nameSize = BinaryPrimitives.ReadUInt32LittleEndian(notes[(position)..]);
            var descriptorSize = BinaryPrimitives.ReadUInt32LittleEndian(notes[(position + 4)..]);
            var type = BinaryPrimitives.ReadUInt32LittleEndian(notes[(position + 8)..]);
            var nameStart = (long)position + 12;
            var descriptorStart = Align(nameStart + nameSize, alignment);
            var descriptorEnd = descriptorStart + descriptorSize;
            if (descriptorEnd > notes.Length)
                return null;
            if (type == NoteGnuBuildId && nameSize == 4 && notes.Slice((int)nameStart, 4).SequenceEqual("GNU\0"u8)
                && descriptorSize is > 0 and <= MaxBuildIdBytes)
                return Convert.ToHexStringLower(notes[(int)descriptorStart..(int)descriptorEnd]);
            position = (int)Align(descriptorEnd, alignment);
        }
        return null;
    }

    private static long Align(long value, int alignment) => (value + alignment - 1) & ~(long)(alignment - 1);

    private static int ReadAt(Stream file, ulong offset, byte[] buffer)
    {
        if (offset >= (ulong)file.Length)
            return 0;
        file.Position = (long)offset;
        return file.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
    }
}
