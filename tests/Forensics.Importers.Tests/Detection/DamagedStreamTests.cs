using System.Buffers.Binary;
using Forensics.Importers.Detection;
using Forensics.Pipeline;
using Forensics.Pipeline.Importing;
using Forensics.Model;
using Forensics.TestSupport;

namespace Forensics.Importers.Tests.Detection;

/// <summary>
/// Issue 13, point 5: a compressed stream that does not end cleanly and verify is corrupt or truncated, with what
/// was decompressed before the damage kept: bzip2 block and stream CRCs, the xz check, index and footer, the gzip
/// CRC-32 and ISIZE, and the zstd checksum when the frame has one.
/// </summary>
public sealed class DamagedStreamTests
{
    private static readonly byte[] Payload = PayloadOf(200_000);
    private static readonly string BigMapsXz = TestPaths.CorpusFile("sets", "set-big", "maps.xz");

    /// <summary>Maps-like lines that compress well but not to nothing; several bzip2 blocks at level 1.</summary>
    private static byte[] PayloadOf(int lines) =>
        System.Text.Encoding.ASCII.GetBytes(string.Concat(Enumerable.Range(0, lines / 100).Select(i =>
            $"{0x10000000 + (i * 0x2000):x}-{0x10001000 + (i * 0x2000):x} r--p {i * 7919 % 100000:x8} 08:01 {i * 31} /usr/lib/lib{i % 97}.so\n")));

    private static void AssertDamaged(byte[] damaged, CompressionFormat format, byte[] original)
    {
        var (output, diagnostics) = Compressors.Decompress(damaged, format);
        var diagnostic = Assert.Single(diagnostics.Items);
        Assert.Equal((DiagnosticSeverity.Error, DiagnosticCatalogue.CorruptCompressedStream.Id), (diagnostic.Severity, diagnostic.Id));
        Assert.Contains($"after [{output.Length}] decompressed bytes", diagnostic.Message, StringComparison.Ordinal);
        Assert.True(output.Length <= original.Length);
    }

    private static byte[] Flip(byte[] bytes, int at, byte mask = 0xff)
    {
        var copy = bytes.ToArray();
        copy[at < 0 ? copy.Length + at : at] ^= mask;
        return copy;
    }

    public static TheoryData<string> Bzip2Damage => new() { "half", "three-quarters", "block-crc", "stream-crc", "bit-flip" };

    [Theory]
    [MemberData(nameof(Bzip2Damage))]
    public void Damaged_bzip2_is_reported(string damage)
    {
        var compressed = Compressors.Bzip2(Payload);
        var damaged = damage switch
        {
            "half" => compressed[..(compressed.Length / 2)],
            "three-quarters" => compressed[..(compressed.Length * 3 / 4)],
            // 'BZh9', the block magic, then the block's CRC.
            "block-crc" => Flip(compressed, 10),
            // The stream ends with the combined CRC, then padding to a byte.
            "stream-crc" => Flip(compressed, -2),
            _ => Flip(compressed, compressed.Length / 2, 0x10),
        };
        AssertDamaged(damaged, CompressionFormat.Bzip2, Payload);
    }

    [Fact]
    public void Whole_bzip2_and_xz_streams_verify()
    {
        Assert.Empty(Compressors.Decompress(Compressors.Bzip2(Payload), CompressionFormat.Bzip2).Diagnostics.Items);
        Assert.Empty(Compressors.Decompress(File.ReadAllBytes(BigMapsXz), CompressionFormat.Xz).Diagnostics.Items);
        Assert.Empty(Compressors.Decompress(Compressors.Gzip(Payload), CompressionFormat.Gzip).Diagnostics.Items);
        Assert.Empty(Compressors.Decompress(Compressors.Zstd(Payload, checksum: true), CompressionFormat.Zstd).Diagnostics.Items);
    }

    public static TheoryData<string> XzDamage => new() { "footer-magic", "footer-flags", "footer-crc", "backward-size", "check", "index", "cut-footer", "half" };

