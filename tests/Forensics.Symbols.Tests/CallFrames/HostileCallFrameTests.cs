using Forensics.Elf;
using Forensics.Model;
using Forensics.Symbols.CallFrames;
using Forensics.Symbols.ModuleFiles;
using Forensics.Symbols.Tests.Corpus;

namespace Forensics.Symbols.Tests.CallFrames;

/// <summary>CFI and stacks that lie: each ends in a refusal with a reason, in bounded work, never an exception.</summary>
public class HostileCallFrameTests
{
    // A GCC-style CIE: version 1, "zR", code align 1, data align -8, RA column 16, FDE encoding pcrel|sdata4,
    // initial rules CFA = rsp+8, rip at CFA-8.
    private static readonly byte[] Cie =
    [
        0x14, 0, 0, 0, 0, 0, 0, 0, 1, (byte)'z', (byte)'R', 0, 1, 0x78, 0x10, 1, 0x1b,
        0x0c, 0x07, 0x08, 0x90, 0x01, 0, 0,
    ];

    /// <summary>An FDE after the CIE above, covering 0x100 bytes from 0x1000, with the given instructions.</summary>
    private static byte[] WithFde(params byte[] instructions)
    {
        var fdeAddress = Cie.Length;
        var body = new List<byte>();
        body.AddRange(BitConverter.GetBytes(fdeAddress + 4)); // CIE pointer: back to offset 0
        body.AddRange(BitConverter.GetBytes(0x1000 - (fdeAddress + 8))); // pc_begin, pc-relative
        body.AddRange(BitConverter.GetBytes(0x100));
        body.Add(0); // augmentation data length
        body.AddRange(instructions);
        return [.. Cie, .. BitConverter.GetBytes(body.Count), .. body];
    }

    private static CallFrameEntryReader Reader(byte[] section) =>
        new(new ByteArrayAddressSpace(section), CallFrameSectionKind.EhFrame, true, 0);

    [Fact]
    public void A_well_formed_fde_gives_its_rows()
    {
        // push rbp at +1: CFA = rsp+16, rbp at CFA-16.
        var section = WithFde(0x41, 0x0e, 0x10, 0x86, 0x02);
        var fde = Reader(section).ReadFde((ulong)Cie.Length);
        Assert.NotNull(fde);
        Assert.Equal((0x1000UL, 0x1100UL), (fde.Begin, fde.End));
        var before = CallFrameProgram.RowAt(fde, 0x1000, true, out _)!;
        var after = CallFrameProgram.RowAt(fde, 0x1001, true, out _)!;
        Assert.Equal((7, 8L), (before.CfaRegister, before.CfaOffset));
        Assert.Equal((7, 16L, RegisterRuleKind.Offset, -16L), (after.CfaRegister, after.CfaOffset, after.Registers[6].Kind, after.Registers[6].Value));
    }

    [Fact]
    public void A_lying_entry_length_is_refused_without_reading_it()
    {
        var section = WithFde(0x41);
        BitConverter.GetBytes(0xfffffff0u).CopyTo(section, Cie.Length);
        var reader = Reader(section);
        Assert.Null(reader.ReadFde((ulong)Cie.Length));
        Assert.Equal($"CFI entry at [0x{Cie.Length:x}] claims [4294967280] bytes, more than [65536]", reader.Problem);
    }

