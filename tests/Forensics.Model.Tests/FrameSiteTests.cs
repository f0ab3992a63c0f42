using Forensics.Model;

namespace Forensics.Model.Tests;

/// <summary>
/// A site keeps its optional numbers as plain fields beside flags of which are set: each reads back as set, absent
/// reads as null (never as 0), and equality and <c>with</c> see exactly the values. A frame reads its site's values
/// and adds its own stack pointer and method. The site is that of frame 1 of the crashing thread of
/// corpus/backtrace/cpp-throw/core.xz (libc's <c>raise+0x12</c>).
/// </summary>
public sealed class FrameSiteTests
{
    private static FrameSite Raise() => new()
    {
        ProgramCounter = 0x7f586ec59fb2,
        Module = "libc.so.6",
        ModuleOffset = 0x3bfb2,
        Function = "raise",
        Symbol = "raise",
        FunctionOffset = 0x12,
    };

    [Fact]
    public void Set_numbers_read_back_and_absent_ones_are_null()
    {
        var site = Raise();

        Assert.Equal((0x3bfb2UL, 0x12UL), (site.ModuleOffset, site.FunctionOffset));
        Assert.Null(site.Line);
        Assert.Null(site.File);
        Assert.Equal("raise+0x12", site.Describe());
    }

    [Fact]
    public void Zero_is_a_value_and_null_clears_it()
    {
        var atZero = Raise() with { FunctionOffset = 0, Line = 0 };
        Assert.Equal((0UL, 0), (atZero.FunctionOffset, atZero.Line));
        Assert.Equal("raise", atZero.Describe());

        var cleared = atZero with { ModuleOffset = null, FunctionOffset = null, Function = null, Line = null };
        Assert.Equal((null, null, null), (cleared.ModuleOffset, cleared.FunctionOffset, cleared.Line));
        Assert.Equal("0x7f586ec59fb2", cleared.Describe());
    }

    [Fact]
    public void Equality_sees_the_values_not_how_they_are_kept()
    {
        Assert.Equal(Raise(), Raise());
        Assert.Equal(Raise(), Raise() with { Line = 7 } with { Line = null });
        Assert.NotEqual(Raise(), Raise() with { Line = 0 });
        Assert.NotEqual(Raise(), Raise() with { FunctionOffset = null });
        Assert.Equal(Raise().GetHashCode(), (Raise() with { ModuleOffset = 1 } with { ModuleOffset = 0x3bfb2 }).GetHashCode());
    }

    [Fact]
    public void A_frame_reads_its_site_and_keeps_its_own_stack_pointer_and_method()
    {
        var site = Raise();
        var frame = new StackFrame(site, 0x7ffc3c2d7a10, UnwindMethod.Cfi);

        Assert.Equal((0x7f586ec59fb2UL, "libc.so.6", 0x3bfb2UL, "raise", "raise", 0x12UL),
            (frame.ProgramCounter, frame.Module, frame.ModuleOffset, frame.Function, frame.Symbol, frame.FunctionOffset));
        Assert.Equal("raise+0x12", frame.Describe());
        Assert.Equal(frame, new StackFrame(Raise(), 0x7ffc3c2d7a10, UnwindMethod.Cfi));
        Assert.NotEqual(frame, frame with { StackPointer = 0x7ffc3c2d7a18 });
        Assert.NotEqual(frame, frame with { Method = UnwindMethod.FramePointer });
    }
}
