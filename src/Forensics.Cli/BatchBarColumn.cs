using Spectre.Console;
using Spectre.Console.Rendering;

namespace Forensics.Cli;

/// <summary>
/// Spectre's bar over files done of the total. The task's value is set here, on the display's refresh thread,
/// so the import workers never touch the Spectre task.
/// </summary>
internal sealed class BatchBarColumn(BatchProgress batch) : ProgressColumn
{
    private readonly ProgressBarColumn _bar = new() { Width = 30 };

    public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime)
    {
        task.Value = batch.Snapshot().FilesDone;
        return _bar.Render(options, task, deltaTime);
    }

    public override int? GetColumnWidth(RenderOptions options) => _bar.GetColumnWidth(options);
}
