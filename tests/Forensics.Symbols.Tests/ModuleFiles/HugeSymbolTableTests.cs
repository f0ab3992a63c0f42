using System.Buffers.Binary;
using Forensics.Elf;
using Forensics.Symbols.ModuleFiles;

namespace Forensics.Symbols.Tests.ModuleFiles;

/// <summary>
/// Symbol tables of hundreds of thousands of entries, and ones whose size lies: read under the input's budget, which is
/// passed every <see cref="ReadCheckpoints.EntriesPerCheck"/> entries, so a spent budget stops the read there.
/// </summary>
public class HugeSymbolTableTests
{
    private const int Count = 300_000;
    private static readonly Lazy<(byte[] Bytes, int SymbolTableHeader)> File = new(() => SymbolTableFile.Build(Count));

    [Fact]
    public void A_table_of_300000_functions_is_read_whole_and_names_every_address()
    {
        var checkpoint = new CountingCheckpoint();
        var file = ModuleFileReader.TryRead("huge.so", File.Value.Bytes, checkpoint, out var problem);
        Assert.Null(problem);
        Assert.NotNull(file);
        Assert.Equal(SymbolTableFile.BuildId, file.BuildId);
        Assert.Equal(Count, file.Symbols.Count);
        Assert.Equal("f_123456", file.Symbols.Find(SymbolTableFile.TextAddress + 123_456 * SymbolTableFile.FunctionSize + 7)?.Name);
        Assert.Equal("f_299999", file.Symbols.Find(SymbolTableFile.TextAddress + 299_999 * SymbolTableFile.FunctionSize)?.Name);
        Assert.Null(file.Symbols.Find(SymbolTableFile.TextAddress + Count * SymbolTableFile.FunctionSize));
        // 300,001 entries (the null symbol first) pass the checkpoint every 1,024 entries, then once after the table.
        Assert.Equal(1024, ReadCheckpoints.EntriesPerCheck);
        Assert.Equal(294, checkpoint.Checks);
    }

    [Fact]
    public void A_spent_budget_stops_the_table_within_one_stride_of_entries()
    {
        var checkpoint = new CountingCheckpoint(allowed: 10);
        Assert.Throws<BudgetSpentException>(() => ModuleFileReader.TryRead("huge.so", File.Value.Bytes, checkpoint, out _));
        // The eleventh checkpoint, before entry 10,240 of 300,001, is the last thing the read did.
        Assert.Equal(11, checkpoint.Checks);
    }

    [Fact]
    public void A_symbol_count_past_the_end_of_the_file_is_read_to_the_end_with_a_problem()
    {
        var (bytes, header) = File.Value;
        var lying = (byte[])bytes.Clone();
        BinaryPrimitives.WriteUInt64LittleEndian(lying.AsSpan(header + 32), 1UL << 40); // sh_size: 45,812,984,490 entries
        var checkpoint = new CountingCheckpoint();
        var file = ModuleFileReader.TryRead("huge.so", lying, checkpoint, out var problem);
        Assert.Null(problem);
        Assert.NotNull(file);
        var held = (lying.Length - 0x1000) / 24;
        Assert.Equal([$".symtab of [huge.so] claims [45812984490] symbols, the file holds [{held}]: the rest are not read"], file.Problems);
        // Bounded by the file, not the claim: the real functions are all there, and the checkpoints cover the file's entries.
        Assert.Equal("f_000042", file.Symbols.Find(SymbolTableFile.TextAddress + 42 * SymbolTableFile.FunctionSize)?.Name);
        Assert.Equal((held + 1023) / 1024 + 1, checkpoint.Checks);
    }

    [Fact]
    public void A_symbol_table_that_starts_past_the_file_gives_no_symbols_and_a_problem()
    {
        var (bytes, header) = File.Value;
        var lying = (byte[])bytes.Clone();
        BinaryPrimitives.WriteUInt64LittleEndian(lying.AsSpan(header + 24), 1UL << 40); // sh_offset
        var file = ModuleFileReader.TryRead("huge.so", lying, new CountingCheckpoint(), out _);
        Assert.NotNull(file);
        Assert.Equal(0, file.Symbols.Count);
        Assert.Equal([$".symtab of [huge.so] starts at [0x10000000000], past the end of the file of [{lying.Length}] bytes"], file.Problems);
    }
}
