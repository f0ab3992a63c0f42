using System.Security.Cryptography;
using Forensics.Importers.Tests.Detection;
using Forensics.Model;
using Forensics.Pipeline.Importing;
using Forensics.TestSupport;

namespace Forensics.Pipeline.Tests.Importing;

/// <summary>Hashing beside the import, off its budget, through the holes of sparse files; and no hashing when asked.</summary>
public sealed class SparseHashingTests
{
    private const ulong SparseAddress = SparseCoreWriter.SegmentAddress;

    private static readonly byte[] CrashStackCore = SampleFile.ReadAllBytes(TestPaths.CorpusFile("crash-stack", "core.xz"));

    [Fact]
    public void Holes_of_a_sparse_file_hash_as_the_zeros_they_read_as()
    {
        using var folder = new TemporaryFolder();
        var path = folder.File("sparse");
        using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write))
        {
            file.Write(CrashStackCore.AsSpan(0, 4096));
            file.Position = 3L << 20;
            file.Write(CrashStackCore.AsSpan(4096, 5000));
            // A hole at the end too, as a core's last segment left unwritten.
            file.SetLength(7L << 20);
        }

        var hash = FileHash.Of(path);

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))), hash.Sha256);
        Assert.Equal(7L << 20, hash.Bytes);
    }

    [Fact]
    public void A_core_with_a_64_GiB_sparse_segment_is_imported_as_fast_as_without_it_when_not_hashed()
    {
        using var folder = new TemporaryFolder();
        var plain = folder.Write("plain.core", CrashStackCore);
        var sparse = folder.File("sparse.core");
        SparseCoreWriter.Write(CrashStackCore, sparse);
        var importer = new InputImporter(new ImportOptions { HashContent = false, FileTimeLimit = TimeSpan.FromSeconds(10) });

        var without = importer.ImportInput(plain, "plain.core");
        var with = importer.ImportInput(sparse, "sparse.core");

        Assert.Equal((InputStatus.Ok, ""), (with.Record.Status, with.Record.Sha256));
        Assert.Equal(TimeSpan.Zero, importer.HashingTime);
        var capture = Assert.Single(with.Captures);
        Assert.Equal((ulong)SparseCoreWriter.SegmentSize, capture.FindRegion(SparseAddress)!.Size);
        Assert.Equal("", capture.Sha256);
        var original = Assert.Single(without.Captures);
        Assert.Equal(original.Regions.Count + 1, capture.Regions.Count);
        Assert.Equal(original.Signal!.Number, capture.Signal!.Number);
        Assert.Equal(
            original.Threads.SelectMany(t => t.Frames).Select(f => (f.ProgramCounter, f.Method)),
            capture.Threads.SelectMany(t => t.Frames).Select(f => (f.ProgramCounter, f.Method)));
    }

    [Fact]
    public void Hashing_a_large_sparse_core_takes_nothing_of_its_time_limit()
    {
        using var folder = new TemporaryFolder();
        var sparse = folder.File("sparse.core");
        // 4 GiB of hole take seconds to hash (SHA-256 has no shortcut for zeros), more than the one second allowed.
        SparseCoreWriter.Write(CrashStackCore, sparse, 4L << 30);
        var importer = new InputImporter(new ImportOptions { FileTimeLimit = TimeSpan.FromSeconds(1) });

        var result = importer.ImportInput(sparse, "sparse.core");

        Assert.Equal((InputStatus.Ok, InputProblem.None), (result.Record.Status, result.Record.Problem));
        Assert.Equal(64, result.Record.Sha256.Length);
        Assert.Equal(new FileInfo(sparse).Length, result.Record.Bytes);
        Assert.True(importer.HashingTime > TimeSpan.FromSeconds(1), $"hashing took [{importer.HashingTime}]");
        Assert.Equal(result.Record.Sha256, Assert.Single(result.Captures).Sha256);
    }
}
