using System.Buffers.Binary;
using System.IO.Compression;
using Forensics.Importers.Tests.Detection;
using Forensics.Model;
using Forensics.Pipeline.Importing;
using Forensics.Pipeline.Listing;
using Forensics.Pipeline.Normalisation;
using Forensics.Pipeline.Store;
using Forensics.TestSupport;

namespace Forensics.Pipeline.Tests.Store;

public sealed class InputResultStoreTests
{
    private static InputResult RoundTrip(InputResult result, TemporaryFolder folder, string name)
    {
        var path = folder.File(name);
        InputResultStore.Save(path, result);
        var loaded = InputResultStore.Load(path, out var problem);
        Assert.Null(problem);
        Assert.NotNull(loaded);
        return loaded;
    }

    private static void AssertSame(object expected, object actual)
    {
        var differences = ObjectGraphComparer.Differences(expected, actual);
        Assert.True(differences.Count == 0, string.Join("\n", differences));
    }

    [Fact]
    public void Every_corpus_input_loads_back_equal_and_finishes_to_the_same_batch()
    {
        using var folder = new TemporaryFolder();
        var importer = new InputImporter();
        var inputs = InputLister.List([TestPaths.Corpus, TestPaths.BadInputs], new ImportOptions());
        var originals = new List<InputResult>();
        var loaded = new List<InputResult>();
        foreach (var (file, index) in inputs.Files.Select((f, i) => (f, i)))
        {
            var original = importer.ImportInput(file.FullPath, file.DisplayPath);
            var copy = RoundTrip(original, folder, $"{index}.store");
            AssertSame(original, copy);
            originals.Add(original);
            loaded.Add(copy);
        }

        Assert.Equal(526, originals.Count);
        var byPath = loaded.ToDictionary(r => r.Record.Path);
        Assert.Equal(20026, Assert.Single(byPath["corpus/bench/many-maps.maps.xz"].Captures).Regions.Count);
        Assert.Equal([33, 33, 33], byPath["corpus/ticket/incident-ticket.md"].Captures.Select(c => c.Regions.Count));
        Assert.Equal([(12, 44), (53, 89), (97, 134)], byPath["corpus/ticket/incident-ticket.md"].Captures.Select(c => c.LineRange!.Value));
        var dotnet = Assert.Single(byPath["corpus/dotnet/dotnet-crash.core.xz"].Captures);
        Assert.Equal(20160, dotnet.Pid);
        Assert.Equal("10.0.12", dotnet.Runtime!.Version);
        Assert.Contains(dotnet.Regions, r => r.RuntimeRole is not null);
        var overflow = Assert.Single(byPath["corpus/dotnet-overflow/core.xz"].Captures).Runtime!.Threads.Single(t => t.Stack is not null).Stack!;
        Assert.Equal([new ManagedFrameRun("DotnetOverflow.Program.Descend", 1024)], overflow.Runs);
        Assert.Equal((0x7ffd2a7b7ff0UL, true), (overflow.InnermostStackPointer, overflow.IsCut));
        Assert.Equal(InputStatus.Failed, byPath["bad-inputs/empty.txt"].Record.Status);
        Assert.Equal(InputStatus.Partial, byPath["bad-inputs/truncated-64k.core.xz"].Record.Status);

        var expected = BatchNormaliser.Normalise(originals, new ImportOptions());
        var actual = BatchNormaliser.Normalise(loaded, new ImportOptions());
        AssertSame(expected, actual);
        Assert.Equal(expected.Captures.Select(c => c.Id), actual.Captures.Select(c => c.Id));
    }

