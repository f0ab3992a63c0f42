using System.Buffers.Binary;
using Forensics.Elf.Notes;
using Forensics.Elf.Sources;
using Forensics.TestSupport;

namespace Forensics.Elf.Tests;

/// <summary>Issue 13, points 2 and 10: counts and sizes that lie, in the ELF reader itself.</summary>
public class HostileElfTests
{
    [Fact]
    public void Extended_numbering_with_sh_info_0_is_an_error_not_an_empty_core()
    {
        var bytes = new ElfCoreBuilder { ExtendedNumbering = true }.Segment(0x1000, 0x1000, 4, [1]).Build();
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(bytes.Length - 64 + 44), 0);

        var problems = new ElfDiagnosticList();
        var file = ElfCoreFile.Read(new MemoryByteSource(bytes), problems);

        var diagnostic = Assert.Single(problems.Items);
        Assert.Equal(ElfProblem.BadExtendedNumbering, diagnostic.Problem);
        Assert.Equal((ulong)(bytes.Length - 64), diagnostic.Offset);
        Assert.Contains("is [0]", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Many_note_headers_over_the_whole_file_read_no_more_than_the_file_holds()
    {
        const int Segments = 2000;
        var builder = new ElfCoreBuilder();
        for (var index = 0; index < Segments; index++)
            builder.Segment(0x10000000 + ((ulong)index * 0x2000), 0x1000, 5);
        var bytes = builder.Build();
        for (var index = 1; index <= Segments; index++)
        {
            var header = bytes.AsSpan(builder.ProgramHeaderOffset + (index * builder.ProgramHeaderSize));
            BinaryPrimitives.WriteUInt32LittleEndian(header, 4);
            BinaryPrimitives.WriteUInt64LittleEndian(header[8..], 0);
            BinaryPrimitives.WriteUInt64LittleEndian(header[32..], (ulong)bytes.Length);
        }
        var before = GC.GetAllocatedBytesForCurrentThread();

        var problems = new ElfDiagnosticList();
        var file = ElfCoreFile.Read(new MemoryByteSource(bytes), problems);

        // Reading every header's bytes allocated Segments × the file, 230 MB.
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated < 4 * bytes.Length + (1 << 20), $"[{allocated}] bytes allocated for a [{bytes.Length}]-byte core");
        Assert.Single(problems.Items, d => d.Problem == ElfProblem.NoteSegmentTooLarge);
    }

    [Fact]
    public void Nt_file_problems_are_all_reported_and_the_readable_entries_kept()
    {
        var desc = new byte[16 + (3 * 24) + 4];
        BinaryPrimitives.WriteUInt64LittleEndian(desc, 3);
        for (var index = 0; index < 3; index++)
            BinaryPrimitives.WriteUInt64LittleEndian(desc.AsSpan(24 + (index * 24)), 0x1000);
        "/a/b"u8.CopyTo(desc.AsSpan(16 + (3 * 24)));

        var problems = new ElfDiagnosticList();
        var note = FileNote.Parse(desc, is64: true, maxEntries: 100, problems, noteOffset: 0x3a0);

        Assert.Equal(
            [new ElfDiagnostic(ElfProblem.FileNoteMalformed, 0x3a0, "NT_FILE page size is [0], not a power of two; the file offsets of its mappings are unknown"),
             new ElfDiagnostic(ElfProblem.FileNoteMalformed, 0x3a0, "NT_FILE name [0] has no terminating NUL; the [2] entries after it have no names and are not read")],
            problems.Items);
        var entry = Assert.Single(note!.Entries);
        Assert.Equal(("/a/b", (ulong?)null), (entry.Name, entry.FileOffset));
    }
}
