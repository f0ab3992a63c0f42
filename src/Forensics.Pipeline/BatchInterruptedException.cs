using System.Globalization;

namespace Forensics.Pipeline;

/// <summary>
/// A run stopped by Ctrl-C before it wrote any report. The results it finished stay in the result folder, where the
/// next run over the same inputs finds them; the message says how many.
/// </summary>
public sealed class BatchInterruptedException : OperationCanceledException
{
    public BatchInterruptedException(int? keptResults, CancellationToken cancellation)
        : base(Describe(keptResults), cancellation) => KeptResults = keptResults;

    /// <summary>How many inputs' results are kept for the next run; null when the run keeps none.</summary>
    public int? KeptResults { get; }

    private static string Describe(int? kept) => kept is { } count
        ? string.Create(CultureInfo.InvariantCulture, $"interrupted: kept the results of {count} inputs; run again to continue")
        : "interrupted: no report was written";
}
