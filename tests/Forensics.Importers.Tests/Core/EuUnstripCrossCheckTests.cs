using System.Globalization;
using Forensics.Model;

namespace Forensics.Importers.Tests.Core;

/// <summary>Our images against <c>eu-unstrip -n --core</c> (elfutils) on every real core.</summary>
public class EuUnstripCrossCheckTests
{
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
