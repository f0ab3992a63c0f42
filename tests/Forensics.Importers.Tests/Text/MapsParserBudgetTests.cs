using Forensics.Importers.Budget;
using Forensics.Importers.Detection;
using Forensics.Importers.Text.Maps;
using Forensics.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace Forensics.Importers.Tests.Text;

/// <summary>The per-file budget reaches into the text parsers: they check it every few thousand lines.</summary>
public sealed class MapsParserBudgetTests
{
    [Fact]
    public void Text_parsing_stops_at_a_line_checkpoint_and_names_the_line()
    {
        var text = SampleFile.ReadAllText(TestPaths.CorpusFile("bench", "many-maps.maps.xz"));
        // Every reading of the clock moves it one second: the checkpoint at line 1 sees 1 s, the one at line 4097 2 s.
        var clock = new FakeTimeProvider { AutoAdvanceAmount = TimeSpan.FromSeconds(1) };
        var budget = ReadBudget.Start(TimeSpan.FromSeconds(1.5), long.MaxValue, clock);

        var stopped = Assert.Throws<ReadBudgetExceededException>(() => MapsParser.Parse(System.Text.Encoding.UTF8.GetBytes(text), 1, budget));

        Assert.Equal((ReadBudgetLimit.Time, 1 + ReadBudget.LinesPerCheck, (ulong?)null), (stopped.Limit, stopped.Line, stopped.Offset));
    }

    [Fact]
    public void A_parser_checks_the_budget_it_is_given_and_no_other()
    {
        var text = SampleFile.ReadAllText(TestPaths.CorpusFile("bench", "many-maps.maps.xz"));
        var clock = new FakeTimeProvider();
        var spent = ReadBudget.Start(TimeSpan.FromSeconds(1), long.MaxValue, clock);
        clock.Advance(TimeSpan.FromSeconds(2));

        // A spent budget on this thread stops nothing it is not given to: no budget is found from the thread.
        var unlimited = TextDocumentImporter.Import(text);
        var stopped = Assert.Throws<ReadBudgetExceededException>(() => TextDocumentImporter.Import(text, spent));

        Assert.Equal(20026, Assert.Single(unlimited).Regions.Count);
        Assert.Equal((ReadBudgetLimit.Time, 1), (stopped.Limit, stopped.Line));
    }
}
