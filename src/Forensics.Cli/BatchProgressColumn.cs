using Spectre.Console;
using Spectre.Console.Rendering;

namespace Forensics.Cli;

/// <summary>A column of the terminal display that renders from the batch's counters at each refresh.</summary>
internal sealed class BatchProgressColumn(BatchProgress batch, Func<BatchProgressSnapshot, string> text) : ProgressColumn
{
    public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
        new Text(text(batch.Snapshot()));
}
