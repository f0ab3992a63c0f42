using Forensics.Importers.Detection;
using Forensics.Model;

namespace Forensics.BatchGenerator;

/// <summary>A text capture of the corpus and the format group it stands for.</summary>
internal sealed record TextTemplate(string Format, string RelativePath, string Slug, string Text);

/// <summary>A real core of the corpus: its bytes as stored, and decompressed and gzip'd on first use.</summary>
internal sealed class CoreTemplate(string relativePath, string slug, int weight, byte[] stored)
{
    private readonly Lazy<byte[]> _raw = new(() => Decompress(stored, relativePath));
    private Lazy<byte[]>? _gzip;

    public string RelativePath => relativePath;
    public string Slug => slug;
    /// <summary>How often it is picked, against the other cores' weights.</summary>
    public int Weight => weight;
    public byte[] Stored => stored;
    public byte[] Raw => _raw.Value;
    public byte[] Gzipped => LazyInitializer.EnsureInitialized(ref _gzip, () => new Lazy<byte[]>(() => Gzip(Raw))).Value;
    public string StoredExtension => Path.GetExtension(relativePath);

    private static byte[] Decompress(byte[] bytes, string name)
    {
        var format = Path.GetExtension(name) switch
        {
            ".xz" => CompressionFormat.Xz,
            ".gz" => CompressionFormat.Gzip,
            ".zst" => CompressionFormat.Zstd,
            _ => CompressionFormat.None,
        };
        if (format == CompressionFormat.None)
            return bytes;
        var diagnostics = new DiagnosticBag();
        using var input = new MemoryStream(bytes, writable: false);
        using var stream = DecompressionStream.Open(input, format, diagnostics);
        using var output = new MemoryStream();
        stream.CopyTo(output);
        if (stream.Failed)
            throw new InvalidDataException("corpus core [" + name + "] does not decompress");
        return output.ToArray();
    }

    private static byte[] Gzip(byte[] raw)
    {
        using var output = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(output, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
            gzip.Write(raw);
        return output.ToArray();
    }
}

/// <summary>The corpus files the batch is made from.</summary>
internal sealed class CorpusTemplates
{
    /// <summary>Format group, then the corpus files of that format; every group is picked equally often.</summary>
    private static readonly (string Format, string[] Paths)[] TextFormats =
    [
        ("maps", ["live/maps", "aslr-pair/run-1.maps", "aslr-pair/run-2.maps", "grow/before.maps", "grow/after.maps", "preload/maps",
                  "crash-null/maps.self", "crash-stack/maps.self", "crash-abort/maps.self", "crash-thread/maps.self",
                  "killed-by-signal/maps.self", "dotnet/maps.self"]),
        ("smaps", ["live/smaps", "grow/before.smaps", "grow/after.smaps"]),
        ("smaps-rollup", ["live/smaps_rollup"]),
        ("pmap", ["live/pmap.txt"]),
        ("pmap-q", ["live/pmap-q.txt"]),
        ("pmap-p", ["live/pmap-p.txt"]),
        ("pmap-x", ["live/pmap-x.txt"]),
        ("pmap-xx", ["live/pmap-X.txt"]),
        ("pmap-xxx", ["live/pmap-XX.txt"]),
        ("pmap-d", ["live/pmap-d.txt"]),
        ("gdb", ["live/gdb-mappings.txt"]),
        ("ticket", ["ticket/incident-ticket.md"]),
    ];

    /// <summary>The small cores (the .NET core is left out: 2 MB compressed, and its ClrMD pass would dominate the batch).</summary>
    private static readonly (string Path, string Slug, int Weight)[] Cores =
    [
        ("crash-null/core.xz", "crash-null", 8),
        ("crash-null/core.gz", "crash-null", 4),
        ("crash-null/core.zst", "crash-null", 4),
        ("crash-abort/core.xz", "crash-abort", 16),
        ("killed-by-signal/core.xz", "killed-by-signal", 16),
        ("crash-stack/core.xz", "crash-stack", 8),
        ("crash-thread/core.xz", "crash-thread", 8),
        ("live/gcore.core.xz", "live-gcore", 4),
    ];

    private CorpusTemplates(IReadOnlyList<IReadOnlyList<TextTemplate>> text, IReadOnlyList<CoreTemplate> cores)
    {
        TextByFormat = text;
        CoreList = cores;
        TotalCoreWeight = cores.Sum(c => c.Weight);
    }

    public IReadOnlyList<IReadOnlyList<TextTemplate>> TextByFormat { get; }
    public IReadOnlyList<CoreTemplate> CoreList { get; }
    public int TotalCoreWeight { get; }

    public static CorpusTemplates Load(string corpus)
    {
        var text = TextFormats.Select(group => (IReadOnlyList<TextTemplate>)group.Paths
            .Select(path => new TextTemplate(group.Format, path, Slugify(path), File.ReadAllText(Path.Combine(corpus, path))))
            .ToList()).ToList();
        var cores = Cores.Select(c => new CoreTemplate(c.Path, c.Slug, c.Weight, File.ReadAllBytes(Path.Combine(corpus, c.Path)))).ToList();
        return new CorpusTemplates(text, cores);
    }

    public CoreTemplate PickCore(ref SplitMix64 random)
    {
        var pick = random.Next(TotalCoreWeight);
        foreach (var core in CoreList)
        {
            if (pick < core.Weight)
                return core;
            pick -= core.Weight;
        }
        return CoreList[^1];
    }

    private static string Slugify(string path) =>
        new(path.Replace("/", "-", StringComparison.Ordinal).Replace("_", "-", StringComparison.Ordinal)
            .Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' ? c : '-').ToArray());
}
