using System.Buffers.Binary;
using Forensics.Importers.Containers.Minidump;
using Forensics.Model;
using Forensics.TestSupport;

namespace Forensics.Importers.Tests.Containers;

/// <summary>Minidumps whose directory or streams lie: each ends in a named diagnostic and what could be read.</summary>
public class HostileMinidumpTests
{
    private static byte[] LinuxMini() => File.ReadAllBytes(TestPaths.CorpusFile("public", "minidumps", "rust-minidump", "linux-mini.dmp"));

    private static CaptureBuilder Import(byte[] bytes) => MinidumpImporter.Import(new MemoryStream(bytes), "hostile.dmp");

    /// <summary>The directory entry of <paramref name="type"/> in linux-mini.dmp (directory at 0x20, 12 bytes each).</summary>
    private static int Entry(byte[] dump, uint type)
    {
        for (var entry = 0x20; ; entry += 12)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(dump.AsSpan(entry)) == type)
                return entry;
        }
    }

    [Fact]
    public void Stream_count_above_the_limit_is_refused()
    {
        var dump = LinuxMini();
        BinaryPrimitives.WriteUInt32LittleEndian(dump.AsSpan(8), 1 << 30);
        var error = Assert.Single(Import(dump).Diagnostics.Items);
        Assert.Equal((DiagnosticCatalogue.MinidumpBadDirectory.Id, (ulong?)8UL), (error.Id, error.Location.Offset));
    }

    [Fact]
    public void Stream_past_the_end_is_named_and_the_others_are_read()
    {
        var dump = LinuxMini();
        var maps = Entry(dump, 0x47670009);
        BinaryPrimitives.WriteUInt32LittleEndian(dump.AsSpan(maps + 4), 0x0100_0000);
        var capture = Import(dump);
        Assert.Contains(capture.Diagnostics.Items, d => d.Id == DiagnosticCatalogue.MinidumpPastEnd.Id && d.Message.Contains("stream [0x47670009]", StringComparison.Ordinal));
        // Without maps, the regions come from the modules and the memory list.
        Assert.Equal(8, capture.Images.Count);
        Assert.Equal(1304, Assert.Single(capture.Threads).Tid);
    }

    [Fact]
    public void Module_count_larger_than_its_stream_reads_what_fits()
    {
        var dump = LinuxMini();
        var modules = Entry(dump, 4);
        var rva = BinaryPrimitives.ReadUInt32LittleEndian(dump.AsSpan(modules + 8));
        BinaryPrimitives.WriteUInt32LittleEndian(dump.AsSpan((int)rva), 100000);
        var capture = Import(dump);
        var error = Assert.Single(capture.Diagnostics.Items, d => d.Id == DiagnosticCatalogue.MinidumpBadCount.Id);
        Assert.Contains("declares [100000] records but its [868] bytes hold [8]", error.Message, StringComparison.Ordinal);
        Assert.Equal(8, capture.Images.Count);
    }

    [Fact]
    public void Context_past_the_end_keeps_the_thread_without_registers()
    {
        var dump = LinuxMini();
        var threads = Entry(dump, 3);
        var rva = (int)BinaryPrimitives.ReadUInt32LittleEndian(dump.AsSpan(threads + 8));
        BinaryPrimitives.WriteUInt32LittleEndian(dump.AsSpan(rva + 4 + 44), 0xffff_fff0);
        var exception = Entry(dump, 6);
        var exceptionRva = (int)BinaryPrimitives.ReadUInt32LittleEndian(dump.AsSpan(exception + 8));
        BinaryPrimitives.WriteUInt32LittleEndian(dump.AsSpan(exceptionRva + 164), 0xffff_fff0);
        var capture = Import(dump);
        var thread = Assert.Single(capture.Threads);
        Assert.Equal((1304, 0UL), (thread.Tid, thread.ProgramCounter));
        Assert.Equal(2, capture.Diagnostics.Items.Count(d => d.Id == DiagnosticCatalogue.MinidumpPastEnd.Id));
    }

    [Fact]
    public void Every_cut_of_the_file_imports_without_throwing()
    {
        var dump = LinuxMini();
        for (var length = 0; length < dump.Length; length += 97)
        {
            var capture = Import(dump[..length]);
            Assert.True(length >= 0x20 || capture.Diagnostics.HasErrors);
        }
    }

    [Fact]
    public void Every_byte_of_the_directory_and_lists_set_to_0xff_imports_without_throwing()
    {
        var original = LinuxMini();
        foreach (var start in new uint[] { 0, BinaryPrimitives.ReadUInt32LittleEndian(original.AsSpan(Entry(original, 4) + 8)), BinaryPrimitives.ReadUInt32LittleEndian(original.AsSpan(Entry(original, 3) + 8)) })
        {
            for (var offset = (int)start; offset < start + 0xc0; offset++)
            {
                var dump = (byte[])original.Clone();
                dump[offset] = 0xff;
                Import(dump);
            }
        }
    }

    [Fact]
    public void Crashpad_annotations_that_lie_keep_what_fits_and_name_the_rest()
    {
        // tast's Chrome dump holds 6 process annotations; its CrashpadInfo stream's dictionary descriptor is at byte 36.
        var original = File.ReadAllBytes(TestPaths.CorpusFile("public", "minidumps", "tast", "chrome.20210706.000145.15087.8090.dmp"));
        var info = (int)BinaryPrimitives.ReadUInt32LittleEndian(original.AsSpan(Entry(original, 0x43500001) + 8));
        var dictionary = (int)BinaryPrimitives.ReadUInt32LittleEndian(original.AsSpan(info + 40));

        var counted = (byte[])original.Clone();
        BinaryPrimitives.WriteUInt32LittleEndian(counted.AsSpan(dictionary), 0xffffffff);
        var capture = Import(counted);
        Assert.Equal(6, capture.Facts.Count(f => f.Name.StartsWith("Crashpad ", StringComparison.Ordinal)));
        Assert.Contains(capture.Diagnostics.Items, d => d.Id == DiagnosticCatalogue.MinidumpBadCount.Id && d.Message.Contains("[4294967295] records", StringComparison.Ordinal));

        var past = (byte[])original.Clone();
        BinaryPrimitives.WriteUInt32LittleEndian(past.AsSpan(dictionary + 4), 0xfffffff0);
        capture = Import(past);
        Assert.Equal(5, capture.Facts.Count(f => f.Name.StartsWith("Crashpad ", StringComparison.Ordinal)));
        Assert.Contains(capture.Diagnostics.Items, d => d.Id == DiagnosticCatalogue.MinidumpPastEnd.Id && d.Message.StartsWith("a Crashpad annotation key", StringComparison.Ordinal));
        Assert.Equal(8090, capture.Pid);
    }
}
