namespace Forensics.TestSupport;

/// <summary>Where the repository, its corpus and the shared samples are, found from the test's working folder.</summary>
public static class TestPaths
{
    private static readonly Lazy<string> Root = new(FindRoot);

    /// <summary>The repository root (the folder holding <c>Forensics.sln</c>).</summary>
    public static string RepositoryRoot => Root.Value;

    public static string Corpus => Path.Combine(RepositoryRoot, "corpus");

    public static string Reports => Path.Combine(RepositoryRoot, "reports");

    /// <summary>
    /// <c>../shared/samples</c> beside the repository. Tests that use it fail loudly when it is missing
    /// rather than skip, so CI cannot pass without the samples.
    /// </summary>
    public static string Samples
    {
        get
        {
            var path = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "samples"));
            if (!Directory.Exists(path))
                throw new DirectoryNotFoundException($"The shared samples are expected at [{path}].");
            return path;
        }
    }

    public static string Sample(params string[] parts) => Path.Combine([Samples, .. parts]);

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
