using Forensics.Pipeline.Normalisation;

namespace Forensics.Pipeline.Tests.Normalisation;

public sealed class CaptureIdAllocatorTests
{
    [Fact]
    public void A_plain_path_reads_as_itself_with_slashes_as_plus_signs()
    {
        Assert.Equal("crash+null.core.xz", CaptureIdAllocator.IdOf("crash/null.core.xz", null));
        Assert.Equal("notes.md~l3-41", CaptureIdAllocator.IdOf("notes.md", (3, 41)));
    }

    // The hashes are the first 8 hex digits of `printf %s PATH | sha256sum`.
    [Fact]
    public void Any_other_path_is_a_slug_and_a_hash_of_the_path()
    {
        Assert.Equal("set-hello-pmap-x-txt--207271e9", CaptureIdAllocator.IdOf("set-hello/pmap-X.txt", null));
        Assert.Equal("a-b-maps--5b04e182", CaptureIdAllocator.IdOf("a b.maps", null));
        Assert.Equal("etc-passwd--3754d6cb", CaptureIdAllocator.IdOf("../../etc/passwd", null));
    }

    [Fact]
    public void An_id_does_not_depend_on_the_other_inputs_or_their_order()
    {
        string[] paths = ["a b.maps", "a-b-maps", "a-b.maps", "a/b.maps", "a_b.maps", "A-B.maps", "c.maps"];
        var alone = paths.ToDictionary(p => p, p => new CaptureIdAllocator().Allocate(p, null));

        foreach (var order in (string[][])[paths, [.. paths.Reverse()]])
        {
            var allocator = new CaptureIdAllocator();
            foreach (var path in order)
                Assert.Equal(alone[path], allocator.Allocate(path, null));
        }
        Assert.Equal(paths.Length, alone.Values.Distinct().Count());
        Assert.Equal("a-b-maps", alone["a-b-maps"]);
        Assert.Equal("a+b.maps", alone["a/b.maps"]);
        Assert.Equal("a_b.maps", alone["a_b.maps"]);
    }

    [Fact]
    public void A_file_named_like_a_part_of_a_document_does_not_take_the_part_s_id()
    {
        var allocator = new CaptureIdAllocator();

        Assert.Equal("notes.md~l3-41", allocator.Allocate("notes.md", (3, 41)));
        Assert.Equal("notes.md~l50-60", allocator.Allocate("notes.md", (50, 60)));
        Assert.Matches("^notes-md-l3-41--[0-9a-f]{8}$", allocator.Allocate("notes.md l3-41", null));
        Assert.Equal("notes.md-l3-41", allocator.Allocate("notes.md-l3-41", null));
    }

    [Fact]
    public void The_same_capture_asked_for_twice_gets_a_counter()
    {
        var allocator = new CaptureIdAllocator();

        Assert.Equal("notes.md~l3-41", allocator.Allocate("notes.md", (3, 41)));
        Assert.Equal("notes.md~l3-41-2", allocator.Allocate("notes.md", (3, 41)));
    }

    [Fact]
    public void Long_paths_are_cut_and_end_in_a_hash()
    {
        var plain = string.Join('/', Enumerable.Repeat("directory", 20));
        var dotted = plain.Replace('/', '.');

        var plainId = CaptureIdAllocator.IdOf(plain, null);
        Assert.True(plainId.Length <= CaptureIdAllocator.MaxLength);
        Assert.Matches("^directory-directory-.*--[0-9a-f]{8}$", plainId);
        Assert.NotEqual(plainId, CaptureIdAllocator.IdOf(dotted, null));
    }

    [Fact]
    public void Name_without_letters_or_digits_gives_a_usable_id() =>
        Assert.Matches("^capture--[0-9a-f]{8}$", CaptureIdAllocator.IdOf("/../", null));
}
