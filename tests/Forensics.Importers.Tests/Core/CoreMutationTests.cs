using System.Buffers.Binary;
using Forensics.Elf;
using Forensics.Elf.Sources;
using Forensics.Importers.Core;
using Forensics.Model;
using Forensics.TestSupport;

namespace Forensics.Importers.Tests.Core;

/// <summary>
/// Hostile input: cores cut at every header and note boundary, lying sizes and counts, overlapping segments,
/// notes that run past their segment, PN_XNUM with a bad section header. Nothing may escape the importer,
/// nothing may be allocated from an unchecked field, and each defect ends in a diagnostic.
/// </summary>
public class CoreMutationTests
{
    private const ulong Stack = 0x7ffd0000;

    private static ElfCoreBuilder Sample(bool is64 = true, bool extended = false) =>
        new ElfCoreBuilder { Is64 = is64, Machine = (ushort)(is64 ? 62 : 3), ExtendedNumbering = extended }
            .Segment(0x400000, 0x2000, 5, new byte[0x1000])
            .Segment(Stack, 0x1000, 6, new byte[0x1000])
            .PrStatus(100, 11, 0x400123, Stack + 0x800)
            .PrPsInfo(100, "victim", "./victim ")
            .SigInfo(11, 1, 0x10)
            .Auxv((6, 0x1000))
            .FileNote(0x1000, [(0x400000, 0x402000, 0, "/bin/victim")]);