    [Theory]
    [MemberData(nameof(XzDamage))]
    public void Damaged_xz_is_reported(string damage)
    {
        var compressed = File.ReadAllBytes(BigMapsXz);
        var (original, _) = Compressors.Decompress(compressed, CompressionFormat.Xz);
        var indexSize = (int)((BinaryPrimitives.ReadUInt32LittleEndian(compressed.AsSpan(compressed.Length - 8)) + 1) * 4);
        var indexStart = compressed.Length - 12 - indexSize;
        var damaged = damage switch
        {
            "footer-magic" => Flip(compressed, -1),
            "footer-flags" => Flip(compressed, -3),
            "footer-crc" => Flip(compressed, -12),
            "backward-size" => Flip(compressed, -8, 0x01),
            // The stream header's flags say CRC64: the last block's 8-byte check is just before the index.
            "check" => Flip(compressed, indexStart - 1),
            "index" => Flip(compressed, indexStart + 2),
            "cut-footer" => compressed[..^12],
            _ => compressed[..(compressed.Length / 2)],
        };
        AssertDamaged(damaged, CompressionFormat.Xz, original);
    }

    public static TheoryData<string> GzipDamage => new() { "crc", "isize", "cut-trailer" };

    [Theory]
    [MemberData(nameof(GzipDamage))]
    public void Damaged_gzip_is_reported(string damage)
    {
        var compressed = Compressors.Gzip(Payload);
        var damaged = damage switch
        {
            "crc" => Flip(compressed, -8),
            "isize" => Flip(compressed, -4),
            _ => compressed[..^8],
        };
        AssertDamaged(damaged, CompressionFormat.Gzip, Payload);
    }

    [Fact]
    public void A_zstd_frame_failing_its_checksum_is_reported()
    {
        var compressed = Compressors.Zstd(Payload, checksum: true);
        AssertDamaged(Flip(compressed, -1), CompressionFormat.Zstd, Payload);
    }

    [Fact]
    public void A_zstd_stream_cut_inside_its_frame_is_truncated()
    {
        var compressed = Compressors.Zstd(Payload, checksum: true);
        AssertDamaged(compressed[..(compressed.Length / 2)], CompressionFormat.Zstd, Payload);
        AssertDamaged(compressed[..^1], CompressionFormat.Zstd, Payload);
    }

    [Fact]
    public void Concatenated_zstd_frames_are_read_as_one_stream()
    {
        var compressed = Compressors.Zstd(Payload, checksum: true);
        var (output, diagnostics) = Compressors.Decompress([.. compressed, .. compressed], CompressionFormat.Zstd);
        Assert.Empty(diagnostics.Items);
        Assert.Equal([.. Payload, .. Payload], output);
    }

    [Fact]
    public void Damaged_bzip2_cores_are_corrupt_or_truncated_and_the_rest_of_the_batch_is_whole()
    {
        var random = new Random(13);
        var data = new byte[0x20000];
        random.NextBytes(data.AsSpan(0, 0x10000));
        var core = new TestSupport.ElfCoreBuilder().Segment(0x400000, 0x20000, 5, data).PrStatus(1, 11, 0x400000, 0x400000).Build();
        var compressed = Compressors.Bzip2(core);
        using var folder = new TemporaryFolder();
        folder.Write("evidence-half.bz2", compressed[..(compressed.Length / 2)]);
        folder.Write("evidence-three-quarters.bz2", compressed[..(compressed.Length * 3 / 4)]);
        folder.Write("evidence-crc.bz2", Flip(compressed, 10));
        folder.Write("evidence-bitrot.bz2", Flip(compressed, compressed.Length / 2, 0x10));
        folder.Write("evidence-whole.bz2", compressed);
        folder.Write("good.maps", "00400000-00401000 r-xp 00000000 08:01 11 /bin/good\n");

        var batch = new BatchImporter(new ImportOptions { MergeInstances = false }).Import([folder.Path]);

        foreach (var damage in new[] { "half", "three-quarters", "crc", "bitrot" })
        {
            var input = Assert.Single(batch.Inputs, i => i.Path == $"evidence-{damage}.bz2");
            Assert.True(input.Status is InputStatus.Failed or InputStatus.Partial, $"{damage}: {input.Status} {input.Problem}");
            Assert.True(input.Problem is InputProblem.Corrupt or InputProblem.Truncated, $"{damage}: {input.Status} {input.Problem}");
            Assert.Contains(input.Diagnostics, d => d.Id == DiagnosticCatalogue.CorruptCompressedStream.Id);
        }
        Assert.Equal(InputStatus.Ok, Assert.Single(batch.Inputs, i => i.Path == "evidence-whole.bz2").Status);
        Assert.Equal(InputStatus.Ok, Assert.Single(batch.Inputs, i => i.Path == "good.maps").Status);
    }
}
