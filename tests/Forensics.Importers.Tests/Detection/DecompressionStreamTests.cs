using System.Security.Cryptography;
using Forensics.Importers.Detection;
using Forensics.Model;
using Forensics.TestSupport;

namespace Forensics.Importers.Tests.Detection;

public sealed class DecompressionStreamTests
{
    private static readonly byte[] HelloMaps = File.ReadAllBytes(TestPaths.CorpusFile("sets", "set-hello", "maps"));

    public static TheoryData<string> Formats => new() { "gzip", "zstd", "bzip2" };

    private static (byte[] Data, CompressionFormat Format) Compressed(string format, byte[] data) => format switch
    {
        "gzip" => (Compressors.Gzip(data), CompressionFormat.Gzip),
        "zstd" => (Compressors.Zstd(data), CompressionFormat.Zstd),
        "bzip2" => (Compressors.Bzip2(data), CompressionFormat.Bzip2),
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    [Theory]
    [MemberData(nameof(Formats))]
    public void Compressed_sample_maps_is_recognised_by_magic_and_decompresses_to_the_same_bytes(string format)
    {
        var (data, expected) = Compressed(format, HelloMaps);

        Assert.Equal(expected, ContentSniffer.DetectCompression(data));
        var (output, diagnostics) = Compressors.Decompress(data, expected);

        Assert.Equal(HelloMaps, output);
        Assert.Empty(diagnostics.Items);
        Assert.Equal(ContentKind.Text, ContentSniffer.Sniff(output));
    }

    [Fact]
    public void Xz_gcore_sample_decompresses_to_the_raw_core_of_the_manifest()
    {
        var path = TestPaths.CorpusFile("sets", "set-hello", "gcore.core.xz");
        using var file = File.OpenRead(path);
        var head = new byte[8];
        file.ReadExactly(head);
        file.Position = 0;
        var diagnostics = new DiagnosticBag();

        Assert.Equal(CompressionFormat.Xz, ContentSniffer.DetectCompression(head));
        using var stream = DecompressionStream.Open(file, CompressionFormat.Xz, diagnostics);
        using var counted = new MemoryStream();
        stream.CopyTo(counted);
        counted.Position = 0;
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(counted));

        Assert.Empty(diagnostics.Items);
        Assert.Equal(27_133_576, counted.Length);
        Assert.Equal("dc5beb9e02b7d80907e64ac4a751a02998e7f34281a6425d0ca0f92488b2445f", sha256);
    }

    [Fact]
    public void Gzip_header_alone_is_named_as_ending_before_its_data_not_by_a_trailer()
    {
        // The first line of a pasted apport CoreDump (corpus/public/apport/ubuntu-forums_Xorg_12.10_i386.crash): the
        // 19-byte header naming the file CoreDump, and nothing after it.
        var (output, diagnostics) = Compressors.Decompress(Convert.FromBase64String("H4sICAAAAAAC/0NvcmVEdW1wAA=="), CompressionFormat.Gzip);

        Assert.Empty(output);
        var damage = Assert.Single(diagnostics.Items);
        Assert.Equal(DiagnosticCatalogue.CorruptCompressedStream.Id, damage.Id);
        Assert.EndsWith("after [0] decompressed bytes: its [19] bytes end before any compressed data", damage.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Truncated_compressed_stream_gives_a_diagnostic_instead_of_an_exception(string format)
    {
        var (data, compression) = Compressed(format, HelloMaps);
        var truncated = data[..(data.Length / 2)];

        var (output, diagnostics) = Compressors.Decompress(truncated, compression);

        Assert.True(output.Length < HelloMaps.Length);
        Assert.Equal(HelloMaps[..output.Length], output);
        var diagnostic = Assert.Single(diagnostics.Items);
        Assert.Equal(DiagnosticCatalogue.CorruptCompressedStream.Id, diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Contains($"after [{output.Length}] decompressed bytes", diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Corrupted_compressed_stream_gives_a_diagnostic_instead_of_an_exception(string format)
    {
        var (data, compression) = Compressed(format, HelloMaps);
        for (var i = 12; i < data.Length - 12; i += 7)
            data[i] ^= 0x5a;

        var (output, diagnostics) = Compressors.Decompress(data, compression);

        Assert.True(output.Length < HelloMaps.Length);
        var diagnostic = Assert.Single(diagnostics.Items);
        Assert.Equal(DiagnosticCatalogue.CorruptCompressedStream.Id, diagnostic.Id);
    }
}
