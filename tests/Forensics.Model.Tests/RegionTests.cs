using Forensics.Model;

namespace Forensics.Model.Tests;

/// <summary>
/// A region keeps its values packed (one 32-bit field for permissions, kinds, sources and flags; rare values in a side
/// object; a module named as the region as one flag): every value reads back as set, on line 10 of
/// corpus/aslr-pair/run-1.maps (libc's text).
/// </summary>
public sealed class RegionTests
{
    private const string Libc = "/usr/lib/x86_64-linux-gnu/libc.so.6";

    private static Region LibcText() => new(0x7ff03d27a000, 0x7ff03d3d0000)
    {
        Permissions = Permissions.Of(read: true, write: false, execute: true, shared: false),
        Offset = 0x26000,
        Device = "fe:00",
        Inode = 332096,
        Name = Libc,
        Sources = RegionSources.Maps | RegionSources.CoreLoad | RegionSources.CoreFile,
        Location = SourceLocation.AtLine(10),
        Kind = RegionKind.Text,
        StatedKind = RegionKind.Guard,
    };

    [Fact]
    public void Every_value_of_a_maps_line_reads_back_as_set()
    {
        var region = LibcText();
        region.Deleted = true;
        region.NameTruncated = true;

        Assert.Equal("r-xp", region.Permissions.ToString());
        Assert.Equal((0x26000UL, "fe:00", 332096UL), (region.Offset, region.Device, region.Inode));
        Assert.Equal(RegionSources.Maps | RegionSources.CoreLoad | RegionSources.CoreFile, region.Sources);
        Assert.Equal((RegionKind.Text, RegionKind.Guard), (region.Kind, region.StatedKind));
        Assert.Equal(SourceLocation.AtLine(10), region.Location);
        Assert.Equal((true, false, true), (region.Deleted, region.NameIsBasename, region.NameTruncated));
        Assert.Equal("7ff03d27a000-7ff03d3d0000 r-xp " + Libc + " (deleted)", region.ToString());
        Assert.Null(region.DumpedBytes);
        Assert.Null(region.Metrics);
    }

    [Fact]
    public void Unknown_values_stay_unknown_and_a_cleared_value_becomes_unknown()
    {
        var region = new Region(0x7ff03d27a000, 0x7ff03d3d0000);
        Assert.Equal((Permissions.Unknown, (ulong?)null, (ulong?)null, SourceLocation.None), (region.Permissions, region.Offset, region.Inode, region.Location));

        var text = LibcText();
        text.Offset = null;
        text.Location = SourceLocation.AtOffset(0x3a8);
        Assert.Null(text.Offset);
        Assert.Equal(SourceLocation.AtOffset(0x3a8), text.Location);
        Assert.Equal(332096UL, text.Inode);
    }

    [Fact]
    public void A_module_named_as_the_region_keeps_its_name_when_the_region_is_renamed()
    {
        var region = LibcText();
        region.Module = string.Concat("/usr/lib/x86_64-linux-gnu/", "libc.so.6");
        Assert.Equal(Libc, region.Module);

        region.Name = "libc.so.6";
        Assert.Equal((Libc, "libc.so.6"), (region.Module, region.Name));

        region.Module = null;
        Assert.Null(region.Module);
    }

    [Fact]
    public void An_unnamed_region_of_an_image_has_its_own_module()
    {
        // The bss after libc's data: anonymous, yet part of the image.
        var bss = new Region(0x7ff03d429000, 0x7ff03d436000) { Module = Libc, Kind = RegionKind.Bss };

        Assert.Equal(Libc, bss.Module);
        Assert.Null(bss.Name);
        bss.Name = "[anon:bss]";
        Assert.Equal(Libc, bss.Module);
    }

    [Fact]
    public void A_kind_or_source_beyond_its_field_is_refused()
    {
        var region = LibcText();

        Assert.Throws<ArgumentOutOfRangeException>(() => region.Kind = (RegionKind)32);
        Assert.Throws<ArgumentOutOfRangeException>(() => region.Sources = (RegionSources)64);
        Assert.Equal((RegionKind.Text, RegionSources.Maps | RegionSources.CoreLoad | RegionSources.CoreFile), (region.Kind, region.Sources));
    }
}
