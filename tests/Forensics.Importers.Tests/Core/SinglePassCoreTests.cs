using System.IO.Compression;
using Forensics.Elf;
using Forensics.Elf.Sources;

namespace Forensics.Importers.Tests.Core;

/// <summary>
/// A compressed core is decompressed once: the pass that keeps what the import reads also keeps the segments whole for
/// the stack walk, byte for byte what a second pass keeping whole segments would keep, and the import's own bytes
/// are those of the pass without it.
/// </summary>
public class SinglePassCoreTests
{
    private static readonly byte[] KernelCore = CoreSamples.Bytes(CoreSamples.LocalCore("set-crash-null", "core.xz"));

    [Fact]
    public void One_pass_keeps_what_the_import_and_the_walk_each_read()
    {
        var (import, whole) = ReadKeepingWhole(KernelCore, CoreLimits.Default);
        var (importAlone, importDiagnostics) = Read(KernelCore, wholeSegments: false);
        var (wholeAlone, _) = Read(KernelCore, wholeSegments: true);
        Assert.NotNull(whole);
        Assert.Equal(Kept(importAlone, KernelCore.Length), Kept(import.Source, KernelCore.Length));
        Assert.Equal(Kept(wholeAlone, KernelCore.Length), Kept(whole, KernelCore.Length));
        Assert.Equal(importDiagnostics, import.Diagnostics);
        // The kernel core's 29 PT_LOAD segments hold 17,977,344 bytes; with its 11,760 bytes of notes, its ELF header and
        // 30 program headers (1,744 bytes), that is all of the file's 17,993,728 bytes but the 2,880 after its last segment.
        Assert.Equal((17_993_728, 17_990_848L), (KernelCore.Length, whole.RetainedBytes));
        // The import keeps the headers, the notes and 40 pages: the first and last of each of the 24 segments that hold
        // bytes, 8 of which are one page long.
        Assert.Equal(1_744 + 11_760 + 40 * 4096L, import.Source.RetainedBytes);
    }

    [Fact]
    public void A_core_cut_short_keeps_in_one_pass_what_two_passes_keep()
    {
        // Cut in the middle of a segment: the import reports it once; the whole segment is kept up to the cut.
        var cut = KernelCore[..(KernelCore.Length / 2 + 123)];
        var (import, whole) = ReadKeepingWhole(cut, CoreLimits.Default);
        var (importAlone, importDiagnostics) = Read(cut, wholeSegments: false);
        var (wholeAlone, _) = Read(cut, wholeSegments: true);
        Assert.NotNull(whole);
        Assert.Equal(cut.Length, whole.Length);
        Assert.Equal(Kept(importAlone, KernelCore.Length), Kept(import.Source, KernelCore.Length));
        Assert.Equal(Kept(wholeAlone, KernelCore.Length), Kept(whole, KernelCore.Length));
        Assert.Equal(importDiagnostics, import.Diagnostics);
    }

    [Fact]
    public void A_kept_core_gives_its_buffer_back_and_the_next_core_keeps_only_its_own_bytes()
    {
        var (_, first) = ReadKeepingWhole(KernelCore, CoreLimits.Default);
        Assert.NotNull(first);
        first.Dispose();
        Assert.Equal(0, first.RetainedBytes);
        Assert.Equal(0, first.Read(0, new byte[64]));
        // The next core, cut short, is kept in the buffer the first one gave back, which still holds the first one's
        // bytes past the cut: none of them is read.
        var cut = KernelCore[..(KernelCore.Length / 3 + 77)];
        var (_, second) = ReadKeepingWhole(cut, CoreLimits.Default);
        var (wholeAlone, _) = Read(cut, wholeSegments: true);
        Assert.NotNull(second);
        Assert.Equal(Kept(wholeAlone, KernelCore.Length), Kept(second, KernelCore.Length));
    }

    [Fact]
    public void A_core_above_the_bound_keeps_only_what_the_import_reads()
    {
        // One byte less than the notes and segments after the program headers.
        var (import, whole) = ReadKeepingWhole(KernelCore, CoreLimits.Default with { MaxSinglePassBytes = 17_989_103 });
        var (importAlone, _) = Read(KernelCore, wholeSegments: false);
        Assert.Null(whole);
        Assert.Equal(Kept(importAlone, KernelCore.Length), Kept(import.Source, KernelCore.Length));
    }

    private static ((RetainedByteSource Source, List<string> Diagnostics), RetainedByteSource?) ReadKeepingWhole(byte[] core, CoreLimits limits)
    {
        var diagnostics = new ElfDiagnosticList();
        using var stream = Compressed(core);
        var source = ForwardStreamReader.ReadKeepingWhole(stream, limits, diagnostics, null, out var whole);
        return ((source, Texts(diagnostics)), whole);
    }

    private static (RetainedByteSource, List<string>) Read(byte[] core, bool wholeSegments)
    {
        var diagnostics = new ElfDiagnosticList();
        using var stream = Compressed(core);
        return (ForwardStreamReader.Read(stream, CoreLimits.Default, diagnostics, null, wholeSegments), Texts(diagnostics));
    }

    private static List<string> Texts(ElfDiagnosticList diagnostics) => [.. diagnostics.Items.Select(d => d.ToString())];

    /// <summary>A forward-only gzip stream of <paramref name="core"/>.</summary>
    private static Stream Compressed(byte[] core)
    {
        var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
            gzip.Write(core);
        compressed.Position = 0;
        return new GZipStream(compressed, CompressionMode.Decompress);
    }

    /// <summary>The kept bytes by offset (their length and SHA-256), found by reading the source at each offset of the file.</summary>
    private static List<(long Offset, int Length, string Sha256)> Kept(IByteSource source, long length)
    {
        var kept = new List<(long, int, string)>();
        var buffer = new byte[1 << 16];
        for (long offset = 0; offset < length;)
        {
            var read = source.Read((ulong)offset, buffer);
            if (read == 0)
            {
                offset++;
                continue;
            }
            kept.Add((offset, read, Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(buffer.AsSpan(0, read)))));
            offset += read;
        }
        return kept;
    }
}
