using System.Buffers.Binary;
using Forensics.Model;
using Forensics.Symbols.Tests.Corpus;

namespace Forensics.Symbols.Tests.ModuleFiles;

/// <summary>
/// The lib-null crash walked with a damaged copy of its libnull.so (same build-id): each lie in the file ends in a
/// diagnostic naming it, the frames the file can still give, and no more work than the intact file costs (the same
/// budget checkpoints passed).
/// </summary>
public sealed class HostileModuleFileTests : IDisposable
{
    // readelf of corpus/backtrace's libnull.so: .eh_frame at file offset 0x2028; the FDE of libnull_read_value
    // (0x10f9..0x110a) at 0x2080, its instructions from 0x2091; .symtab is section 27.
    private const int ReadValueFde = 0x2080, ReadValueInstructions = 0x2091, SymbolTableSection = 27;
    private readonly string _folder = Directory.CreateTempSubdirectory("forensics-hostile-").FullName;

    public void Dispose() => Directory.Delete(_folder, true);

    private (CaptureBuilder Capture, CountingCheckpoint Checkpoint) WalkedWith(Action<byte[]> damage)
    {
        var bytes = File.ReadAllBytes(Path.Join(BacktraceCorpus.Sysroot, "tmp/forensics-corpus/bin/libnull.so"));
        damage(bytes);
        File.WriteAllBytes(Path.Join(_folder, "libnull.so"), bytes);
        var (capture, memory) = BacktraceCorpus.Core("lib-null");
        var checkpoint = new CountingCheckpoint();
        CaptureUnwinder.Unwind(capture, memory, new SymbolOptions { Directories = [_folder], UseModulePaths = false }, checkpoint);
        return (capture, checkpoint);
    }

    /// <summary>Checkpoints the walk with the intact file passes: modules, files, threads and tables read.</summary>
    private const int IntactChecks = 14;

    [Fact]
    public void The_intact_file_names_every_frame_by_cfi_without_a_warning()
    {
        var (capture, checkpoint) = WalkedWith(_ => { });
        Assert.Empty(Warnings(capture));
        Assert.Equal((UnwindMethod.Cfi, "libnull_read_value"), (capture.Threads.Single().Frames[1].Method, capture.Threads.Single().Frames[0].Function!));
        Assert.Equal(IntactChecks, checkpoint.Checks);
    }

    private static List<string> Warnings(CaptureBuilder capture) =>
        [.. capture.Diagnostics.Items.Where(d => d.Descriptor == DiagnosticCatalogue.MalformedModuleFile).Select(d => d.Message)];

    [Fact]
    public void A_lying_fde_length_is_named_and_the_frame_pointer_takes_over()
    {
        var (capture, checkpoint) = WalkedWith(bytes => BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(ReadValueFde), 0xffff_fff0));
        Assert.Equal(["CFI of [libnull.so]: CFI entry at [0x2080] claims [4294967280] bytes, more than [65536]"], Warnings(capture));
        var frames = capture.Threads.Single().Frames;
        Assert.Equal(("libnull_read_value", "lib_null", UnwindMethod.FramePointer), (frames[0].Function!, frames[1].Module!, frames[1].Method));
        Assert.Equal(IntactChecks, checkpoint.Checks);
    }

    [Fact]
    public void A_malformed_cfa_program_is_named_and_the_frame_pointer_takes_over()
    {
        var (capture, _) = WalkedWith(bytes => bytes[ReadValueInstructions] = 0x3f);
        Assert.Equal(["CFI of [libnull.so]: the instructions for [0x1105] are malformed: unknown DW_CFA opcode [0x3f] at instruction byte [0]"], Warnings(capture));
        Assert.Equal(UnwindMethod.FramePointer, capture.Threads.Single().Frames[1].Method);
    }

    [Fact]
    public void A_cfa_that_does_not_climb_ends_the_walk_with_a_diagnostic()
    {
        // DW_CFA_def_cfa rsp+0, then nops: the caller's stack pointer would be the callee's, a loop on one frame.
        var (capture, checkpoint) = WalkedWith(bytes => new byte[] { 0x0c, 0x07, 0x00, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 }.CopyTo(bytes, ReadValueInstructions));
        var stopped = Assert.Single(capture.Diagnostics.Items, d => d.Descriptor == DiagnosticCatalogue.StackWalkStopped);
        Assert.Equal("thread [22278]: the walk stopped after [1] frames: the stack pointer does not grow from [0x7ffe9651dcf0] to [0x7ffe9651dcf0]", stopped.Message);
        Assert.Equal("libnull_read_value", Assert.Single(capture.Threads.Single().Frames).Function);
        Assert.True(checkpoint.Checks <= IntactChecks);
    }

    [Fact]
    public void A_cfa_expression_that_loops_is_named_with_its_module_and_address_and_the_frame_pointer_takes_over()
    {
        // DW_CFA_def_cfa_expression of 4 bytes, lit1; bra -4 (a loop that never ends), then nops.
        var (capture, checkpoint) = WalkedWith(bytes => new byte[] { 0x0f, 0x04, 0x31, 0x28, 0xfc, 0xff, 0, 0, 0, 0, 0, 0, 0, 0, 0 }.CopyTo(bytes, ReadValueInstructions));
        Assert.Equal(["CFI of [libnull.so]: the DWARF expression for [0x1105] was stopped: it ran past [1000] steps"], Warnings(capture));
        var frames = capture.Threads.Single().Frames;
        Assert.Equal(("libnull_read_value", "lib_null", UnwindMethod.FramePointer), (frames[0].Function!, frames[1].Module!, frames[1].Method));
        Assert.Equal(IntactChecks, checkpoint.Checks);
    }

    [Fact]
    public void A_lying_symbol_count_is_named_and_the_functions_before_the_end_of_the_file_are_kept()
    {
        var (capture, checkpoint) = WalkedWith(bytes =>
        {
            var sectionHeaders = (int)BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(40));
            BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(sectionHeaders + SymbolTableSection * 64 + 32), 1UL << 40);
        });
        var path = Path.Join(_folder, "libnull.so");
        var warning = Assert.Single(Warnings(capture));
        Assert.StartsWith($".symtab of [{path}] claims [45812984490] symbols, the file holds [", warning, StringComparison.Ordinal);
        Assert.Equal("libnull_read_value", capture.Threads.Single().Frames[0].Function);
        Assert.Equal(IntactChecks, checkpoint.Checks);
    }
}
