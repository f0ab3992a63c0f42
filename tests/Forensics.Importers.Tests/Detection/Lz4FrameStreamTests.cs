using System.Security.Cryptography;
using Forensics.Importers.Core;
using Forensics.Importers.Detection;
using Forensics.Model;
using Forensics.TestSupport;

namespace Forensics.Importers.Tests.Detection;

/// <summary>
/// crash-null's core as lz4 wrote it for corpus/make-corpus.sh (linked 64 KiB blocks, block checksums, content size),
/// the frame format systemd-coredump's Compress=lz4 writes.
/// </summary>
public sealed class Lz4FrameStreamTests
{
    private static readonly byte[] Lz4Core = File.ReadAllBytes(TestPaths.CorpusFile("crash-null", "core.lz4"));

    [Fact]
    public void Lz4_core_decompresses_to_the_bytes_of_the_manifest()
    {
        Assert.Equal(CompressionFormat.Lz4, ContentSniffer.DetectCompression(Lz4Core));
        var (output, diagnostics) = Compressors.Decompress(Lz4Core, CompressionFormat.Lz4);
        Assert.Empty(diagnostics.Items);
        Assert.Equal(450560, output.Length);
        Assert.Equal(File.ReadAllText(TestPaths.CorpusFile("crash-null", "core.sha256.txt")).Trim(), Convert.ToHexStringLower(SHA256.HashData(output)));
    }

    [Fact]
    public void Lz4_core_imports_as_the_same_crash()
    {
        var (output, _) = Compressors.Decompress(Lz4Core, CompressionFormat.Lz4);
        var capture = CoreImporter.Import(new MemoryStream(output), "core.lz4");
        Assert.Equal((28823, 11, (ulong?)0x10UL), (capture.Pid, capture.Signal!.Number, capture.Signal.FaultAddress));
    }

    [Fact]
    public void Damaged_block_is_a_corrupt_stream_not_an_exception()
    {
        var damaged = (byte[])Lz4Core.Clone();
        // The first block's size (after the 4-byte magic and the 11-byte header) made larger than any block.
        damaged[4 + 11 + 2] = 0x7f;
        var (output, diagnostics) = Compressors.Decompress(damaged, CompressionFormat.Lz4);
        var error = Assert.Single(diagnostics.Items);
        Assert.Equal(DiagnosticCatalogue.CorruptCompressedStream.Id, error.Id);
        Assert.Contains("exceeds the frame's maximum [65536]", error.Message, StringComparison.Ordinal);
        Assert.Empty(output);
    }

    [Fact]
    public void Cut_stream_keeps_what_was_decompressed()
    {
        var (output, diagnostics) = Compressors.Decompress(Lz4Core[..(Lz4Core.Length / 2)], CompressionFormat.Lz4);
        Assert.Equal(DiagnosticCatalogue.CorruptCompressedStream.Id, Assert.Single(diagnostics.Items).Id);
        Assert.True(output.Length > 0 && output.Length % 65536 == 0, $"[{output.Length}] bytes kept");
    }
}
