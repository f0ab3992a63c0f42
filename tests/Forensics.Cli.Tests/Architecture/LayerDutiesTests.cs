using System.Text.RegularExpressions;
using Forensics.TestSupport;

namespace Forensics.Cli.Tests.Architecture;

/// <summary>
/// What a layer must not do (issue 12): Analysis decides and Reports prints, so no address or size is formatted in
/// Analysis; and a reader is given its budget, so no state is found from the thread.
/// </summary>
public sealed partial class LayerDutiesTests
{
    [Fact]
    public void Analysis_formats_no_address()
    {
        var lines = SourceLines("Forensics.Analysis").Where(l => Formatting().IsMatch(l.Text)).ToList();

        Assert.True(lines.Count == 0, "Analysis formats addresses itself; return a Sentence with typed values and let Reports print it:\n"
            + string.Join('\n', lines.Select(l => l.Place + ": " + l.Text.Trim())));
    }

    [Fact]
    public void No_source_keeps_ambient_state_on_the_thread()
    {
        var lines = SourceLines().Where(l => Ambient().IsMatch(l.Text)).ToList();

        Assert.True(lines.Count == 0, "Pass the state (a read budget) explicitly instead:\n"
            + string.Join('\n', lines.Select(l => l.Place + ": " + l.Text.Trim())));
    }

    private static IEnumerable<(string Place, string Text)> SourceLines(string project = "")
    {
        var folder = Path.Combine(TestPaths.RepositoryRoot, "src", project);
        foreach (var file in Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(TestPaths.RepositoryRoot, file);
            if (relative.Contains("/obj/", StringComparison.Ordinal) || relative.Contains("/bin/", StringComparison.Ordinal))
                continue;
            var number = 0;
            foreach (var line in File.ReadLines(file))
            {
                number++;
                yield return (relative + ":" + number, line);
            }
        }
    }

    /// <summary>Hex formatting of a value: <c>ToString("x")</c>, <c>{value:x}</c>, <c>"0x" + …</c>.</summary>
    [GeneratedRegex(@"ToString\(""[xX]|:[xX]\d*\}|""0x""", RegexOptions.CultureInvariant)]
    private static partial Regex Formatting();

    [GeneratedRegex(@"\[ThreadStatic\]|ThreadLocal<|AsyncLocal<", RegexOptions.CultureInvariant)]
    private static partial Regex Ambient();
}
