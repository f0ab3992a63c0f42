using Forensics.Model;

namespace Forensics.Model.Tests;

public sealed class RegionKindTests
{
    [Fact]
    public void Every_kind_has_an_id_that_parses_back()
    {
        foreach (var kind in Enum.GetValues<RegionKind>())
        {
            Assert.True(RegionKindText.TryParse(kind.ToId(), out var parsed));
            Assert.Equal(kind, parsed);
        }
    }

    [Theory]
    [InlineData(RegionKind.Text, true)]
    [InlineData(RegionKind.Relro, true)]
    [InlineData(RegionKind.Bss, true)]
    [InlineData(RegionKind.Heap, false)]
    [InlineData(RegionKind.AnonExec, false)]
    public void Image_parts_are_the_kinds_of_an_image(RegionKind kind, bool imagePart) => Assert.Equal(imagePart, kind.IsImagePart());

    [Fact]
    public void A_region_size_is_its_end_minus_its_start()
    {
        var region = new Region(0x7f1f1efc2000, 0x7f1f1efea000);

        Assert.Equal(0x28000UL, region.Size);
    }
}
