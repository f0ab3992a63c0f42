using Forensics.Model;

namespace Forensics.Model.Tests;

/// <summary>
/// A frame keeps its optional numbers as plain fields beside flags of which are set: each reads back as set, absent
/// reads as null (never as 0), and equality and <c>with</c> see exactly the values. The frame is frame 1 of the
/// crashing thread of corpus/backtrace/cpp-throw/core.xz (libc's <c>raise+0x12</c>).
/// </summary>
public sealed class StackFrameTests
{
    private static StackFrame Raise() => new()
    {
        ProgramCounter = 0x7f586ec59fb2,
        Method = UnwindMethod.Cfi,
        Module = "libc.so.6",
        ModuleOffset = 0x3bfb2,
        Function = "raise",
        Symbol = "raise",
        FunctionOffset = 0x12,
    };

    [Fact]
    public void Set_numbers_read_back_and_absent_ones_are_null()
    {
        var frame = Raise();

        Assert.Equal((0x3bfb2UL, 0x12UL), (frame.ModuleOffset, frame.FunctionOffset));
        Assert.Null(frame.Line);
        Assert.Null(frame.File);
        Assert.Equal("raise+0x12", frame.Describe());
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
}
