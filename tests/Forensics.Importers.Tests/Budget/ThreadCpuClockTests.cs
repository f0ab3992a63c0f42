using System.Diagnostics;
using Forensics.Importers.Budget;

namespace Forensics.Importers.Tests.Budget;

/// <summary>The default budget clock counts the reading thread's CPU time, so waiting on a busy machine costs nothing.</summary>
public sealed class ThreadCpuClockTests
{
    [Fact]
    public void A_thread_that_waits_spends_none_of_its_time_budget()
    {
        var budget = ReadBudget.Start(TimeSpan.FromMilliseconds(200), long.MaxValue);

        // Descheduled for 600 ms, as a thread is while other work has the CPUs: a wall clock would have run out.
        Thread.Sleep(600);

        Assert.Null(Record.Exception(budget.Check));
    }

    [Fact]
    public void A_thread_that_computes_spends_its_time_budget()
    {
        var budget = ReadBudget.Start(TimeSpan.FromMilliseconds(100), long.MaxValue);
        var spinning = Stopwatch.StartNew();
        var stopped = Record.Exception(() =>
        {
            while (spinning.Elapsed < TimeSpan.FromSeconds(30))
                budget.Check();
        });

        var exceeded = Assert.IsType<ReadBudgetExceededException>(stopped);
        Assert.Equal(ReadBudgetLimit.Time, exceeded.Limit);
        Assert.InRange(exceeded.Elapsed, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(30));
    }

    [Fact]
    public void The_clock_of_one_thread_does_not_advance_with_another_threads_work()
    {
        var clock = ThreadCpuClock.Instance;
        var start = clock.GetTimestamp();
        var worker = new Thread(() =>
        {
            var spinning = Stopwatch.StartNew();
            while (spinning.ElapsedMilliseconds < 400)
            {
            }
        });
        worker.Start();
        worker.Join();

        Assert.InRange(clock.GetElapsedTime(start), TimeSpan.Zero, TimeSpan.FromMilliseconds(100));
    }
}
