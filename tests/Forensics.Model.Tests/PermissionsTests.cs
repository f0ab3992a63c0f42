using Forensics.Model;

namespace Forensics.Model.Tests;

public sealed class PermissionsTests
{
    [Theory]
    [InlineData("r-xp", true, false, true, false)]
    [InlineData("rw-s", true, true, false, true)]
    [InlineData("---p", false, false, false, false)]
    public void Kernel_permissions_are_fully_known(string text, bool read, bool write, bool execute, bool shared)
    {
        Assert.True(Permissions.TryParse(text, out var permissions));

        Assert.Equal((read, write, execute, shared), (permissions.CanRead!.Value, permissions.CanWrite!.Value, permissions.CanExecute!.Value, permissions.IsShared!.Value));
        Assert.True(permissions.IsFullyKnown);
        Assert.Equal(text, permissions.ToString());
    }

    [Fact]
    public void A_question_mark_keeps_the_sharing_of_a_core_segment_unknown()
    {
        Assert.True(Permissions.TryParse("r-x?", out var permissions));

        Assert.Null(permissions.IsShared);
        Assert.Equal("r-x?", permissions.ToString());
    }

    [Fact]
    public void Text_sources_fill_what_a_core_left_unknown()
    {
        Assert.True(Permissions.TryParse("rw-?", out var core));
        Assert.True(Permissions.TryParse("rw-p", out var maps));

        Assert.Equal("rw-p", core.FillFrom(maps).ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("rw")]
    [InlineData("xwrp")]
    [InlineData("rw-z")]
    public void Malformed_permissions_are_rejected(string text) => Assert.False(Permissions.TryParse(text, out _));

    [Fact]
    public void Write_and_execute_is_recognised()
    {
        Assert.True(Permissions.TryParse("rwxp", out var permissions));

        Assert.True(permissions.IsWritableAndExecutable);
    }
}
