using Forensics.Model;

namespace Forensics.Pipeline.Tests;

/// <summary>Progress that shows nothing, for tests that run the pipeline.</summary>
internal sealed class SilentProgress : IRunProgress, IImportProgress
{
    public T Step<T>(string description, Func<T> step) => step();

    public void Note(string line)
    {
    }

    public IImportProgress StartBatch(int totalFiles, long totalBytes) => this;

    public void FileStarted(string displayPath)
    {
    }

    public void FileDone(string displayPath, long bytes, int captures, InputStatus status)
    {
    }

    public void Dispose()
    {
    }
}
