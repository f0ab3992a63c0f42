using Forensics.Importers.Text;
using Forensics.Model;
using Forensics.TestSupport;

namespace Forensics.Importers.Tests.Text;

/// <summary>Reads corpus captures and parses them with the detected (and asserted) format.</summary>
internal static class TextSamples
{
    public static string Local(string set, string file) => SampleFile.ReadAllText(TestPaths.CorpusFile("sets", set, file));

    public static string Public(string file) => SampleFile.ReadAllText(TestPaths.CorpusFile("public", "text", file));

    /// <summary>Detects the format, checks it is <paramref name="expected"/>, and parses.</summary>
    public static CaptureBuilder Parse(string text, CaptureFormat expected)
    {
        Assert.Equal(expected, TextCaptureParsers.Detect(text));
        return TextCaptureParsers.Parse(expected, text);
    }

    public static Region Single(CaptureBuilder capture, ulong start) => Assert.Single(capture.Regions, r => r.Start == start);
}
