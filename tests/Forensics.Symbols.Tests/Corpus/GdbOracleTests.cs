using Forensics.Model;

namespace Forensics.Symbols.Tests.Corpus;

/// <summary>
/// Every thread of the backtrace corpus walked with its binaries (<c>--symbols</c> at the unpacked sysroot) gives gdb's
/// frames: the same PCs, innermost first, and the same functions (gdb's <c>??</c> where neither has a symbol).
/// gdb stops at <c>main</c>; the walk goes on to <c>_start</c>, as eu-stack does.
/// </summary>
public class GdbOracleTests
{
    /// <summary>
    /// gdb names a frame with debug information by its DWARF name (no parameters, no return type) and a cold-split
    /// function by its parent; the walk names frames by their symbols, demangled as c++filt prints them. The table
    /// maps gdb's names to the walk's where they differ.
    /// </summary>
    private static readonly Dictionary<string, string> FunctionOfGdbName = new()
    {
        ["inventory::checked_quantity<long>"] = "long inventory::checked_quantity<long>(long)",
        ["inventory::Ledger::post"] = "inventory::Ledger::post(long)",
        ["third"] = "third.cold",
    };

    [Fact]
    public void The_cpp_throw_frames_are_demangled_and_keep_their_symbols()
    {
        var frames = BacktraceCorpus.Walked("cpp-throw", BacktraceCorpus.Sysroot).Threads.Single().Frames;
        Assert.Equal(
            [
                (null, null), ("raise", "raise"), ("abort", "abort"), (null, null), (null, null),
                ("std::terminate()", "_ZSt9terminatev"), ("__cxa_throw", "__cxa_throw"),
                ("long inventory::checked_quantity<long>(long)", "_ZN9inventory16checked_quantityIlEET_S1_"),
                ("inventory::Ledger::post(long)", "_ZN9inventory6Ledger4postEl"), ("main", "main"),
            ],
            frames.Take(10).Select(f => (f.Function, f.Symbol)));
    }

    [Theory]
    [InlineData("lib-null", 2)]
    [InlineData("omit-fp-abort", 7)]
    [InlineData("cpp-throw", 10)]
    [InlineData("double-free", 9)]
    [InlineData("i386-null", 2)]
    [InlineData("deep-recursion", 7939)]
    public void Crashing_thread_frames_equal_gdb(string set, int gdbFrames)
    {
        var capture = BacktraceCorpus.Walked(set, BacktraceCorpus.Sysroot);
        var crashing = capture.Threads.Single(t => t.IsCrashing);
        var expected = GdbBacktrace.Parse(BacktraceCorpus.GdbBacktrace(set))[crashing.Tid];
        Assert.Equal(gdbFrames, expected.Count);
        AssertSameFrames(expected, crashing.Frames);
        Assert.Equal(UnwindMethod.Context, crashing.Frames[0].Method);
        Assert.All(crashing.Frames.Skip(1), f => Assert.Equal(UnwindMethod.Cfi, f.Method));
        Assert.Equal("_start", crashing.Frames[^1].Function);
    }

    [Fact]
    public void Every_thread_of_the_double_free_equals_gdb()
    {
        var capture = BacktraceCorpus.Walked("double-free", BacktraceCorpus.Sysroot);
        var expected = GdbBacktrace.Parse(BacktraceCorpus.GdbBacktrace("double-free"));
        Assert.Equal([22514, 22515], capture.Threads.Select(t => t.Tid).Order());
        foreach (var thread in capture.Threads)
            AssertSameFrames(expected[thread.Tid], thread.Frames);
        // The waiter ends in clone3, whose CFI marks the return address undefined: the outermost frame.
        var waiter = capture.Threads.Single(t => t.Tid == 22515);
        Assert.Equal(4, waiter.Frames.Count);
        Assert.Equal(["pause", "waiter", null, null], waiter.Frames.Select(f => f.Function));
        Assert.Equal("libc.so.6", waiter.Frames[3].Module);
        Assert.Equal(0x1098ecUL, waiter.Frames[3].ModuleOffset);
    }

    [Fact]
    public void The_library_null_dereference_names_function_module_offset_and_line()
    {
        var frames = BacktraceCorpus.Walked("lib-null", BacktraceCorpus.Sysroot).Threads.Single().Frames;
        var top = frames[0];
        Assert.Equal((0x7fd3a464f105UL, "libnull_read_value", 0xcUL, "libnull.so", 0x1105UL, "libnull.c", 9),
            (top.ProgramCounter, top.Function, top.FunctionOffset, top.Module, top.ModuleOffset, top.File, top.Line));
        var caller = frames[1];
        Assert.Equal((0x5561cb7d7147UL, "main", "lib_null", 0x1147UL, "lib_null_main.c", 9),
            (caller.ProgramCounter, caller.Function, caller.Module, caller.ModuleOffset, caller.File, caller.Line));
        Assert.Equal(["libnull_read_value", "main", null, "__libc_start_main", "_start"], frames.Select(f => f.Function));
    }

    [Fact]
    public void The_i386_core_unwinds_through_its_32_bit_libc()
    {
        var frames = BacktraceCorpus.Walked("i386-null", BacktraceCorpus.Sysroot).Threads.Single().Frames;
        Assert.Equal([0x565ca190UL, 0x565ca1acUL, 0xf7d052d5UL, 0xf7d05398UL, 0x565ca077UL], frames.Select(f => f.ProgramCounter));
        Assert.Equal(["store", "main", null, "__libc_start_main", "_start"], frames.Select(f => f.Function));
        Assert.Equal(("i386_null.c", 11), (frames[0].File!, frames[0].Line!.Value));
    }

    internal static void AssertSameFrames(List<(ulong? Pc, string Function)> expected, IReadOnlyList<StackFrame> actual)
    {
        Assert.True(actual.Count >= expected.Count, $"{actual.Count} frames, gdb has {expected.Count}");
        for (var i = 0; i < expected.Count; i++)
        {
            var (pc, function) = expected[i];
            if (pc is { } value)
                Assert.True(value == actual[i].ProgramCounter, $"frame {i}: pc 0x{actual[i].ProgramCounter:x}, gdb 0x{value:x}");
            var name = function == "??" ? null : FunctionOfGdbName.GetValueOrDefault(function, function);
            Assert.True(name == actual[i].Function, $"frame {i}: function {actual[i].Function}, gdb {function}");
        }
    }
}
