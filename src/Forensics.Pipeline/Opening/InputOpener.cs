namespace Forensics.Pipeline.Opening;

/// <summary>
/// Opens inputs for reading by content: the file once, read-only and shared, with its compression layers unwrapped by
/// magic bytes (<see cref="OpenedInput"/>). Every reader of an input (the importer, then the ClrMD annotation) goes
/// through the one <see cref="OpenedInput"/>, so the file is opened once.
/// </summary>
public sealed class InputOpener
{
    private readonly Func<string, Stream> _openFile;

    /// <summary>Opens files with <see cref="OpenRead"/>.</summary>
    public InputOpener()
        : this(OpenRead)
    {
    }

    /// <summary>Opens files with <paramref name="openFile"/>: a seam for tests that count or refuse opens.</summary>
    public InputOpener(Func<string, Stream> openFile)
    {
        ArgumentNullException.ThrowIfNull(openFile);
        _openFile = openFile;
    }

    /// <summary>
    /// Opens <paramref name="path"/> and unwraps its compression layers; a damaged compressed stream is reported into
    /// <paramref name="diagnostics"/>. I/O errors are the caller's to turn into a status.
    /// </summary>
    public OpenedInput Open(string path, Model.DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var file = _openFile(path);
        try
        {
            return new OpenedInput(file, diagnostics);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>A file opened read-only, leaving it to others to write, rename or delete (a log still being written).</summary>
    public static FileStream OpenRead(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 4096);
}
