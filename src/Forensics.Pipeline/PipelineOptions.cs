using Forensics.Pipeline.Importing;
using Forensics.Pipeline.Listing;
using Forensics.Pipeline.Store;

namespace Forensics.Pipeline;

/// <summary>How a batch runs: how many inputs at once, which slice of them, and where results are kept for the next run.</summary>
public sealed record PipelineOptions
{
    /// <summary>Inputs imported (and captures analysed) at once.</summary>
    public int Jobs { get; init; } = Environment.ProcessorCount;

    public Shard Shard { get; init; } = Shard.All;

    /// <summary>
    /// The report folder, whose <see cref="ResultFolder"/> keeps every input's result for the next run and for
    /// <c>merge</c>; null keeps nothing.
    /// </summary>
    public string? OutputDirectory { get; init; }

    /// <summary>How each input is imported, with its per-file time and allocation limits.</summary>
    public ImportOptions Import { get; init; } = new();

    /// <summary>Import every input again even when a kept result of the same content exists.</summary>
    public bool Fresh { get; init; }
}
