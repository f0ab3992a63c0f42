using System.Text;
using Forensics.Importers.Containers.Apport;
using Forensics.Importers.Containers.Minidump;
using Forensics.Importers.Core;
using Forensics.Importers.Detection;
using Forensics.Importers.Text;
using Forensics.Model;
using Forensics.Pipeline;
using Forensics.Symbols.Demangling;

namespace Forensics.Fuzzing;

/// <summary>
/// One fuzz target per importer, each taking the raw input bytes. A target returns normally for any input:
/// an exception that escapes is a bug, since importers must turn bad input into diagnostics.
/// </summary>
internal static class FuzzTargets
{
    /// <summary>Target names in the order the usage text lists them.</summary>
    public static IReadOnlyList<string> Names { get; } = ["maps", "smaps", "pmap", "gdb", "text-any", "core", "pipeline", "gz", "xz", "zst", "bz2", "batch", "demangle", "minidump", "apport", "cfi", "module-file"];

    /// <summary>The target called <paramref name="name"/>, or null when there is none.</summary>
    public static Action<byte[]>? Find(string name) => name switch
    {
        "maps" => bytes => ParseText(CaptureFormat.Maps, bytes),
        "smaps" => bytes => ParseText(CaptureFormat.Smaps, bytes),
        "pmap" => bytes => ParseText(CaptureFormat.PmapExtended, bytes),
        "gdb" => bytes => ParseText(CaptureFormat.Gdb, bytes),
        "text-any" => DetectAndParse,
        "core" => ImportCore,
        "pipeline" => ImportThroughPipeline,
        // One target per compression layer: the input is that layer's stream, its magic forced so every run decodes.
        "gz" => bytes => ImportThroughPipeline(WithMagic([0x1f, 0x8b], bytes)),
        "xz" => bytes => ImportThroughPipeline(WithMagic([0xfd, (byte)'7', (byte)'z', (byte)'X', (byte)'Z', 0x00], bytes)),
        "zst" => bytes => ImportThroughPipeline(WithMagic([0x28, 0xb5, 0x2f, 0xfd], bytes)),
        "bz2" => bytes => ImportThroughPipeline(WithMagic([(byte)'B', (byte)'Z', (byte)'h', (byte)'9'], bytes)),
        "batch" => DirectoryFuzzing.ListAndAnalyse,
        "demangle" => Demangle,
        "minidump" => ImportMinidump,
        "apport" => ImportApport,
        "cfi" => CallFrameFuzzing.IndexAndRun,
        "module-file" => ModuleFileFuzzing.ReadAndLookUp,
        _ => null,
    };

    private static void ParseText(CaptureFormat format, byte[] bytes)
    {
        var text = Encoding.UTF8.GetString(bytes);
        Consume(TextCaptureParsers.Parse(format, text));
    }

    private static void DetectAndParse(byte[] bytes)
    {
        var text = Encoding.UTF8.GetString(bytes);
        if (TextCaptureParsers.Detect(text) is { } format)
            Consume(TextCaptureParsers.Parse(format, text));
        foreach (var capture in TextDocumentImporter.Import(text))
            Consume(capture);
    }

    private static void ImportCore(byte[] bytes)
    {
        using var seekable = new MemoryStream(bytes, writable: false);
        Consume(CoreImporter.Import(seekable, "fuzz.core"));
        // A decompressing stream cannot seek: the reader then takes its forward-only path.
        using var forwardOnly = new ForwardOnlyStream(bytes);
        Consume(CoreImporter.Import(forwardOnly, "fuzz.core"));
    }

    private static void ImportMinidump(byte[] bytes)
    {
        using var seekable = new MemoryStream(bytes, writable: false);
        Consume(MinidumpImporter.Import(seekable, "fuzz.dmp"));
        // A compressed minidump is read through a forward-only stream into memory first.
        using var forwardOnly = new ForwardOnlyStream(bytes);
        Consume(MinidumpImporter.Import(forwardOnly, "fuzz.dmp"));
    }

    private static void ImportApport(byte[] bytes)
    {
        using var stream = new ForwardOnlyStream(bytes);
        Consume(ApportImporter.Import(stream, "fuzz.crash"));
    }

    private static void ImportThroughPipeline(byte[] bytes)
    {
        var path = Path.Combine(Path.GetTempPath(), $"forensics-fuzz-{Environment.ProcessId}.input");
        File.WriteAllBytes(path, bytes);
        try
        {
            var batch = new BatchImporter().ImportFile(path, "fuzz.input");
            foreach (var capture in batch.Captures)
                Consume(capture.Regions, capture.MappedBytes, capture.Diagnostics.Count);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static byte[] WithMagic(byte[] magic, byte[] bytes)
    {
        var stream = bytes.Length >= magic.Length ? (byte[])bytes.Clone() : [.. bytes, .. new byte[magic.Length - bytes.Length]];
        magic.CopyTo(stream, 0);
        return stream;
    }

    /// <summary>The demangler must answer any text with a name or null, within its output limit.</summary>
    private static void Demangle(byte[] bytes)
    {
        var name = Encoding.UTF8.GetString(bytes);
        if (Demangler.TryDemangle(name) is { Length: > DemanglerLimits.MaxOutputLength })
            throw new InvalidOperationException("the demangled text exceeds the output limit");
    }

    /// <summary>Touches what an analysis would read, so lazily built parts of a capture run too.</summary>
    private static void Consume(CaptureBuilder capture) => Consume(capture.Regions, capture.MappedBytes, capture.Diagnostics.Count);

    private static void Consume(IReadOnlyList<Region> regions, ulong mappedBytes, int diagnostics)
    {
        foreach (var region in regions)
            _ = region.Name?.Length;
        _ = mappedBytes;
        _ = diagnostics;
    }
}