    [Fact]
    public void A_length_past_the_section_is_refused()
    {
        var section = WithFde(0x41);
        BitConverter.GetBytes(0x400u).CopyTo(section, Cie.Length);
        var reader = Reader(section);
        Assert.Null(reader.ReadFde((ulong)Cie.Length));
        Assert.Contains("runs past the readable bytes", reader.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void An_fde_whose_cie_pointer_points_at_itself_is_refused()
    {
        var section = WithFde(0x41);
        BitConverter.GetBytes(4).CopyTo(section, Cie.Length + 4); // CIE pointer = its own entry
        var reader = Reader(section);
        Assert.Null(reader.ReadFde((ulong)Cie.Length));
        Assert.Equal($"no CIE at [0x{Cie.Length:x}] where an FDE points", reader.Problem);
    }

    [Fact]
    public void An_unknown_augmentation_whose_data_runs_past_the_cie_is_refused()
    {
        // Found by the cfi fuzz target: "zX" (X unknown), so the reader skips to the end of the augmentation data,
        // whose length (0x7f) points past the CIE; that position once made the next read slice before its start.
        byte[] cie = [0x0c, 0, 0, 0, 0, 0, 0, 0, 1, (byte)'z', (byte)'X', 0, 1, 0x78, 0x10, 0x7f];
        // An FDE at 0x10 whose CIE pointer (0x14 back from its field) names that CIE.
        byte[] fde = [0x0d, 0, 0, 0, 0x14, 0, 0, 0, 0, 0x10, 0, 0, 0, 1, 0, 0, 0];
        var reader = Reader([.. cie, .. fde]);
        Assert.Null(reader.ReadFde(0x10));
        Assert.Equal("CIE at [0x0] is cut short or has code alignment 0", reader.Problem);
    }

    [Fact]
    public void Remembered_states_without_end_are_bounded()
    {
        var section = WithFde([.. Enumerable.Repeat((byte)0x0a, 100)]);
        var fde = Reader(section).ReadFde((ulong)Cie.Length)!;
        Assert.Null(CallFrameProgram.RowAt(fde, 0x1010, true, out var problem));
        Assert.Equal("more than [64] DW_CFA_remember_state without restore", problem);
    }

    [Fact]
    public void An_unknown_opcode_and_a_cut_operand_are_refused()
    {
        var unknown = Reader(WithFde(0x3f)).ReadFde((ulong)Cie.Length)!;
        Assert.Null(CallFrameProgram.RowAt(unknown, 0x1010, true, out var problem));
        Assert.Equal("unknown DW_CFA opcode [0x3f] at instruction byte [0]", problem);
        var cut = Reader(WithFde(0x0c, 0x87)).ReadFde((ulong)Cie.Length)!;
        Assert.Null(CallFrameProgram.RowAt(cut, 0x1010, true, out problem));
        Assert.Equal("CFA instructions end inside an operand", problem);
    }

    [Fact]
    public void The_plt_expression_of_x86_64_is_evaluated()
    {
        // GCC/binutils' PLT rule: CFA = rsp + 8 + ((rip & 15) >= 11 ? 8 : 0).
        byte[] expression = [0x77, 0x08, 0x80, 0x00, 0x3f, 0x1a, 0x3b, 0x2a, 0x33, 0x24, 0x22];
        ulong? Registers(ulong rip, int number) => number switch { 7 => 0x7ffc_0000_1000, 16 => rip, _ => null };
        var memory = new ByteArrayAddressSpace([]);
        Assert.Equal(0x7ffc_0000_1008UL, DwarfExpression.Evaluate(expression, n => Registers(0x1026, n), memory, true, null));
        Assert.Equal(0x7ffc_0000_1010UL, DwarfExpression.Evaluate(expression, n => Registers(0x102b, n), memory, true, null));
    }

    [Fact]
    public void An_expression_that_branches_back_forever_stops()
    {
        // lit1; bra -4: back to the lit1 while the condition is true, which it always is.
        byte[] loop = [0x31, 0x28, 0xfc, 0xff];
        Assert.Null(DwarfExpression.Evaluate(loop, _ => null, new ByteArrayAddressSpace([]), true, null, out var stopped));
        Assert.Equal("it ran past [1000] steps", stopped);
    }

    [Fact]
    public void An_expression_that_pushes_without_end_stops()
    {
        // lit1; dup; dup; ... : 65 values before the 66th step.
        byte[] flood = [0x31, .. Enumerable.Repeat((byte)0x12, 100)];
        Assert.Null(DwarfExpression.Evaluate(flood, _ => null, new ByteArrayAddressSpace([]), true, null, out var stopped));
        Assert.Equal("it pushed more than [64] values", stopped);
    }

    [Fact]
    public void An_expression_that_fails_within_its_bounds_is_not_said_to_be_stopped()
    {
        // deref of an address the memory does not hold.
        byte[] unreadable = [0x31, 0x06];
        Assert.Null(DwarfExpression.Evaluate(unreadable, _ => null, new ByteArrayAddressSpace([]), true, null, out var stopped));
        Assert.Null(stopped);
    }

    [Fact]
    public void Random_bytes_as_eh_frame_index_nothing_and_throw_nothing()
    {
        var random = new Random(15);
        for (var round = 0; round < 200; round++)
        {
            var bytes = new byte[random.Next(0, 512)];
            random.NextBytes(bytes);
            var table = new ScannedFrameTable(new ByteArrayAddressSpace(bytes), CallFrameSectionKind.EhFrame, true, 0, (ulong)bytes.Length, ReadCheckpoints.Unlimited);
            for (var i = 0; i < table.Count; i++)
                _ = table.Find((ulong)random.NextInt64());
            var debug = new ScannedFrameTable(new ByteArrayAddressSpace(bytes), CallFrameSectionKind.DebugFrame, round % 2 == 0, 0, (ulong)bytes.Length, ReadCheckpoints.Unlimited);
            Assert.True(debug.Count <= bytes.Length / 8);
        }
    }

    [Fact]
    public void A_frame_pointer_chain_that_loops_ends_the_walk()
    {
        var (capture, memory) = BacktraceCorpus.Core("lib-null");
        var thread = capture.Threads.Single();
        // main's saved rbp, at [rbp] of libnull_read_value's frame, made to point at itself.
        var looping = new PatchedAddressSpace(memory, thread.FramePointer, BitConverter.GetBytes(thread.FramePointer));
        CaptureUnwinder.Unwind(capture, looping, new SymbolOptions { UseModulePaths = false });
        var frames = thread.Frames;
        Assert.InRange(frames.Count, 1, 64);
        for (var i = 1; i < frames.Count; i++)
            Assert.True(frames[i].StackPointer > frames[i - 1].StackPointer);
        Assert.NotEqual(UnwindMethod.FramePointer, frames[1].Method);
    }

    private sealed class PatchedAddressSpace(IAddressSpace inner, ulong address, byte[] bytes) : IAddressSpace
    {
        public int Read(ulong at, Span<byte> buffer)
        {
            var read = inner.Read(at, buffer);
            for (var i = 0; i < read; i++)
            {
                var position = at + (ulong)i;
                if (position >= address && position < address + (ulong)bytes.Length)
                    buffer[i] = bytes[position - address];
            }
            return read;
        }
    }
}
