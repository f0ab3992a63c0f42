using Forensics.Model;

namespace Forensics.Pipeline;

/// <summary>Progress of the import of a batch, fed from the import workers: implementations are thread-safe.</summary>
public interface IImportProgress : IDisposable
{
    /// <summary>A worker starts on <paramref name="displayPath"/>.</summary>
    void FileStarted(string displayPath);

    /// <summary>A worker finished <paramref name="displayPath"/>: its size, the captures found and its status.</summary>
    void FileDone(string displayPath, long bytes, int captures, InputStatus status);
}
