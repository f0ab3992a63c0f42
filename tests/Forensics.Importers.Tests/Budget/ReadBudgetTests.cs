using Forensics.Elf;
using Forensics.Elf.Sources;
using Forensics.Importers.Budget;
using Forensics.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace Forensics.Importers.Tests.Budget;

public sealed class ReadBudgetTests
{
    private static byte[] CoreWithSegments(int count)
    {
        var builder = new ElfCoreBuilder().PrStatus(1, 11, 0x401000, 0x7ffc0000);
        for (var index = 0; index < count; index++)
            builder.Segment(0x400000 + ((ulong)index * 0x1000), 0x1000, 5);
        return builder.Build();
    }

    [Fact]
    public void Checkpoints_without_a_budget_do_nothing()
    {
        ReadBudget.Check();
        ReadBudget.CheckAtLine(1);
        ReadBudget.CheckAtOffset(0);
    }

    [Fact]
    public void A_spent_time_budget_stops_the_program_header_loop_at_its_entry()
    {
        var builder = new ElfCoreBuilder();
        var clock = new FakeTimeProvider();
        using var budget = ReadBudget.Start(TimeSpan.FromSeconds(1), long.MaxValue, clock);
        clock.Advance(TimeSpan.FromSeconds(2));

        var stopped = Assert.Throws<ReadBudgetExceededException>(() => ElfCoreFile.Read(new MemoryByteSource(CoreWithSegments(3)), new ElfDiagnosticList(), checkpoint: budget));

        Assert.Equal((ReadBudgetLimit.Time, TimeSpan.FromSeconds(2), null, (ulong?)(ulong)builder.ProgramHeaderOffset),
            (stopped.Limit, stopped.Elapsed, stopped.Line, stopped.Offset));
    }

    [Fact]
    public void The_ELF_reader_checks_only_the_budget_it_is_given()
    {
        var clock = new FakeTimeProvider();
        using var budget = ReadBudget.Start(TimeSpan.FromSeconds(1), long.MaxValue, clock);
        clock.Advance(TimeSpan.FromSeconds(2));

        var read = ElfCoreFile.Read(new MemoryByteSource(CoreWithSegments(3)), new ElfDiagnosticList());

        Assert.Equal([0x400000UL, 0x401000UL, 0x402000UL], read.LoadSegments.Select(l => l.VirtualAddress));
        var stopped = Assert.Throws<ReadBudgetExceededException>(() => ((IReadCheckpoint)budget).Check(0x40));
        Assert.Equal((ReadBudgetLimit.Time, (ulong?)0x40), (stopped.Limit, stopped.Offset));
    }

    [Fact]
    public void A_spent_allocation_budget_stops_the_next_checkpoint()
    {
        using var budget = ReadBudget.Start(Timeout.InfiniteTimeSpan, 64 * 1024);
        var allocated = new byte[1 << 20];

        var stopped = Assert.Throws<ReadBudgetExceededException>(() => ReadBudget.CheckAtLine(7));

        Assert.Equal((ReadBudgetLimit.Allocation, 7), (stopped.Limit, stopped.Line));
        Assert.InRange(stopped.AllocatedBytes, allocated.Length, long.MaxValue);
        GC.KeepAlive(allocated);
    }

    [Fact]
    public void A_budget_is_seen_only_by_the_thread_that_started_it()
    {
        var clock = new FakeTimeProvider();
        using var budget = ReadBudget.Start(TimeSpan.FromSeconds(1), long.MaxValue, clock);
        clock.Advance(TimeSpan.FromSeconds(2));

        Exception? stopped = null;
        var other = new Thread(() => stopped = Record.Exception(() => ReadBudget.CheckAtOffset(0x40)));
        other.Start();
        other.Join();

        Assert.Null(stopped);
        Assert.Throws<ReadBudgetExceededException>(ReadBudget.Check);
    }

    [Fact]
    public void Ending_a_budget_restores_the_one_it_was_started_in()
    {
        var clock = new FakeTimeProvider();
        using var outer = ReadBudget.Start(TimeSpan.FromSeconds(10), long.MaxValue, clock);
        using (ReadBudget.Start(TimeSpan.FromSeconds(1), long.MaxValue, clock))
        {
            clock.Advance(TimeSpan.FromSeconds(2));
            Assert.Throws<ReadBudgetExceededException>(ReadBudget.Check);
        }

        ReadBudget.Check();
        outer.Dispose();
        clock.Advance(TimeSpan.FromSeconds(20));
        ReadBudget.Check();
    }

    [Fact]
    public void Limits_are_positive_or_infinite()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ReadBudget.Start(TimeSpan.Zero, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => ReadBudget.Start(TimeSpan.FromSeconds(1), 0));
        using var unlimited = ReadBudget.Start(Timeout.InfiniteTimeSpan, long.MaxValue);
        ReadBudget.Check();
    }
}