    private static CaptureBuilder Import(byte[] bytes) =>
        CoreImporter.Import(new MemoryByteSource(bytes), "mutated.core", CoreLimits.Default);

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, false)]
    [InlineData(true, true)]
    public void Synthetic_core_reads_back_what_was_written(bool is64, bool extended)
    {
        var capture = Import(Sample(is64, extended).Build());
        Assert.Empty(capture.Diagnostics.Items);
        Assert.Equal(is64 ? Architecture.X86_64 : Architecture.X86, capture.Architecture);
        var thread = Assert.Single(capture.Threads);
        Assert.Equal((100, 0x400123UL, Stack + 0x800), (thread.Tid, thread.ProgramCounter, thread.StackPointer));
        Assert.Equal((11, 1, (ulong?)0x10UL), (capture.Signal!.Number, capture.Signal.Code, capture.Signal.FaultAddress));
        Assert.Equal(("victim", "./victim"), (capture.ProcessName, capture.CommandLine));
        Assert.Equal([(0x400000UL, "/bin/victim"), (Stack, null)], capture.Regions.Select(r => (r.Start, r.Name)));
        Assert.Equal(RegionKind.Stack, capture.Regions[1].StatedKind);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Truncation_at_every_header_and_note_boundary_ends_in_a_diagnostic(bool is64)
    {
        var builder = Sample(is64);
        var bytes = builder.Build();
        foreach (var cut in builder.Boundaries.Where(b => b < bytes.Length).Concat([1, 4, 17, 40]))
        {
            var capture = Import(bytes[..cut]);
            Assert.True(capture.Diagnostics.Count > 0, $"no diagnostic for a cut at [{cut}]");
        }
    }

    [Fact]
    public void Truncated_core_reports_how_much_is_missing()
    {
        var bytes = Sample().Build();
        var capture = Import(bytes[..^0x800]);
        var summary = capture.Diagnostics.Items.Single(d => d.Id == DiagnosticCatalogue.CoreTruncated.Id);
        Assert.Contains("[2048] bytes", summary.Message, StringComparison.Ordinal);
        Assert.Contains(capture.Diagnostics.Items, d => d.Id == DiagnosticCatalogue.SegmentPastEnd.Id && d.Location.Offset == (ulong)(bytes.Length - 0x800));
    }

    public static TheoryData<string, int, byte[], string> LyingFields(bool is64)
    {
        var data = new TheoryData<string, int, byte[], string>();
        var phoff = is64 ? 64 : 52;
        var phsize = is64 ? 56 : 32;
        var noteOffset = phoff + (3 * phsize);
        data.Add("e_phnum near 2^16", is64 ? 56 : 44, [0xfe, 0xff], DiagnosticCatalogue.ProgramHeadersPastEnd.Id);
        data.Add("e_phentsize too small", is64 ? 54 : 42, [8, 0], DiagnosticCatalogue.BadProgramHeaderSize.Id);
        data.Add("e_phoff past the end", is64 ? 32 : 28, [0, 0, 0, 0x70], DiagnosticCatalogue.ProgramHeadersPastEnd.Id);
        data.Add("note p_filesz near 2^32", phoff + (is64 ? 32 : 16), [0xf0, 0xff, 0xff, 0xff], DiagnosticCatalogue.NoteSegmentTruncated.Id);
        data.Add("load p_filesz near 2^32", phoff + phsize + (is64 ? 32 : 16), [0xf0, 0xff, 0xff, 0xff], DiagnosticCatalogue.SegmentPastEnd.Id);
        data.Add("load p_offset near 2^32", phoff + phsize + (is64 ? 8 : 4), [0, 0, 0, 0xff], DiagnosticCatalogue.SegmentPastEnd.Id);
        data.Add("namesz near 2^32", noteOffset, [0xff, 0xff, 0xff, 0xff], DiagnosticCatalogue.NoteRunsPastSegment.Id);
        data.Add("descsz near 2^32", noteOffset + 4, [0xf0, 0xff, 0xff, 0xff], DiagnosticCatalogue.NoteRunsPastSegment.Id);
        data.Add("segment overlaps the previous one", phoff + (2 * phsize) + (is64 ? 16 : 8), [0, 0x10, 0x40, 0], DiagnosticCatalogue.OverlappingSegments.Id);
        data.Add("segment wraps the address space", phoff + (2 * phsize) + (is64 ? 40 : 20), is64 ? [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff] : [0xff, 0xff, 0xff, 0xff], DiagnosticCatalogue.SegmentAddressOverflow.Id);
        data.Add("class 3", 4, [3], DiagnosticCatalogue.UnsupportedClass.Id);
        data.Add("big-endian", 5, [2], DiagnosticCatalogue.UnsupportedByteOrder.Id);
        data.Add("not a core", 16, [2], DiagnosticCatalogue.NotCore.Id);
        data.Add("another machine", 18, [183], DiagnosticCatalogue.UnsupportedMachine.Id);
        return data;
    }

    public static TheoryData<string, int, byte[], string> LyingFields64 => LyingFields(true);
    public static TheoryData<string, int, byte[], string> LyingFields32 => LyingFields(false);

    [Theory]
    [MemberData(nameof(LyingFields64))]
    public void Lying_field_in_elf64_core_is_diagnosed_without_big_allocations(string defect, int offset, byte[] value, string id) =>
        AssertDiagnosed(Sample(true).Build(), defect, offset, value, id);

    [Theory]
    [MemberData(nameof(LyingFields32))]
    public void Lying_field_in_elf32_core_is_diagnosed_without_big_allocations(string defect, int offset, byte[] value, string id) =>
        AssertDiagnosed(Sample(false).Build(), defect, offset, value, id);

    [Fact]
    public void Nt_file_count_near_2_to_the_64_is_capped_by_what_fits()
    {
        var bytes = Sample().FileNote(0x1000, [(0x500000, 0x501000, 0, "/x")], count: ulong.MaxValue - 1).Build();
        var before = GC.GetAllocatedBytesForCurrentThread();
        var capture = Import(bytes);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 4 << 20);
        Assert.Contains(capture.Diagnostics.Items, d => d.Id == DiagnosticCatalogue.DuplicateNote.Id);
        var lying = Sample();
        var alone = new ElfCoreBuilder().Segment(0x500000, 0x1000, 4, new byte[16])
            .FileNote(0x1000, [(0x500000, 0x501000, 0, "/x")], count: 0xffff_ffff).Build();
        var single = Import(alone);
        Assert.Contains(single.Diagnostics.Items, d => d.Id == DiagnosticCatalogue.FileNoteProblem.Id && d.Message.Contains("[4294967295]", StringComparison.Ordinal));
        Assert.Equal("/x", Assert.Single(single.Regions).Name);
        _ = lying;
    }

    [Fact]
    public void Extended_numbering_with_a_bad_section_header_offset_is_diagnosed()
    {
        var bytes = Sample(extended: true).Build();
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(40), 0x7fff_ffff_ffff);
        var capture = Import(bytes);
        Assert.Contains(capture.Diagnostics.Items, d => d.Id == DiagnosticCatalogue.BadExtendedNumbering.Id);
        Assert.Empty(capture.Regions);
    }

    [Fact]
    public void Extended_numbering_with_a_count_near_2_to_the_32_is_capped()
    {
        var builder = Sample(extended: true);
        var bytes = builder.Build();
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(bytes.Length - 64 + 44), 0xffff_fff0);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var capture = Import(bytes);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 4 << 20);
        Assert.Contains(capture.Diagnostics.Items, d => d.Id == DiagnosticCatalogue.TooManyProgramHeaders.Id);
    }

    [Fact]
    public void X32_core_with_an_i386_sized_prstatus_is_a_short_note_and_its_regions_still_read()
    {
        var bytes = new ElfCoreBuilder { Is64 = false, Machine = 62 }.Segment(0x400000, 0x1000, 5, new byte[64])
            .PrStatus(7, 11, 1, 2).Build();
        var capture = Import(bytes);
        Assert.Equal(Architecture.X32, capture.Architecture);
        Assert.Contains(capture.Diagnostics.Items, d => d.Id == DiagnosticCatalogue.ShortNote.Id && d.Message.Contains("[296]", StringComparison.Ordinal));
        Assert.Single(capture.Regions);
        Assert.Empty(capture.Threads);
    }

    [Fact]
    public void Kdump_vmcore_and_non_linux_cores_are_named_as_such()
    {
        var vmcore = Import(new ElfCoreBuilder().Segment(0xffffffff81000000, 0x1000, 7, new byte[16]).Note("VMCOREINFO", 0, new byte[8]).Build());
        Assert.Contains(vmcore.Diagnostics.Items, d => d.Id == DiagnosticCatalogue.KernelDump.Id);
        Assert.Equal("a kdump vmcore of a whole kernel, not a process core", vmcore.UnsupportedReason);
        var freeBsd = Import(new ElfCoreBuilder { OsAbi = 9 }.Segment(0x400000, 0x1000, 5, new byte[16]).Note("FreeBSD", 1, new byte[8]).Build());
        Assert.Contains(freeBsd.Diagnostics.Items, d => d.Id == DiagnosticCatalogue.ForeignSystemCore.Id && d.Severity == DiagnosticSeverity.Error);
        Assert.Equal("a FreeBSD process core, not a Linux one", freeBsd.UnsupportedReason);
    }

    [Fact]
    public void Input_that_is_not_elf_is_diagnosed()
    {
        var capture = Import("not a core at all"u8.ToArray());
        Assert.Equal(DiagnosticCatalogue.NotElf.Id, Assert.Single(capture.Diagnostics.Items).Id);
        Assert.False(CoreImporter.LooksLikeElf("not a core"u8));
        Assert.True(CoreImporter.LooksLikeElf([0x7f, (byte)'E', (byte)'L', (byte)'F']));
    }

    [Fact]
    public void Every_single_byte_flip_in_the_headers_and_notes_of_a_real_core_is_survived()
    {
        var bytes = CoreSamples.Bytes(CoreSamples.PublicCore("lldb", "elf-core", "linux-x86_64.core"));
        var noteEnd = 0x468 + 0x800;
        for (var offset = 0; offset < Math.Min(noteEnd, bytes.Length); offset += 3)
        {
            var mutated = (byte[])bytes.Clone();
            mutated[offset] ^= 0xff;
            _ = Import(mutated);
        }
        foreach (var cut in new[] { 16, 63, 64, 120, 0x180, 0x468, 0x470, 0x5c0, 0x1000, 0x2000, bytes.Length - 1 })
            Assert.True(Import(bytes[..cut]).Diagnostics.Count > 0, $"cut at [{cut}]");
    }

    private static void AssertDiagnosed(byte[] bytes, string defect, int offset, byte[] value, string id)
    {
        value.CopyTo(bytes, offset);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var capture = Import(bytes);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated < 4 << 20, $"{defect}: [{allocated}] bytes allocated");
        Assert.True(capture.Diagnostics.Items.Any(d => d.Id == id), $"{defect}: expected [{id}], got [{string.Join("; ", capture.Diagnostics.Items)}]");
    }
}
