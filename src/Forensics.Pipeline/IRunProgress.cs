namespace Forensics.Pipeline;

/// <summary>What a run tells whoever shows its progress (a terminal, plain lines, nothing): the CLI implements it.</summary>
public interface IRunProgress
{
    /// <summary>Runs <paramref name="step"/> while showing <paramref name="description"/>.</summary>
    T Step<T>(string description, Func<T> step);

    /// <summary>One line about the run (results reused, results that could not be kept).</summary>
    void Note(string line);

    /// <summary>Starts showing the import of <paramref name="totalFiles"/> files of <paramref name="totalBytes"/> bytes; disposing it ends it.</summary>
    IImportProgress StartBatch(int totalFiles, long totalBytes);
}
