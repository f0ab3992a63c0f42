using Forensics.Pipeline.Normalisation;

namespace Forensics.Pipeline.Tests.Normalisation;

public sealed class CaptureIdAllocatorTests
{
    [Fact]
    public void Slug_keeps_lower_case_letters_digits_and_single_dashes() =>
        Assert.Equal("set-hello-pmap-x-txt", CaptureIdAllocator.Slug("set-hello/pmap-X.txt"));

    [Fact]
    public void Slug_of_a_path_that_tries_to_escape_stays_inside_the_folder() =>
        Assert.Equal("etc-passwd", CaptureIdAllocator.Slug("../../etc/passwd"));

    [Fact]
    public void Line_range_is_part_of_the_id_and_repeats_get_a_counter()
    {
        var allocator = new CaptureIdAllocator();

        Assert.Equal("notes-md-l3-41", allocator.Allocate("notes.md", (3, 41)));
        Assert.Equal("notes-md-l3-41-2", allocator.Allocate("notes.md", (3, 41)));
        Assert.Equal("set-hello-maps", allocator.Allocate("set-hello/maps", null));
    }

    [Fact]
    public void Long_paths_are_cut_and_end_in_a_hash()
    {
        var slug = CaptureIdAllocator.Slug(string.Join('/', Enumerable.Repeat("directory", 20)));

        Assert.Equal(CaptureIdAllocator.MaxLength, slug.Length);
        Assert.Matches("^directory-directory-.*-[0-9a-f]{8}$", slug);
    }

    [Fact]
    public void Name_without_letters_or_digits_gives_a_usable_id() =>
        Assert.Equal("capture", CaptureIdAllocator.Slug("/../"));
}
