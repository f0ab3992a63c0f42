namespace Forensics.TestSupport;

/// <summary>Where the repository and its corpus are, found from the test's working folder. No test reads outside the repository.</summary>
public static class TestPaths
{
    private static readonly Lazy<string> Root = new(FindRoot);

    /// <summary>The repository root (the folder holding <c>Forensics.sln</c>).</summary>
    public static string RepositoryRoot => Root.Value;

    public static string Corpus => Path.Combine(RepositoryRoot, "corpus");

    public static string Reports => Path.Combine(RepositoryRoot, "reports");

    /// <summary>Inputs a batch must survive (<c>tests/bad-inputs/</c>), kept out of the corpus so the main command exits 0.</summary>
    public static string BadInputs => Path.Combine(RepositoryRoot, "tests", "bad-inputs");

    /// <summary>A file under <c>corpus/</c>: <c>public/</c> (other projects' captures), <c>sets/</c> (every tool on one process) or a set made by <c>make-corpus.sh</c>.</summary>
    public static string CorpusFile(params string[] parts) => Path.Combine([Corpus, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Forensics.sln")))
                return dir.FullName;
        }
        throw new DirectoryNotFoundException("Forensics.sln not found above " + AppContext.BaseDirectory);
    }
}
