using System.Text;
using System.Text.RegularExpressions;
using Forensics.TestSupport;

namespace Forensics.Model.Tests;

/// <summary>
/// The format facts live in the repository: source comments cite <c>docs/*.md</c> (by file and heading anchor),
/// never documents kept elsewhere (the former FORMATS.md and SPEC sections).
/// </summary>
public sealed partial class DocumentationCitationTests
{
    [Fact]
    public void No_source_file_cites_a_document_outside_the_repository()
    {
        var offending = new List<string>();
        foreach (var (path, number, line) in SourceLines())
        {
            if (OutsideCitation().IsMatch(line))
                offending.Add($"{path}:{number}: {line.Trim()}");
        }

        Assert.True(offending.Count == 0,
            "These lines cite FORMATS.md, SPEC or a § section, which are not in the repository; cite docs/ instead:\n"
            + string.Join('\n', offending));
    }

    [Fact]
    public void Every_docs_file_and_heading_a_source_file_cites_exists()
    {
        var docs = Path.Combine(TestPaths.RepositoryRoot, "docs");
        var anchors = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var missing = new List<string>();
        var citations = 0;
        foreach (var (path, number, line) in SourceLines())
        {
            foreach (Match match in DocsCitation().Matches(line))
            {
                citations++;
                var file = match.Groups["file"].Value;
                if (!anchors.TryGetValue(file, out var headings))
                {
                    var docPath = Path.Combine(docs, file);
                    headings = File.Exists(docPath) ? Headings(docPath) : [];
                    anchors[file] = headings;
                    if (!File.Exists(docPath))
                        missing.Add($"{path}:{number}: docs/{file} does not exist");
                }
                var anchor = match.Groups["anchor"];
                if (anchor.Success && headings.Count > 0 && !headings.Contains(anchor.Value))
                    missing.Add($"{path}:{number}: docs/{file} has no heading with the anchor #{anchor.Value}");
            }
        }

        Assert.True(citations > 0, "no source file cites docs/*.md: the scan found nothing to check");
        Assert.True(missing.Count == 0, string.Join('\n', missing));
    }

    /// <summary>Every line of every C# file under <c>src/</c> (build output excluded), with its path relative to the repository.</summary>
    private static IEnumerable<(string Path, int Number, string Line)> SourceLines()
    {
        var root = TestPaths.RepositoryRoot;
        var src = Path.Combine(root, "src");
        var files = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Where(f => !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var number = 0;
            foreach (var line in File.ReadLines(Path.Combine(root, file), Encoding.UTF8))
                yield return (file, ++number, line);
        }
    }

    /// <summary>The anchors of a Markdown file's headings (outside code fences), made the way GitHub makes them.</summary>
    private static HashSet<string> Headings(string path)
    {
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        var inFence = false;
        foreach (var line in File.ReadLines(path, Encoding.UTF8))
        {
            if (line.StartsWith("```", StringComparison.Ordinal))
                inFence = !inFence;
            var heading = inFence ? Match.Empty : Heading().Match(line);
            if (heading.Success)
                anchors.Add(Anchor(heading.Groups["text"].Value));
        }
        return anchors;
    }

    /// <summary>Lower case, spaces to hyphens, every character but letters, digits, <c>-</c> and <c>_</c> dropped.</summary>
    private static string Anchor(string heading)
    {
        var builder = new StringBuilder(heading.Length);
        foreach (var c in heading.Trim().ToLowerInvariant())
        {
            if (c == ' ')
                builder.Append('-');
            else if (char.IsLetterOrDigit(c) || c is '-' or '_')
                builder.Append(c);
        }
        return builder.ToString();
    }

    [GeneratedRegex(@"FORMATS|\bSPEC\b|§", RegexOptions.CultureInvariant)]
    private static partial Regex OutsideCitation();

    [GeneratedRegex(@"docs/(?<file>[a-z0-9-]+\.md)(?:#(?<anchor>[a-z0-9_-]+))?", RegexOptions.CultureInvariant)]
    private static partial Regex DocsCitation();

    [GeneratedRegex(@"^#{1,6}\s+(?<text>.+?)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex Heading();
}
