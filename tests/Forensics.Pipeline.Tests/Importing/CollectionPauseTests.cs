using System.Runtime;
using Forensics.Pipeline.Importing;

namespace Forensics.Pipeline.Tests.Importing;

/// <summary>
/// The pause of the collector around a large text's parse: only for a large text, one at a time, always ended. Alone:
/// the pause is the process's, and another test's large text would hold it.
/// </summary>
[CollectionDefinition(nameof(CollectionPauseTests), DisableParallelization = true)]
public sealed class CollectionPauseCollection;

[Collection(nameof(CollectionPauseTests))]
public sealed class CollectionPauseTests
{
    [Fact]
    public void A_short_text_holds_nothing()
    {
        using var pause = CollectionPause.For(CollectionPause.MinimumTextBytes - 1);

        Assert.False(pause.Holding);
    }

    [Fact]
    public void A_large_text_holds_the_collector_off_once_at_a_time_and_its_end_lets_it_run()
    {
        using (var pause = CollectionPause.For(CollectionPause.MinimumTextBytes))
        {
            Assert.True(pause.Holding);
            using var second = CollectionPause.For(CollectionPause.MinimumTextBytes);
            Assert.False(second.Holding);
        }

        Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
        using var next = CollectionPause.For(CollectionPause.MinimumTextBytes);
        Assert.True(next.Holding);
    }

    [Fact]
    public void Allocating_past_the_amount_ends_the_pause_without_an_error()
    {
        var pause = CollectionPause.For(CollectionPause.MinimumTextBytes);
        Assert.True(pause.Holding);
        // Twice the amount asked for (two bytes a byte of text) forces a collection, which ends the pause early.
        var kept = new List<byte[]>();
        for (var i = 0; i < 80; i++)
            kept.Add(new byte[1 << 20]);

        pause.Dispose();

        Assert.Equal(80, kept.Count);
        Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
    }
}
