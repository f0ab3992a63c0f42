using Forensics.Importers.Core;
using Forensics.Model;
using Forensics.TestSupport;

namespace Forensics.Importers.Tests.Core;

/// <summary>Opens the real cores of the shared samples (local ones are stored as .xz) and imports them.</summary>
internal static class CoreSamples
{
    public static string PublicCore(params string[] parts) => TestPaths.Sample(["public", "cores", .. parts]);

    public static string LocalCore(string set, string name) => TestPaths.Sample("local", set, name);

    public static byte[] Bytes(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException("Sample core missing", path);
        return SampleFile.ReadAllBytes(path);
    }

    public static Capture Import(string path)
    {
        using var stream = new MemoryStream(Bytes(path), writable: false);
        return CoreImporter.Import(stream, path);
    }

    public static Region Region(Capture capture, ulong start) =>
        capture.Regions.Single(r => r.Start == start);
}
