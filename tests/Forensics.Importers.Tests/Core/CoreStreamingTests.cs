using System.IO.Compression;
using Forensics.Importers.Core;
using Forensics.Model;
using SharpCompress.Compressors.Xz;

namespace Forensics.Importers.Tests.Core;

/// <summary>
/// Compressed cores are read from forward-only decompressing streams in one pass, with no temporary copy, and
/// give the same capture as the file read at random.
/// </summary>
public class CoreStreamingTests
{
    private static readonly string KernelCore = CoreSamples.LocalCore("set-crash-null", "core.xz");
    private static readonly string Gcore = CoreSamples.LocalCore("set-crash-null", "gcore.core.xz");

    [Theory]
    [InlineData("core.xz")]
    [InlineData("gcore.core.xz")]
    public void Xz_stream_gives_the_same_capture_as_the_file(string name)
    {
        var path = CoreSamples.LocalCore("set-crash-null", name);
        using var file = File.OpenRead(path);
        using var xz = new XZStream(file);
        Assert.False(xz.CanSeek);
        AssertSame(CoreSamples.Import(path), CoreImporter.Import(xz, path));
    }

    [Fact]
    public void Bzip2_stream_of_a_32_bit_core_reads_its_program_headers_inside_the_first_64_bytes()
    {
        // ELFCLASS32: the program headers start at 0x34, before the end of a 64-bit header.
        var path = CoreSamples.PublicCore("elfutils", "testfile-x32-core.bz2");
        using var file = File.OpenRead(path);
        using var bzip2 = SharpCompress.Compressors.BZip2.BZip2Stream.Create(
            file, SharpCompress.Compressors.CompressionMode.Decompress, decompressConcatenated: true, leaveOpen: false, tolerateTruncatedStream: false);
        Assert.False(bzip2.CanSeek);
        var streamed = CoreImporter.Import(bzip2, path);
        var whole = CoreSamples.Import(path);
        Assert.Equal(15, streamed.Regions.Count);
        Assert.Equal(whole.Regions.Select(r => (r.Start, r.End, r.Name)), streamed.Regions.Select(r => (r.Start, r.End, r.Name)));
        Assert.Equal(whole.Threads.Select(t => (t.Tid, t.ProgramCounter)), streamed.Threads.Select(t => (t.Tid, t.ProgramCounter)));
        Assert.Equal(whole.Signal, streamed.Signal);
        // A stream keeps the first and last page of a segment: AT_PLATFORM's string (0xffc0b0db) lies in neither.
        Assert.Equal(("i686", (string?)null), (whole.Auxv.Single(a => a.Name == "AT_PLATFORM").Text, streamed.Auxv.Single(a => a.Name == "AT_PLATFORM").Text));
    }

    [Fact]
    public void Gzip_stream_of_a_kernel_core_gives_the_same_capture()
    {
        var bytes = CoreSamples.Bytes(KernelCore);
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
            gzip.Write(bytes);
        compressed.Position = 0;
        using var input = new GZipStream(compressed, CompressionMode.Decompress);
        AssertSame(CoreSamples.Import(KernelCore), CoreImporter.Import(input, "core.gz"));
    }

    [Fact]
    public void Zstd_stream_of_a_gcore_core_gives_the_same_capture()
    {
        var bytes = CoreSamples.Bytes(Gcore);
        using var compressed = new MemoryStream();
        using (var zstd = new ZstdSharp.CompressionStream(compressed, 1, leaveOpen: true))
            zstd.Write(bytes);
        compressed.Position = 0;
        using var input = new ZstdSharp.DecompressionStream(compressed);
        AssertSame(CoreSamples.Import(Gcore), CoreImporter.Import(input, "core.zst"));
    }

    [Theory]
    [InlineData("core.gz")]
    [InlineData("core.zst")]
    [InlineData("core.xz")]
    public void Committed_compressed_corpus_cores_read_as_streams(string name)
    {
        var path = Forensics.TestSupport.TestPaths.CorpusFile("crash-null", name);
        using var file = File.OpenRead(path);
        using Stream input = name switch
        {
            "core.gz" => new GZipStream(file, CompressionMode.Decompress),
            "core.zst" => new ZstdSharp.DecompressionStream(file),
            _ => new XZStream(file),
        };
        var capture = CoreImporter.Import(input, path);
        Assert.Empty(capture.Diagnostics.Items);
        Assert.Equal((11, (ulong?)0x10UL), (capture.Signal!.Number, capture.Signal.FaultAddress));
        Assert.Equal(25, capture.Regions.Count);
        Assert.Equal(4, capture.Images.Count(i => i.BuildId is not null));
    }

    private static void AssertSame(CaptureBuilder expected, CaptureBuilder actual)
    {
        Assert.Equal(expected.Diagnostics.Items, actual.Diagnostics.Items);
        Assert.Equal(expected.Variant, actual.Variant);
        Assert.Equal(expected.Threads.Select(t => (t.Tid, t.ProgramCounter, t.StackPointer, t.IsCrashing)),
            actual.Threads.Select(t => (t.Tid, t.ProgramCounter, t.StackPointer, t.IsCrashing)));
        Assert.Equal(expected.Signal, actual.Signal);
        Assert.Equal(expected.Process, actual.Process);
        Assert.Equal(expected.Auxv, actual.Auxv);
        Assert.Equal(expected.Regions.Select(r => (r.Start, r.End, r.Name, r.DumpedBytes, r.StatedKind, r.Permissions)),
            actual.Regions.Select(r => (r.Start, r.End, r.Name, r.DumpedBytes, r.StatedKind, r.Permissions)));
        Assert.Equal(expected.Images.Select(i => (i.Base, i.BuildId, i.BuildIdAddress, i.Path)),
            actual.Images.Select(i => (i.Base, i.BuildId, i.BuildIdAddress, i.Path)));
        Assert.Equal(4, actual.Images.Count);
    }
}
