using System.Globalization;
using Forensics.Model;

namespace Forensics.Importers.Tests.Core;

/// <summary>
/// Our images against <c>eu-unstrip -n --core</c> (elfutils) on every real core, and against the truth where eu-unstrip
/// is wrong: libdwfl takes every dumped segment that starts with an ELF header for an image at that address, so the
/// copy of a non-PIE executable's header in its read-write segment (which maps file offset 0 again) becomes an image
/// at the wrong place when the real header page was not dumped.
/// </summary>
public class EuUnstripCrossCheckTests
{
    /// <summary>
    /// Where eu-unstrip is fooled by a copy of the header: its row (base) and the true image (base, size, build-id note
    /// address). pystack's segfault.core: the text at 0x400000 has p_filesz 0 and the page at 0x600000 maps file offset 0;
    /// the image's own PT_LOADs place it at 0x400000 (ET_EXEC, bias 0), AT_PHDR is 0x400040, and its PT_NOTE puts the
    /// build-id at 0x400284.
    /// </summary>
    private static readonly Dictionary<string, (ulong EuUnstripBase, ulong Base, ulong Size, ulong NoteAddress)> WrongInEuUnstrip = new()
    {
        ["public/cores/pystack/segfault.core"] = (0x600000, 0x400000, 0x201028, 0x400284),
    };

    [Theory]
    [MemberData(nameof(CoreSampleList.All), MemberType = typeof(CoreSampleList))]
    public void Images_match_eu_unstrip_bases_sizes_and_build_ids(string sample)
    {
        var path = CoreSampleList.PathOf(sample);
        var bytes = CoreSamples.Bytes(path);
        var expected = CoreToolRunner.Run("eu-unstrip", "-n --core", bytes)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(Parse)
            .OrderBy(m => m.Base)
            .ToList();
        Assert.NotEmpty(expected);
        if (WrongInEuUnstrip.TryGetValue(sample, out var truth))
        {
            var fooled = Assert.Single(expected, m => m.Base == truth.EuUnstripBase);
            expected[expected.IndexOf(fooled)] = (truth.Base, truth.Size, fooled.BuildId, truth.NoteAddress);
            expected.Sort((a, b) => a.Base.CompareTo(b.Base));
        }
        var capture = CoreSamples.Import(path);
        var actual = capture.Images.OrderBy(i => i.Base).ToList();

        Assert.Equal(expected.Select(m => (m.Base, m.BuildId, m.NoteAddress)), actual.Select(i => (i.Base, i.BuildId!, i.BuildIdAddress!.Value)));
        foreach (var (module, image) in expected.Zip(actual))
            Assert.Contains(module.Size, AcceptedSizes(image));
    }

    /// <summary>
    /// eu-unstrip prints the extent from the file on disk when it finds it (our End exactly); when it works from
    /// core memory alone it rounds the end up to a page.
    /// </summary>
    private static ulong[] AcceptedSizes(ImageIdentity image)
    {
        var size = image.End - image.Base;
        return [size, (size + 0xfff) & ~0xfffUL];
    }

    private static (ulong Base, ulong Size, string BuildId, ulong NoteAddress) Parse(string line)
    {
        // START+SIZE BUILDID@NOTEADDR FILE DEBUGFILE MODULENAME
        var fields = line.Split(' ');
        var range = fields[0].Split('+');
        var id = fields[1].Split('@');
        return (Hex(range[0]), Hex(range[1]), id[0], Hex(id[1]));
    }

    private static ulong Hex(string text) => ulong.Parse(text.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
}
