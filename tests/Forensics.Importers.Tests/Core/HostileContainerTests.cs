using System.Buffers.Binary;
using System.Text;
using Forensics.Elf;
using Forensics.Importers.Core;
using Forensics.Model;
using Forensics.Pipeline;
using Forensics.Pipeline.Importing;
using Forensics.Importers.Tests.Detection;
using Forensics.TestSupport;

namespace Forensics.Importers.Tests.Core;

/// <summary>
/// Issue 13, point 10: malformed containers that were reported ok. Each is corrupt (partial or failed) with a
/// diagnostic at the note or header, and the good input beside it is read whole.
/// </summary>
public class HostileContainerTests
{
    private const uint NtFile = 0x46494c45;

    private static ElfCoreBuilder Core() =>
        new ElfCoreBuilder().Segment(0x400000, 0x1000, 5, new byte[16]).Segment(0x500000, 0x1000, 6, new byte[16]).PrStatus(1, 11, 0x400000, 0x500800);

    /// <summary>An NT_FILE descriptor: count, page size, the entries, then the names exactly as given.</summary>
    private static byte[] FileNote(ulong count, ulong pageSize, (ulong Start, ulong End, ulong Pages)[] entries, byte[] names)
    {
        var desc = new byte[16 + (entries.Length * 24) + names.Length];
        BinaryPrimitives.WriteUInt64LittleEndian(desc, count);
        BinaryPrimitives.WriteUInt64LittleEndian(desc.AsSpan(8), pageSize);
        for (var index = 0; index < entries.Length; index++)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(desc.AsSpan(16 + (index * 24)), entries[index].Start);
            BinaryPrimitives.WriteUInt64LittleEndian(desc.AsSpan(24 + (index * 24)), entries[index].End);
            BinaryPrimitives.WriteUInt64LittleEndian(desc.AsSpan(32 + (index * 24)), entries[index].Pages);
        }
        names.CopyTo(desc, 16 + (entries.Length * 24));
        return desc;
    }

    private static readonly (ulong, ulong, ulong)[] TwoEntries = [(0x400000, 0x401000, 0), (0x500000, 0x501000, 2)];

    public static TheoryData<string, byte[], string> Attacks()
    {
        var data = new TheoryData<string, byte[], string>
        {
            { "a count larger than the entries", Core().Note("CORE", NtFile, FileNote(1000, 0x1000, TwoEntries, "/a\0/b\0"u8.ToArray())).Build(), "declares [1000] entries but [2] fit" },
            { "a count smaller than the entries", Core().Note("CORE", NtFile, FileNote(1, 0x1000, TwoEntries[..1], "/a\0/b\0"u8.ToArray())).Build(), "has names after its [1] entries" },
            { "names without NULs", Core().Note("CORE", NtFile, FileNote(2, 0x1000, TwoEntries, "/a/b"u8.ToArray())).Build(), "name [0] has no terminating NUL" },
            { "a page size of 0", Core().Note("CORE", NtFile, FileNote(2, 0, TwoEntries, "/a\0/b\0"u8.ToArray())).Build(), "page size is [0], not a power of two" },
        };
        var many = Enumerable.Range(0, 15).Select(i => ((ulong)(0x400000 + (i * 0x1000)), (ulong)(0x401000 + (i * 0x1000)), (ulong)i)).ToArray();
        data.Add("15 names without NULs", Core().Note("CORE", NtFile, FileNote(15, 0x1000, many, Encoding.ASCII.GetBytes(string.Concat(Enumerable.Range(0, 15).Select(i => "/lib" + i))))).Build(),
            "the [14] entries after it have no names");
        var builder = new ElfCoreBuilder { ExtendedNumbering = true }.Segment(0x400000, 0x1000, 5, new byte[16]).PrStatus(1, 11, 0x400000, 0);
        var extended = builder.Build();
        BinaryPrimitives.WriteUInt32LittleEndian(extended.AsSpan(extended.Length - 64 + 44), 0);
        data.Add("PN_XNUM with sh_info 0", extended, "sh_info of section header 0");
        return data;
    }

    [Theory]
    [MemberData(nameof(Attacks))]
    public void A_malformed_container_is_corrupt_with_a_diagnostic_and_the_batch_is_whole(string attack, byte[] core, string message)
    {
        using var folder = new TemporaryFolder();
        folder.Write("evidence.core", core);
        folder.Write("good.maps", "00400000-00401000 r-xp 00000000 08:01 11 /bin/good\n");
        var batch = new BatchImporter(new ImportOptions { MergeInstances = false }).Import([folder.Path]);

        var input = Assert.Single(batch.Inputs, i => i.Path == "evidence.core");
        Assert.True(input.Status is InputStatus.Partial or InputStatus.Failed, $"{attack}: {input.Status}");
        Assert.Equal(InputProblem.Corrupt, input.Problem);
        var diagnostics = input.Diagnostics.Concat(batch.Captures.Where(c => c.InputPath == "evidence.core").SelectMany(c => c.Diagnostics.Items));
        var diagnostic = Assert.Single(diagnostics, d => d.Message.Contains(message, StringComparison.Ordinal));
        Assert.NotNull(diagnostic.Location.Offset);
        Assert.Equal(InputStatus.Ok, Assert.Single(batch.Inputs, i => i.Path == "good.maps").Status);
        Assert.Single(batch.Captures, c => c.InputPath == "good.maps");
    }

    [Fact]
    public void A_page_size_of_0_leaves_the_file_offsets_unknown_instead_of_0()
    {
        var core = Core().Note("CORE", NtFile, FileNote(2, 0, TwoEntries, "/a\0/b\0"u8.ToArray())).Build();
        var capture = CoreImporter.Import(new Forensics.Elf.Sources.MemoryByteSource(core), "zero-page.core", CoreLimits.Default);
        Assert.Equal([("/a", (ulong?)null), ("/b", null)], capture.Regions.Select(r => (r.Name, r.Offset)));
    }
}
