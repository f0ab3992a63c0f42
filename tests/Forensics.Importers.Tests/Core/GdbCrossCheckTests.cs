using Forensics.Importers.Detection;
using Forensics.Model;

namespace Forensics.Importers.Tests.Core;

/// <summary>Our file-backed ranges against gdb's <c>info proc mappings</c> on the same core (gdb reads NT_FILE).</summary>
public class GdbCrossCheckTests
{
    private static readonly string[] NoFileNote =
        ["public/cores/lldb/elf-core/gcore/linux-i386.core", "public/cores/lldb/elf-core/gcore/linux-x86_64.core"];

    [Theory]
    [MemberData(nameof(CoreSampleList.All), MemberType = typeof(CoreSampleList))]
    public void File_backed_ranges_match_gdb_info_proc_mappings(string sample)
    {
        var path = CoreSampleList.PathOf(sample);
        var listing = CoreToolRunner.Run("gdb", "-batch -nx -ex \"info proc mappings\" -c", CoreSamples.Bytes(path));
        var expected = TextDocumentImporter.Import(listing)
            .Where(c => c.Format == CaptureFormat.Gdb)
            .SelectMany(c => c.Regions)
            .Select(r => (r.Start, r.End, r.Offset, r.Name))
            .Order()
            .ToList();
        var capture = CoreSamples.Import(path);
        var actual = capture.Regions
            .Where(r => r.Name is not null && r.Sources.HasFlag(RegionSources.CoreFile))
            .Select(r => (r.Start, r.End, r.Offset, r.Name))
            .Order()
            .ToList();

        // gdb lists what NT_FILE holds; the public gdb-written cores predate the note and give nothing to compare.
        if (capture.Notes.Exists(n => n.Contains("NT_FILE", StringComparison.Ordinal)))
            Assert.NotEmpty(expected);
        else
            Assert.Contains(sample, NoFileNote);
        Assert.Equal(expected, actual);
    }
}