    public static TheoryData<string, CaptureFormat, Architecture, int, int, int> Samples => new()
    {
        // path under the samples, format, architecture, PID, regions, threads
        { "public/cores/lldb/elf-core/thread_crash/linux-i386.core", CaptureFormat.Core, Architecture.X86, 5193, 33, 3 },
        { "public/cores/lldb/elf-core/thread_crash/linux-x86_64.core", CaptureFormat.Core, Architecture.X86_64, 5222, 40, 3 },
        // gdb kept only the vDSO of this process (coredump_filter=0).
        { "public/cores/lldb/elf-core/gcore/linux-i386.core", CaptureFormat.Core, Architecture.X86, 5586, 1, 3 },
        { "sets/set-crash-null/core.xz", CaptureFormat.Core, Architecture.X86_64, 16579, 29, 3 },
        { "sets/set-hello/gcore.core.xz", CaptureFormat.Core, Architecture.X86_64, 16367, 37, 4 },
        { "sets/set-crash-null/smaps", CaptureFormat.Smaps, Architecture.X86_64, 0, 29, 0 },
        { "sets/set-hello/pmap-XX.txt", CaptureFormat.PmapExtended, Architecture.X86_64, 16367, 39, 0 },
        { "sets/set-dotnet/gdb-mappings.txt", CaptureFormat.Gdb, Architecture.X86_64, 16873, 224, 0 },
        { "public/text/nikosChalk_virophage_gdb13_infoproc_i386compat.txt", CaptureFormat.Gdb, Architecture.X86, 62, 3, 0 },
        { "public/text/prometheus-procfs_26231_smaps_rollup", CaptureFormat.SmapsRollup, Architecture.Unknown, 0, 0, 0 },
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public void Sample_loads_back_equal_and_finishes_to_the_same_captures(
        string path, CaptureFormat format, Architecture architecture, int pid, int regions, int threads)
    {
        using var folder = new TemporaryFolder();
        var importer = new InputImporter();
        var original = importer.ImportInput(TestPaths.CorpusFile(path.Split('/')), path);

        var loaded = RoundTrip(original, folder, "sample.store");

        AssertSame(original, loaded);
        var capture = Assert.Single(loaded.Captures);
        Assert.Equal(format, capture.Format);
        Assert.Equal(pid, capture.Pid ?? 0);
        Assert.Equal(regions, capture.Regions.Count);
        Assert.Equal(threads, capture.Threads.Count);
        var finished = BatchNormaliser.Normalise([loaded], new ImportOptions());
        AssertSame(BatchNormaliser.Normalise([original], new ImportOptions()), finished);
        Assert.Equal(architecture, Assert.Single(finished.Captures).Architecture);
    }

    [Fact]
    public void A_recursions_frames_share_their_sites_walked_and_loaded_back()
    {
        using var folder = new TemporaryFolder();
        var options = new ImportOptions { SymbolDirectories = [BacktraceBinaries.Sysroot], UseModulePaths = false };
        var walked = new InputImporter(options).ImportInput(TestPaths.CorpusFile("backtrace", "deep-recursion", "core.xz"), "core.xz");

        foreach (var result in (InputResult[])[walked, RoundTrip(walked, folder, "walked.store")])
        {
            var frames = Assert.Single(result.Captures).Threads.Single(t => t.IsCrashing).Frames;
            // recurse ×7938 ← main (the signature StackWalkingTests checks): its thousands of frames at one return address.
            Assert.True(frames.Count > 7938, $"{frames.Count} frames");
            var sites = frames.Select(f => f.Site).Distinct(ReferenceEqualityComparer.Instance).Count();
            Assert.Equal(frames.Select(f => f.ProgramCounter).Distinct().Count(), sites);
            Assert.True(sites < 10, $"{sites} sites");
        }
    }

    [Fact]
    public void The_same_result_gives_the_same_bytes_every_time()
    {
        using var folder = new TemporaryFolder();
        var result = new InputImporter().ImportInput(TestPaths.CorpusFile("sets", "set-hello", "gcore.core.xz"), "gcore.core.xz");

        InputResultStore.Save(folder.File("a.store"), result);
        InputResultStore.Save(folder.File("b.store"), result);
        InputResultStore.Save(folder.File("a.store"), result);

        Assert.Equal(File.ReadAllBytes(folder.File("a.store")), File.ReadAllBytes(folder.File("b.store")));
        Assert.Equal(["a.store", "b.store"], Directory.GetFiles(folder.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_capture_of_more_regions_than_a_block_loads_back_equal_block_by_block()
    {
        using var folder = new TemporaryFolder();
        // The 20,026 regions of a real maps, then three copies of them as if the text went on three times: 80,104
        // regions, a block of 65,536 and one of 14,568, each with its own strings and deltas (the first copy's start
        // is far below the last region's end: a negative delta).
        var result = new InputImporter().ImportInput(TestPaths.CorpusFile("bench", "many-maps.maps.xz"), "many-maps.maps.xz");
        var regions = Assert.Single(result.Captures).Regions;
        var listed = regions.Count;
        Assert.Equal(20026, listed);
        for (var copy = 1; copy <= 3; copy++)
            regions.AddRange(regions.Take(listed).Select(r => CopyAtLine(r, r.Location.Line!.Value + copy * listed)).ToList());

        var loaded = RoundTrip(result, folder, "a.store");
        InputResultStore.Save(folder.File("b.store"), result);

        AssertSame(result, loaded);
        Assert.Equal(File.ReadAllBytes(folder.File("a.store")), File.ReadAllBytes(folder.File("b.store")));
        // The regions' count, two blocks, the first block's count of 65,536 regions.
        var content = ContentOf(File.ReadAllBytes(folder.File("a.store")));
        Assert.Equal(1, Occurrences(content, [.. Leb128(80104), 2, .. Leb128(65536)]));
        var actual = Assert.Single(loaded.Captures).Regions;
        Assert.Equal(80104, actual.Count);
        // The first and last regions of each block (lines 1 and 65,536, 65,537 and 80,104 of the four copies), and a
        // name the second block's own string table holds ([stack]).
        Assert.Equal(
            [
                (0x5612bf64d000UL, 0x5612bf64e000UL, "r--p", "fe:00", (ulong?)11658084, "/tmp/forensics-corpus/bin/many_maps", 1),
                (0x7fb4287cc000UL, 0x7fb4287cd000UL, "rw-p", "00:00", 0, null, 65536),
                (0x7fb4287cd000UL, 0x7fb4287ce000UL, "r--p", "00:00", 0, null, 65537),
                (0x7ffc8e2c2000UL, 0x7ffc8e2e3000UL, "rw-p", "00:00", 0, "[stack]", 80103),
                (0xffffffffff600000UL, 0xffffffffff601000UL, "--xp", "00:00", 0, "[vsyscall]", 80104),
            ],
            new[] { 0, 65535, 65536, 80102, 80103 }.Select(i => actual[i])
                .Select(r => (r.Start, r.End, r.Permissions.ToString(), r.Device, r.Inode, r.Name, r.Location.Line!.Value)));
    }

    /// <summary>A copy of a maps region (the members a maps line gives) as if described at <paramref name="line"/>.</summary>
    private static Region CopyAtLine(Region region, int line) => new(region.Start, region.End)
    {
        Permissions = region.Permissions,
        Offset = region.Offset,
        Device = region.Device,
        Inode = region.Inode,
        Name = region.Name,
        Deleted = region.Deleted,
        Module = region.Module,
        StatedKind = region.StatedKind,
        Sources = region.Sources,
        Location = SourceLocation.AtLine(line),
    };

    [Fact]
    public void Comparer_names_a_member_that_differs_after_loading()
    {
        using var folder = new TemporaryFolder();
        var original = new InputImporter().ImportInput(TestPaths.CorpusFile("sets", "set-crash-null", "smaps"), "smaps");
        var loaded = RoundTrip(original, folder, "smaps.store");

        loaded.Captures[0].Regions[5].VmFlags = "rd";
        // r--p becomes r--?: only the sharing is lost.
        loaded.Captures[0].Regions[0].Permissions = Permissions.OfAccess(read: true, write: false, execute: false);

        Assert.Equal("r--p", original.Captures[0].Regions[0].Permissions.ToString());
        Assert.Equal(
            ["$.Captures[0].Regions[0].Permissions", "$.Captures[0].Regions[0].Permissions.IsShared",
             "$.Captures[0].Regions[0].Permissions.IsFullyKnown", "$.Captures[0].Regions[5].VmFlags"],
            ObjectGraphComparer.Differences(original, loaded).Select(d => d[..d.IndexOf(':', StringComparison.Ordinal)]));
    }

    [Fact]
    public void A_missing_store_file_is_reported_not_thrown()
    {
        using var folder = new TemporaryFolder();
        var path = folder.File("absent.store");

        Assert.Null(InputResultStore.Load(path, out var problem));
        Assert.Equal($"store file [{path}] is missing", problem);
    }

    public static TheoryData<string, string> Damages => new()
    {
        { "empty", "is empty" },
        { "not a store file", "is not a store file" },
        { "truncated header", "is truncated: [10] bytes" },
        { "truncated content", "is truncated: [" },
        { "flipped byte", "is corrupt: " },
        { "earlier version", "has store format version [6], expected [7]" },
        { "future version", "has store format version [8], expected [7]" },
        { "too large", "is too large: declares [2147483648] bytes" },
        { "length beyond compression", "more than its [" },
        { "content beyond its length", "is corrupt: the result goes on past its declared length" },
        { "content left over", "is corrupt: [1] bytes of content are left after the result" },
        { "cut content", "is corrupt: the result goes on past its declared length" },
        { "lying string length", "is corrupt: a string of [268435455] bytes is longer than the [" },
        { "unknown status", "is corrupt: [63] is not a InputStatus" },
        { "string index out of the table", "is corrupt: string [5] is not in the table of [0]" },
        { "lying block count", "is corrupt: a count of [268435455] is more than the [" },
        { "no blocks", "is corrupt: the blocks hold [0] of the [39] regions" },
        { "block of more regions than the capture", "is corrupt: block [0] holds [40] regions, more than the [39] left of [39]" },
        { "lying block length", "is corrupt: a block of [268435455] bytes is longer than the [" },
        { "block length one short", "is corrupt: a block goes on past its [" },
        { "block length one long", "is corrupt: [1] bytes of a block of [" },
    };

    [Theory]
    [MemberData(nameof(Damages))]
    public void A_damaged_store_file_loads_as_null_with_its_problem(string damage, string expected)
    {
        using var folder = new TemporaryFolder();
        var path = folder.File("result.store");
        var content = SaveHelloMaps(path);
        var good = File.ReadAllBytes(path);
        // The content starts with the record's path: tag 1 (a new string), its length 4, "maps", then the status.
        Assert.Equal([1, 4, .. "maps"u8, 0], content[..7]);
        // The regions: their count (39), one block, the block's count (39), its length in two bytes, its bytes.
        var regions = content.AsSpan().IndexOf((ReadOnlySpan<byte>)[39, 1, 39]);
        Assert.Equal(1, Occurrences(content, [39, 1, 39]));
        var blockLength = content[regions + 3] & 0x7f | content[regions + 4] << 7;
        Assert.InRange(blockLength, 1 << 7, (1 << 14) - 2);
        byte[] WithBlockLength(int length) => [.. content[..(regions + 3)], .. Leb128((ulong)length), .. content[(regions + 5)..]];
        File.WriteAllBytes(path, damage switch
        {
            "empty" => [],
            "not a store file" => [.. "55f5da648000-55f5da649000 r--p"u8],
            "truncated header" => good[..10],
            "truncated content" => good[..(good.Length / 2)],
            "flipped byte" => Flip(good, good.Length - 40),
            "earlier version" => WithHeader(good, version: 6),
            "future version" => WithHeader(good, version: 8),
            "too large" => WithHeader(good, length: 1L << 31),
            "length beyond compression" => WithHeader(good, length: (good.Length - 16) * 1033L),
            "content beyond its length" => WithHeader(good, length: content.Length - 1),
            "content left over" => StoreFile([.. content, 0]),
            "cut content" => StoreFile(content[..^3]),
            "lying string length" => StoreFile([1, 0xff, 0xff, 0xff, 0x7f, .. content[2..]]),
            "unknown status" => StoreFile([.. content[..6], 0x7e, .. content[7..]]),
            "string index out of the table" => StoreFile([7, .. content[6..]]),
            "lying block count" => StoreFile([.. content[..(regions + 1)], 0xff, 0xff, 0xff, 0x7f, .. content[(regions + 2)..]]),
            "no blocks" => StoreFile([.. content[..(regions + 1)], 0, .. content[(regions + 2)..]]),
            "block of more regions than the capture" => StoreFile([.. content[..(regions + 2)], 40, .. content[(regions + 3)..]]),
            "lying block length" => StoreFile([.. content[..(regions + 3)], 0xff, 0xff, 0xff, 0x7f, .. content[(regions + 5)..]]),
            "block length one short" => StoreFile(WithBlockLength(blockLength - 1)),
            "block length one long" => StoreFile(WithBlockLength(blockLength + 1)),
            _ => throw new ArgumentOutOfRangeException(nameof(damage)),
        });

        var result = InputResultStore.Load(path, out var problem);

        Assert.Null(result);
        Assert.NotNull(problem);
        Assert.StartsWith($"store file [{path}] ", problem, StringComparison.Ordinal);
        Assert.Contains(expected, problem, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', problem);
    }

    [Fact]
    public void A_result_refused_by_its_record_is_left_before_its_captures_are_read()
    {
        using var folder = new TemporaryFolder();
        var path = folder.File("result.store");
        var content = SaveHelloMaps(path);
        var decoder = new StoreDecoder(new MemoryStream(content), content.Length);
        Assert.Equal("maps", InputResultReader.ReadRecord(decoder).Path);
        var recordLength = content.Length - (int)decoder.Remaining;
        // The record whole, then a count of 127 captures where the file ends.
        File.WriteAllBytes(path, StoreFile([.. content[..recordLength], 0x7f]));

        Assert.Null(InputResultStore.Load(path, r => r.Path != "maps", out var refused));
        Assert.Null(refused);
        Assert.Null(InputResultStore.Load(path, r => r.Path == "maps", out var damaged));
        Assert.Equal($"store file [{path}] is corrupt: a count of [127] is more than the [0] bytes of content left can hold", damaged);
    }

    [Fact]
    public void A_decompression_bomb_is_refused_after_its_declared_length()
    {
        using var folder = new TemporaryFolder();
        var path = folder.File("bomb.store");
        var content = SaveHelloMaps(path);
        // A whole result, then 64 GZip members of 16 MiB of zeros each: 1 GiB once decompressed, from about 1 MiB of file.
        var member = Gzip(new byte[16 << 20]);
        var bomb = new MemoryStream();
        bomb.Write(Header(InputResultStore.FormatVersion, content.Length));
        bomb.Write(Gzip(content));
        for (var i = 0; i < 64; i++)
            bomb.Write(member);
        File.WriteAllBytes(path, bomb.ToArray());

        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = InputResultStore.Load(path, out var problem);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Null(result);
        Assert.Equal($"store file [{path}] is corrupt: content goes on past the declared [{content.Length}] bytes", problem);
        Assert.InRange(allocated, 0, 4L << 20);
    }

    [Fact]
    public void Key_changes_with_each_part_and_is_lower_case_hex()
    {
        var options = new ImportOptions();
        const string sha = "94dd2d78319ac436eacee7791057ad2d2b246fc2c5d01ed72f32f49e64dc4cf0";
        var key = InputResultStore.KeyFor("bench/many-maps.maps.xz", sha, options);

        Assert.Matches("^[0-9a-f]{64}$", key);
        Assert.Equal(key, InputResultStore.KeyFor("bench/many-maps.maps.xz", sha, new ImportOptions()));
        string[] others =
        [
            InputResultStore.KeyFor("bench/many-maps.maps", sha, options),
            InputResultStore.KeyFor("bench/many-maps.maps.xz", sha[..63] + "1", options),
            InputResultStore.KeyFor("bench/many-maps.maps.xz", sha, options with { MergeInstances = false }),
            InputResultStore.KeyFor("bench/many-maps.maps.xz", sha, options with { MaxTextBytes = 1 << 20 }),
        ];
        Assert.Equal(5, others.Append(key).Distinct(StringComparer.Ordinal).Count());
    }

    private static byte[] Leb128(ulong value)
    {
        var bytes = new List<byte>();
        for (; value >= 0x80; value >>= 7)
            bytes.Add((byte)(value | 0x80));
        bytes.Add((byte)value);
        return [.. bytes];
    }

    private static int Occurrences(byte[] content, byte[] sequence) =>
        Enumerable.Range(0, content.Length - sequence.Length + 1).Count(i => content.AsSpan(i).StartsWith(sequence));

    private static byte[] Gzip(byte[] content)
    {
        var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
            gzip.Write(content);
        return output.ToArray();
    }

    private static byte[] Header(int version, long length)
    {
        var header = new byte[16];
        "FXIR"u8.CopyTo(header);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(4), version);
        BinaryPrimitives.WriteInt64LittleEndian(header.AsSpan(8), length);
        return header;
    }

    /// <summary>Saves the result of <c>sets/set-hello/maps</c> at <paramref name="path"/>; returns its content.</summary>
    private static byte[] SaveHelloMaps(string path)
    {
        InputResultStore.Save(path, new InputImporter().ImportInput(TestPaths.CorpusFile("sets", "set-hello", "maps"), "maps"));
        return ContentOf(File.ReadAllBytes(path));
    }

    private static byte[] StoreFile(byte[] content) => [.. Header(InputResultStore.FormatVersion, content.Length), .. Gzip(content)];

    private static byte[] ContentOf(byte[] store)
    {
        using var gzip = new GZipStream(new MemoryStream(store, 16, store.Length - 16), CompressionMode.Decompress);
        var output = new MemoryStream();
        gzip.CopyTo(output);
        return output.ToArray();
    }

    private static byte[] WithHeader(byte[] store, int? version = null, long? length = null)
    {
        var copy = store.ToArray();
        if (version is { } v)
            BinaryPrimitives.WriteInt32LittleEndian(copy.AsSpan(4), v);
        if (length is { } l)
            BinaryPrimitives.WriteInt64LittleEndian(copy.AsSpan(8), l);
        return copy;
    }

    private static byte[] Flip(byte[] bytes, int position)
    {
        var copy = bytes.ToArray();
        copy[position] ^= 0x5a;
        return copy;
    }
}
