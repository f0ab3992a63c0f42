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
        var allocator = new CaptureIdAllocator([("notes.md", (3, 41)), ("set-hello/maps", null)]);

        Assert.Equal("notes-md-l3-41", allocator.Allocate("notes.md", (3, 41)));
        Assert.Equal("notes-md-l3-41-2", allocator.Allocate("notes.md", (3, 41)));
        Assert.Equal("set-hello-maps", allocator.Allocate("set-hello/maps", null));
    }

    [Fact]
    public void Paths_with_one_slug_each_get_a_hash_of_their_own_path_whatever_their_order()
    {
        (string, (int, int)?)[] paths = [("a b.maps", null), ("a-b-maps", null), ("c.maps", null)];

        foreach (var order in (int[][])[[0, 1, 2], [2, 1, 0]])
        {
            var allocator = new CaptureIdAllocator(paths);
            var ids = order.ToDictionary(i => paths[i].Item1, i => allocator.Allocate(paths[i].Item1, null));

            Assert.Equal("a-b-maps--5b04e182", ids["a b.maps"]);
            Assert.Equal("a-b-maps--02dc5be4", ids["a-b-maps"]);
            Assert.Equal("c-maps", ids["c.maps"]);
        }
    }

    [Fact]
    public void Adding_a_colliding_input_never_gives_an_id_to_another_path()
    {
        var alone = new CaptureIdAllocator([("a b.maps", null)]).Allocate("a b.maps", null);
        var added = new CaptureIdAllocator([("a b.maps", null), ("a-b-maps", null)]);

        Assert.Equal("a-b-maps", alone);
        // The bare slug is gone rather than taken by the new file; a hashed id holds "--", which no slug does.
        Assert.Equal("a-b-maps--02dc5be4", added.Allocate("a-b-maps", null));
        Assert.Equal("a-b-maps--5b04e182", added.Allocate("a b.maps", null));
    }

    [Fact]
    public void A_file_named_like_a_part_of_a_document_does_not_shift_the_part()
    {
        var allocator = new CaptureIdAllocator([("notes.md", (3, 41)), ("notes.md", (50, 60)), ("notes.md l3-41", null)]);

        Assert.Equal("notes-md-l3-41--754b6dc3", allocator.Allocate("notes.md", (3, 41)));
        Assert.Equal("notes-md-l50-60", allocator.Allocate("notes.md", (50, 60)));
        Assert.Equal("notes-md-l3-41--98fdff33", allocator.Allocate("notes.md l3-41", null));
    }

    [Fact]
    public void A_long_colliding_path_keeps_to_the_maximum_length()
    {
        // 89 characters: short enough to be kept whole, too long to take the hash as well.
        var first = string.Join('/', Enumerable.Repeat("directory", 9));
        var second = first.Replace('/', '.');
        var allocator = new CaptureIdAllocator([(first, null), (second, null)]);

        var firstId = allocator.Allocate(first, null);
        var secondId = allocator.Allocate(second, null);

        Assert.NotEqual(firstId, secondId);
        Assert.Equal(CaptureIdAllocator.MaxLength, firstId.Length);
        Assert.Matches("^directory-directory-.*-[0-9a-f]{8}--[0-9a-f]{8}$", firstId);
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
