using Forensics.Elf;
using Forensics.Elf.Sources;
using Forensics.TestSupport;

namespace Forensics.Elf.Tests;

public class ElfCoreFileTests
{
    private static string Public(params string[] parts) => TestPaths.CorpusFile(["public", "cores", .. parts]);

    [Fact]
    public void Real_x86_64_core_has_six_program_headers_and_seven_notes()
    {
        var problems = new ElfDiagnosticList();
        var file = ElfCoreFile.Read(new MemoryByteSource(File.ReadAllBytes(Public("lldb", "elf-core", "linux-x86_64.core"))), problems);
        Assert.Empty(problems.Items);
        Assert.True(file.Header!.Is64);
        Assert.Equal((ushort)4, file.Header.Type);
        Assert.Equal(6UL, file.ProgramHeaderCount);
        Assert.Equal(5, file.LoadSegments.Count);
        Assert.Equal(0x400000UL, file.LoadSegments[0].VirtualAddress);
        Assert.Equal(0xffffffffff600000UL, file.LoadSegments[^1].VirtualAddress);
        Assert.Equal(["CORE", "CORE", "CORE", "CORE", "CORE", "CORE", "LINUX"], file.Notes.Select(n => n.Owner));
        Assert.Equal([1u, 3u, 0x53494749u, 6u, 0x46494c45u, 2u, 0x202u], file.Notes.Select(n => n.Type));
    }

    [Fact]
    public void Real_i386_core_note_offsets_and_sizes_are_those_readelf_shows()
    {
        var problems = new ElfDiagnosticList();
        var file = ElfCoreFile.Read(new MemoryByteSource(File.ReadAllBytes(Public("lldb", "elf-core", "linux-i386.core"))), problems);
        Assert.False(file.Header!.Is64);
        Assert.Equal(5UL, file.ProgramHeaderCount);
        Assert.Equal(144, file.Notes[0].Descriptor.Length);
        Assert.Equal(124, file.Notes[1].Descriptor.Length);
        Assert.Equal(file.Notes[0].Offset + 20, file.Notes[0].DescriptorOffset);
    }

    [Fact]
    public void Virtual_reads_stop_where_the_dumped_bytes_end()
    {
        var bytes = new ElfCoreBuilder()
            .Segment(0x1000, 0x3000, 4, [1, 2, 3, 4, 5, 6, 7, 8])
            .Segment(0x4000, 0x1000, 4, [9, 10])
            .Build();
        var problems = new ElfDiagnosticList();
        var file = ElfCoreFile.Read(new MemoryByteSource(bytes), problems);
        Span<byte> buffer = stackalloc byte[16];
        Assert.Equal(6, file.Memory.Read(0x1002, buffer));
        Assert.Equal([3, 4, 5, 6, 7, 8], buffer[..6].ToArray());
        Assert.Equal(0, file.Memory.Read(0x2000, buffer));
        Assert.Equal(2, file.Memory.Read(0x4000, buffer));
        Assert.Equal(0, file.Memory.Read(0x5000, buffer));
        Assert.Equal(0, file.Memory.Read(0xfff, buffer[..1]));
        Assert.Equal(0x1000UL, file.Memory.Find(0x3fff)!.Value.VirtualAddress);
    }

    [Fact]
    public void Extended_numbering_takes_the_count_from_section_header_zero()
    {
        var builder = new ElfCoreBuilder { ExtendedNumbering = true }.Segment(0x1000, 0x1000, 4, [1]);
        var problems = new ElfDiagnosticList();
        var file = ElfCoreFile.Read(new MemoryByteSource(builder.Build()), problems);
        Assert.Empty(problems.Items);
        Assert.Equal(2UL, file.ProgramHeaderCount);
        Assert.Single(file.LoadSegments);
    }

    [Fact]
    public void Note_running_past_its_segment_is_reported_at_its_offset()
    {
        var builder = new ElfCoreBuilder().Note("CORE", 1, new byte[32]).Note("CORE", 2, new byte[8]);
        var bytes = builder.Build();
        var second = builder.Boundaries.Where(b => b >= builder.NoteOffset).ElementAt(2);
        BitConverter.GetBytes(4096).CopyTo(bytes, second + 4);
        var problems = new ElfDiagnosticList();
        var file = ElfCoreFile.Read(new MemoryByteSource(bytes), problems);
        var diagnostic = Assert.Single(problems.Items);
        Assert.Equal((ElfProblem.NoteRunsPastSegment, (ulong?)(ulong)second), (diagnostic.Problem, diagnostic.Offset));
        Assert.Single(file.Notes);
    }

    [Fact]
    public void Forward_stream_keeps_headers_notes_and_the_first_and_last_page_of_segments()
    {
        var builder = new ElfCoreBuilder().Segment(0x10000, 0x4000, 6, Enumerable.Range(0, 0x4000).Select(i => (byte)(i >> 12)).ToArray())
            .PrStatus(1, 11, 2, 3);
        var bytes = builder.Build();
        var problems = new ElfDiagnosticList();
        var retained = ForwardStreamReader.Read(new NonSeekableStream(bytes), CoreLimits.Default, problems);
        var file = ElfCoreFile.Read(retained, problems);
        Assert.Empty(problems.Items);
        Assert.Single(file.Notes);
        Span<byte> one = stackalloc byte[1];
        Assert.Equal(1, file.Memory.Read(0x10000, one));
        Assert.Equal(0, one[0]);
        Assert.Equal(0, file.Memory.Read(0x11000, one));
        Assert.Equal(1, file.Memory.Read(0x13fff, one));
        Assert.Equal(3, one[0]);
        Assert.True(retained.RetainedBytes < bytes.Length);
    }

    private sealed class NonSeekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
