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
    public void Checkpoints_of_the_unlimited_budget_never_stop()
    {
        var allocated = new byte[1 << 20];

        ReadBudget.Unlimited.Check();
        ReadBudget.Unlimited.CheckAtLine(1);
        ReadBudget.Unlimited.CheckAtOffset(0);

        Assert.Equal((Timeout.InfiniteTimeSpan, long.MaxValue), (ReadBudget.Unlimited.TimeLimit, ReadBudget.Unlimited.AllocationLimit));
        GC.KeepAlive(allocated);
    }

    [Fact]
    public void A_share_on_a_helper_thread_adds_that_threads_allocations_to_the_budget()
    {
        const int Limit = 1 << 20;
        var budget = ReadBudget.Start(Timeout.InfiniteTimeSpan, Limit);
        var helper = new Thread(() =>
        {
            var share = budget.Share();
            var bytes = new byte[Limit * 3 / 5];
            share.Check();
            GC.KeepAlive(bytes);
        });
        helper.Start();
        helper.Join();
        var mine = new byte[Limit * 3 / 5];

        // Each thread allocated three fifths of the limit: only their sum passes it.
        var stopped = Assert.Throws<ReadBudgetExceededException>(budget.Check);

        Assert.Equal(ReadBudgetLimit.Allocation, stopped.Limit);
        Assert.InRange(stopped.AllocatedBytes, Limit * 6L / 5, Limit * 2L);
        GC.KeepAlive(mine);
    }

    [Fact]
    public void A_spent_time_budget_stops_the_program_header_loop_at_its_entry()
    {
        var builder = new ElfCoreBuilder();
        var clock = new FakeTimeProvider();
        var budget = ReadBudget.Start(TimeSpan.FromSeconds(1), long.MaxValue, clock);
        clock.Advance(TimeSpan.FromSeconds(2));

        var stopped = Assert.Throws<ReadBudgetExceededException>(() => ElfCoreFile.Read(new MemoryByteSource(CoreWithSegments(3)), new ElfDiagnosticList(), checkpoint: budget));

        Assert.Equal((ReadBudgetLimit.Time, TimeSpan.FromSeconds(2), null, (ulong?)(ulong)builder.ProgramHeaderOffset),
            (stopped.Limit, stopped.Elapsed, stopped.Line, stopped.Offset));
    }

    [Fact]
    public void The_ELF_reader_checks_only_the_budget_it_is_given()
    {
        var clock = new FakeTimeProvider();
        var budget = ReadBudget.Start(TimeSpan.FromSeconds(1), long.MaxValue, clock);
        clock.Advance(TimeSpan.FromSeconds(2));

        var read = ElfCoreFile.Read(new MemoryByteSource(CoreWithSegments(3)), new ElfDiagnosticList());

        Assert.Equal([0x400000UL, 0x401000UL, 0x402000UL], read.LoadSegments.Select(l => l.VirtualAddress));
        var stopped = Assert.Throws<ReadBudgetExceededException>(() => ((IReadCheckpoint)budget).Check(0x40));
        Assert.Equal((ReadBudgetLimit.Time, (ulong?)0x40), (stopped.Limit, stopped.Offset));
    }

    [Fact]
    public void A_spent_allocation_budget_stops_the_next_checkpoint()
    {
        var budget = ReadBudget.Start(Timeout.InfiniteTimeSpan, 64 * 1024);
        var allocated = new byte[1 << 20];

        var stopped = Assert.Throws<ReadBudgetExceededException>(() => budget.CheckAtLine(7));

        Assert.Equal((ReadBudgetLimit.Allocation, 7), (stopped.Limit, stopped.Line));
        Assert.InRange(stopped.AllocatedBytes, allocated.Length, long.MaxValue);
        GC.KeepAlive(allocated);
    }

    [Fact]
    public void A_spent_budget_stops_only_its_own_checkpoints()
    {
        var clock = new FakeTimeProvider();
        var spent = ReadBudget.Start(TimeSpan.FromSeconds(1), long.MaxValue, clock);
        var fresh = ReadBudget.Start(TimeSpan.FromSeconds(10), long.MaxValue, clock);
        clock.Advance(TimeSpan.FromSeconds(2));

        fresh.CheckAtOffset(0x40);
        ReadBudget.Unlimited.CheckAtOffset(0x40);
        var stopped = Assert.Throws<ReadBudgetExceededException>(() => spent.CheckAtOffset(0x40));

        Assert.Equal((ReadBudgetLimit.Time, TimeSpan.FromSeconds(2), (ulong?)0x40), (stopped.Limit, stopped.Elapsed, stopped.Offset));
    }

    [Fact]
    public void Limits_are_positive_or_infinite()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ReadBudget.Start(TimeSpan.Zero, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => ReadBudget.Start(TimeSpan.FromSeconds(1), 0));
        ReadBudget.Start(Timeout.InfiniteTimeSpan, long.MaxValue).Check();
    }
}
