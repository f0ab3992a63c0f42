using System.Globalization;
using System.Text;

namespace Forensics.BatchGenerator;

/// <summary>
/// Writes the batch: file <c>i</c> is made from its own generator seeded by (seed, i), so the tree is the same for a
/// seed however the files are scheduled over the cores.
/// </summary>
internal sealed class BatchWriter(CorpusTemplates corpus, BatchGeneratorOptions options)
{
    /// <summary>Out of 100 files: broken ones, then cores; the rest are text captures.</summary>
    private const int BrokenPercent = 4;
    private const int CorePercent = 8;

    private int _text;
    private int _cores;
    private int _broken;

    public string Summary => string.Create(CultureInfo.InvariantCulture,
        $"{_text + _cores + _broken} files: {_text} text captures, {_cores} cores, {_broken} broken files");

    public void WriteBatch()
    {
        var hosts = Math.Min(options.Hosts, options.Count);
        for (var host = 0; host < hosts; host++)
            Directory.CreateDirectory(Path.Combine(options.Output, HostFolder(host)));
        var width = Math.Max(5, options.Count.ToString(CultureInfo.InvariantCulture).Length);
        Parallel.For(0, options.Count, index =>
        {
            var random = SplitMix64.For(options.Seed, (ulong)index);
            var folder = Path.Combine(options.Output, HostFolder(random.Next(hosts)));
            var prefix = index.ToString("D" + width.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) + "-";
            var roll = random.Next(100);
            if (roll < BrokenPercent)
            {
                var (kind, bytes) = BrokenInputMaker.Make(corpus, ref random);
                File.WriteAllBytes(Path.Combine(folder, prefix + "broken-" + kind), bytes);
                Interlocked.Increment(ref _broken);
            }
            else if (roll < BrokenPercent + CorePercent)
            {
                WriteCore(corpus.PickCore(ref random), Path.Combine(folder, prefix), ref random);
                Interlocked.Increment(ref _cores);
            }
            else
            {
                var group = corpus.TextByFormat[random.Next(corpus.TextByFormat.Count)];
                var template = group[random.Next(group.Count)];
                var text = TextCaptureMutator.Mutate(template.Text, ref random);
                File.WriteAllBytes(Path.Combine(folder, prefix + template.Slug), Encoding.UTF8.GetBytes(text));
                Interlocked.Increment(ref _text);
            }
        });
    }

    /// <summary>Half the cores as the corpus keeps them (xz, and gz/zst for crash-null), a quarter raw, a quarter gzip'd.</summary>
    private static void WriteCore(CoreTemplate core, string pathPrefix, ref SplitMix64 random)
    {
        switch (random.Next(4))
        {
            case 0:
            case 1:
                File.WriteAllBytes(pathPrefix + core.Slug + ".core" + core.StoredExtension, core.Stored);
                break;
            case 2:
                SparseFileWriter.Write(pathPrefix + core.Slug + ".core", core.Raw);
                break;
            default:
                File.WriteAllBytes(pathPrefix + core.Slug + ".core.gz", core.Gzipped);
                break;
        }
    }

    /// <summary>Raw copies of the distinct small cores in turn, for timing against tools that read only raw cores.</summary>
    public void WriteCoresOnly()
    {
        Directory.CreateDirectory(options.Output);
        var distinct = corpus.CoreList.DistinctBy(c => c.Slug).ToList();
        var width = Math.Max(4, options.CoresOnly.ToString(CultureInfo.InvariantCulture).Length);
        Parallel.For(0, options.CoresOnly, index =>
        {
            var core = distinct[index % distinct.Count];
            var name = "core-" + index.ToString("D" + width.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) + "-" + core.Slug;
            SparseFileWriter.Write(Path.Combine(options.Output, name), core.Raw);
            Interlocked.Increment(ref _cores);
        });
    }

    private static string HostFolder(int host) => "host-" + host.ToString("D2", CultureInfo.InvariantCulture);
}
