using System.Globalization;
using Forensics.TestSupport;

namespace Forensics.Benchmarks;

/// <summary>
/// Names the corpus file that holds the uncompressed size in bytes of a benchmark's input
/// (written by <c>corpus/make-corpus.sh</c>), so <see cref="ThroughputColumn"/> can turn the mean into MB/s.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class InputSizeAttribute(params string[] sizeFile) : Attribute
{
    public IReadOnlyList<string> SizeFile { get; } = sizeFile;

    public long ReadSize() =>
        long.Parse(File.ReadAllText(TestPaths.CorpusFile([.. SizeFile])).Trim(), NumberStyles.None, CultureInfo.InvariantCulture);
}
