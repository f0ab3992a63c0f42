using Forensics.Importers.Clr;
using Forensics.Importers.Core;
using Forensics.Importers.Normalisation;
using Forensics.Model;
using Forensics.TestSupport;

namespace Forensics.Analysis.Tests.Crash;

/// <summary>A .NET core of the corpus imported, annotated by ClrMD and normalised, as the import pipeline does it.</summary>
internal static class DotnetCore
{
    public static Capture Load(params string[] corpusPath)
    {
        var bytes = SampleFile.ReadAllBytes(TestPaths.CorpusFile(corpusPath));
        var name = string.Join('/', corpusPath);
        var builtCapture = CoreImporter.Import(new MemoryStream(bytes, writable: false), name);
        ClrAnnotator.Annotate(builtCapture, () => new MemoryStream(bytes, writable: false), corpusPath[^1]);
        return CaptureNormalizer.Normalize(builtCapture);
    }
}
