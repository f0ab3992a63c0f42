using Forensics.Importers.Core;
using Forensics.Model;
using Forensics.TestSupport;

namespace Forensics.Importers.Tests.Core;

/// <summary>Opens the real cores of the corpus (those of the tool sets are stored as .xz) and imports them.</summary>
internal static class CoreSamples
{
    public static string PublicCore(params string[] parts) => TestPaths.CorpusFile(["public", "cores", .. parts]);

    public static string LocalCore(string set, string name) => TestPaths.CorpusFile("sets", set, name);

    public static byte[] Bytes(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException("Sample core missing", path);
        return SampleFile.ReadAllBytes(path);
    }

    public static CaptureBuilder Import(string path)
    {
        using var stream = new MemoryStream(Bytes(path), writable: false);
        return CoreImporter.Import(stream, path);
    }

    public static Region Region(CaptureBuilder capture, ulong start) =>
        capture.Regions.Single(r => r.Start == start);
}
