using Forensics.Pipeline.Store;

namespace Forensics.Cli.Tests;

/// <summary>Compares two report folders file by file, byte for byte; the kept results in <c>.forensics/</c> are not reports.</summary>
internal static class ReportFolders
{
    public static void AssertSameFiles(string expected, string actual)
    {
        var expectedFiles = RelativeFiles(expected);
        Assert.Equal(expectedFiles, RelativeFiles(actual));
        foreach (var file in expectedFiles)
        {
            var want = File.ReadAllBytes(Path.Combine(expected, file));
            var got = File.ReadAllBytes(Path.Combine(actual, file));
            Assert.True(want.AsSpan().SequenceEqual(got), $"{file} differs between {expected} and {actual}");
        }
    }

    public static string[] RelativeFiles(string folder) =>
        [.. Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith(ResultFolder.FolderName + "/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)];
}
