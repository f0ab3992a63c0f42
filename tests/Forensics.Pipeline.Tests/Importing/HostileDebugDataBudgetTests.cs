using System.Buffers.Binary;
using Forensics.Model;
using Forensics.Pipeline.Importing;
using Forensics.TestSupport;

namespace Forensics.Pipeline.Tests.Importing;

/// <summary>
/// The lib-null crash imported with a copy of its libnull.so (same build-id) whose debug data is built to cost: a symbol
/// table of a million entries, or a line program of three million rows in one unit. The per-file budget ends the walk
/// inside that data: the core is still imported, its threads without frames and one warning saying why, and the read
/// stops at the first checkpoint past the limit. The clock moves one millisecond each time the budget reads it, so
/// the limit is a count of checkpoints, whatever the machine's load.
/// </summary>
public sealed class HostileDebugDataBudgetTests : IDisposable
{
    // readelf -S of corpus/backtrace's libnull.so: .debug_line is section 24 (0x4f bytes at 0x317b), .symtab section 27,
    // .text section 9; .strtab holds "libnull_read_value" at 0x34c0 + its name offset.
    private const int LineSection = 24, SymbolTableSection = 27, TextSection = 9;
    private const int StringTable = 0x34c0, StringTableSize = 0x16b;
    private const int Limit = 300;
    private readonly string _folder = Directory.CreateTempSubdirectory("forensics-budget-").FullName;

    public void Dispose() => Directory.Delete(_folder, true);

    [Fact]
    public void The_intact_file_is_walked_within_the_limit()
    {
        var (capture, clock) = Imported(_ => null);
        Assert.Equal("libnull_read_value", capture.Threads.Single().Frames[0].Function);
        Assert.DoesNotContain(capture.Diagnostics.Items, d => d.Descriptor == DiagnosticCatalogue.StackWalkStopped);
        Assert.InRange(clock.Readings, 1, Limit / 4);
    }

    [Fact]
    public void A_symbol_table_of_a_million_functions_ends_in_a_warning_at_the_time_limit()
    {
        var (capture, clock) = Imported(bytes =>
        {
            var name = NameOffset(bytes, "libnull_read_value"u8);
            var table = new byte[1_000_000 * 24];
            for (var i = 0; i < 1_000_000; i++)
            {
                var entry = table.AsSpan(i * 24, 24);
                BinaryPrimitives.WriteUInt32LittleEndian(entry, name);
                entry[4] = 0x12; // global function
                BinaryPrimitives.WriteUInt16LittleEndian(entry[6..], TextSection);
                BinaryPrimitives.WriteUInt64LittleEndian(entry[8..], 0x10_0000 + (ulong)i * 16);
                BinaryPrimitives.WriteUInt64LittleEndian(entry[16..], 16);
            }
            return (SymbolTableSection, table);
        });
        AssertStoppedAtTheLimit(capture, clock);
    }

    [Fact]
    public void A_line_program_of_three_million_rows_in_one_unit_ends_in_a_warning_at_the_time_limit()
    {
        var (capture, clock) = Imported(bytes =>
        {
            // The unit's header as the compiler wrote it (DWARF 5: length, version, address and selector sizes, header
            // length, then the header), and a program of DW_LNE_set_address 0x10f9 then 3,000,000 DW_LNS_copy.
            var line = bytes.AsSpan(0x317b, 0x4f);
            var headerLength = (int)BinaryPrimitives.ReadUInt32LittleEndian(line[8..]);
            var header = line[4..(12 + headerLength)];
            byte[] setAddress = [0x00, 0x09, 0x02, 0xf9, 0x10, 0, 0, 0, 0, 0, 0];
            var unit = new byte[4 + header.Length + setAddress.Length + 3_000_000];
            BinaryPrimitives.WriteUInt32LittleEndian(unit, (uint)(unit.Length - 4));
            header.CopyTo(unit.AsSpan(4));
            setAddress.CopyTo(unit, 4 + header.Length);
            unit.AsSpan(4 + header.Length + setAddress.Length).Fill(0x01);
            return (LineSection, unit);
        });
        AssertStoppedAtTheLimit(capture, clock);
    }

    private static void AssertStoppedAtTheLimit(CaptureBuilder capture, TickingClock clock)
    {
        var stopped = Assert.Single(capture.Diagnostics.Items, d => d.Descriptor == DiagnosticCatalogue.StackWalkStopped);
        Assert.Equal((DiagnosticSeverity.Warning, "the stacks were not walked: the per-file time limit was reached while walking them"), (stopped.Severity, stopped.Message));
        Assert.Empty(capture.Threads.Single().Frames);
        // The budget's start, one reading per checkpoint up to the one past the limit, and none after it.
        Assert.Equal(Limit + 2, clock.Readings);
    }

    /// <summary>
    /// Imports the lib-null core with libnull.so changed by <paramref name="replace"/>, which gives a section to move
    /// to the end of the file and its new contents.
    /// </summary>
    private (CaptureBuilder Capture, TickingClock Clock) Imported(Func<byte[], (int Section, byte[] Contents)?> replace)
    {
        var bytes = File.ReadAllBytes(BacktraceBinaries.File("tmp/forensics-corpus/bin/libnull.so"));
        if (replace(bytes) is var (section, contents))
        {
            var offset = (bytes.Length + 7) & ~7;
            var sectionHeaders = (int)BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(40));
            var header = sectionHeaders + section * 64;
            Array.Resize(ref bytes, offset + contents.Length);
            contents.CopyTo(bytes, offset);
            BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(header + 24), (ulong)offset);
            BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(header + 32), (ulong)contents.Length);
        }
        File.WriteAllBytes(Path.Join(_folder, "libnull.so"), bytes);
        var clock = new TickingClock();
        var options = new ImportOptions
        {
            SymbolDirectories = [_folder], UseModulePaths = false, HashContent = false,
            FileTimeLimit = TimeSpan.FromMilliseconds(Limit), Clock = clock,
        };
        var result = new InputImporter(options).ImportInput(TestPaths.CorpusFile("backtrace", "lib-null", "core.xz"), "backtrace/lib-null/core.xz");
        Assert.Equal(InputStatus.Ok, result.Record.Status);
        return (Assert.Single(result.Captures), clock);
    }

    private static uint NameOffset(byte[] bytes, ReadOnlySpan<byte> name)
    {
        byte[] terminated = [.. name, 0];
        var at = bytes.AsSpan(StringTable, StringTableSize).IndexOf(terminated);
        Assert.True(at > 0);
        return (uint)at;
    }

    /// <summary>A clock that moves one millisecond each time it is read.</summary>
    private sealed class TickingClock : TimeProvider
    {
        private long _readings;
        public int Readings => (int)Interlocked.Read(ref _readings);
        public override long TimestampFrequency => 1000;
        public override long GetTimestamp() => Interlocked.Increment(ref _readings);
    }
}
