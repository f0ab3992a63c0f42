using Forensics.Importers.Normalisation;
using Forensics.Importers.Text;
using Forensics.Model;
using Forensics.TestSupport;

namespace Forensics.Importers.Tests.Normalisation;

/// <summary>Loads a shared sample through its text parser, optionally normalised.</summary>
internal static class NormalisedSamples
{
    public static Capture Load(CaptureFormat format, params string[] parts)
    {
        var builtCapture = Parse(format, parts);
        var capture = CaptureNormalizer.Normalize(builtCapture);
        return capture;
    }

    public static CaptureBuilder Parse(CaptureFormat format, params string[] parts) =>
        ParseText(format, SampleFile.ReadAllText(TestPaths.CorpusFile(parts)), parts);

    public static CaptureBuilder ParseText(CaptureFormat format, string text, params string[] parts)
    {
        var capture = TextCaptureParsers.Parse(format, text);
        capture.InputPath = string.Join('/', parts);
        capture.Id = string.Join('-', parts);
        return capture;
    }

    public static Region RegionAt(this CaptureBuilder capture, ulong start) =>
        capture.Regions.Single(r => r.Start == start);

    public static Region RegionAt(this Capture capture, ulong start) =>
        capture.Regions.Single(r => r.Start == start);
}
