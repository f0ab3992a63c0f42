using Forensics.Importers.Normalisation;
using Forensics.Importers.Text;
using Forensics.Model;
using Forensics.TestSupport;

namespace Forensics.Importers.Tests.Clr;

/// <summary>
/// The normalised <c>maps</c> of a sample set. The createdump cores of set-dotnet were taken from the same process
/// while its maps stayed identical (corpus/sets/MANIFEST.md, section 4.5), so their annotation lands on these regions.
/// </summary>
internal static class SetMaps
{
    /// <summary>The maps normalised in place, for an annotation to add to before <see cref="CaptureNormalizer.Freeze"/>.</summary>
    public static CaptureBuilder Read(string set)
    {
        var capture = TextCaptureParsers.Parse(CaptureFormat.Maps, SampleFile.ReadAllText(TestPaths.CorpusFile("sets", set, "maps")));
        CaptureNormalizer.Complete(capture);
        return capture;
    }
}
