using System.Text;
using System.Text.RegularExpressions;
using Forensics.TestSupport;

namespace Forensics.Model.Tests;

/// <summary>
/// The diagnostic catalogue is the one place ids are declared: each id once, every id the code, tests, docs and
/// reports use is in it, and docs/diagnostics.md lists it (rewritten with FORENSICS_ACCEPT=1).
/// </summary>
public sealed partial class DiagnosticCatalogueTests
{
    private const string CatalogueFile = "src/Forensics.Model/DiagnosticCatalogue.cs";

    [Fact]
    public void No_two_descriptors_share_an_id()
    {
        var shared = DiagnosticCatalogue.All.GroupBy(d => d.Id, StringComparer.Ordinal).Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(" / ", g.Select(d => d.Title))}").ToList();

        Assert.True(shared.Count == 0, "ids declared more than once:\n" + string.Join('\n', shared));
        Assert.All(DiagnosticCatalogue.All, d => Assert.Matches(IdPattern(), d.Id));
    }

    [Fact]
    public void Every_descriptor_field_is_in_the_list_of_all()
    {
        var fields = typeof(DiagnosticCatalogue).GetFields()
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
            .ToList();

        Assert.Equal(fields, DiagnosticCatalogue.All);
    }

    [Fact]
    public void Descriptors_name_the_problem_the_input_then_has()
    {
        Assert.Equal(("FX3010", DiagnosticSeverity.Error, InputProblem.Truncated),
            (DiagnosticCatalogue.SegmentPastEnd.Id, DiagnosticCatalogue.SegmentPastEnd.DefaultSeverity, DiagnosticCatalogue.SegmentPastEnd.Problem));
        Assert.Equal(InputProblem.NotACapture, DiagnosticCatalogue.NotCore.Problem);
        Assert.Equal(InputProblem.Corrupt, DiagnosticCatalogue.MapsLineMalformed.Problem);
        Assert.Equal(InputProblem.None, DiagnosticCatalogue.PmapDuplicateRow.Problem);
        Assert.Same(DiagnosticCatalogue.PmapRowMalformed, DiagnosticCatalogue.Find("FX1020"));
        Assert.Null(DiagnosticCatalogue.Find("FX9999"));
    }

    [Fact]
    public void Every_id_the_repository_uses_is_in_the_catalogue()
    {
        var known = DiagnosticCatalogue.All.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        var unknown = new List<string>();
        var seen = 0;
        foreach (var (path, number, line) in RepositoryLines())
        {
            foreach (Match match in IdUse().Matches(line))
            {
                seen++;
                if (!known.Contains(match.Value))
                    unknown.Add($"{path}:{number}: {match.Value}");
            }
        }

        Assert.True(seen > 100, $"only [{seen}] ids found: the scan missed the reports");
        Assert.True(unknown.Count == 0, "ids not in src/Forensics.Model/DiagnosticCatalogue.cs:\n" + string.Join('\n', unknown));
    }

    [Fact]
    public void Source_code_names_diagnostics_by_descriptor_never_by_a_literal_id()
    {
        var literals = RepositoryLines()
            .Where(l => l.Path.StartsWith("src/", StringComparison.Ordinal) && l.Path != CatalogueFile && QuotedId().IsMatch(l.Line))
            .Select(l => $"{l.Path}:{l.Number}: {l.Line.Trim()}")
            .ToList();

        Assert.True(literals.Count == 0, "use a DiagnosticCatalogue descriptor instead:\n" + string.Join('\n', literals));
    }

    [Fact]
    public void The_diagnostics_document_lists_the_catalogue()
    {
        var path = Path.Combine(TestPaths.RepositoryRoot, "docs", "diagnostics.md");
        var expected = Document();
        if (Environment.GetEnvironmentVariable("FORENSICS_ACCEPT") == "1")
            File.WriteAllText(path, expected, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));

        // On a mismatch after a change to the catalogue: run this test with FORENSICS_ACCEPT=1 to rewrite the document.
        Assert.Equal(expected, File.Exists(path) ? File.ReadAllText(path, Encoding.UTF8) : "");
    }

    private static string Document()
    {
        var text = new StringBuilder();
        text.Append("# Diagnostics\n\n")
            .Append("Every diagnostic the analyzer reports, from `src/Forensics.Model/DiagnosticCatalogue.cs` (this file is\n")
            .Append("generated from it by `DiagnosticCatalogueTests` with `FORENSICS_ACCEPT=1`). A parse site may report a\n")
            .Append("diagnostic at another severity than its default: a pmap listing without its footer is a `warning` when it\n")
            .Append("has a column header and `info` when it has none, as `pmap -q` prints. When a diagnostic is the first\n")
            .Append("error of a partial or failed input, its problem is the input's problem in `inputs.csv`; a diagnostic\n")
            .Append("that names no problem (`none`) makes it `corrupt`.\n\n")
            .Append("Ranges: FX1xxx text captures (maps, smaps, pmap, gdb); FX2xxx detection and the import of one input;\n")
            .Append("FX3xxx the ELF reader; FX4xxx the core importer; FX5xxx normalisation and merging; FX7xxx the .NET\n")
            .Append("annotation (ClrMD).\n\n")
            .Append("| id | severity | problem | title |\n")
            .Append("|----|----------|---------|-------|\n");
        foreach (var descriptor in DiagnosticCatalogue.All.OrderBy(d => d.Id, StringComparer.Ordinal))
        {
            text.Append("| ").Append(descriptor.Id)
                .Append(" | ").Append(descriptor.DefaultSeverity.ToString().ToLowerInvariant())
                .Append(" | ").Append(descriptor.Problem.ToId())
                .Append(" | ").Append(descriptor.Title.Replace("|", "\\|", StringComparison.Ordinal).Replace("<", "\\<", StringComparison.Ordinal))
                .Append(" |\n");
        }
        return text.ToString();
    }

    /// <summary>Lines of the C# sources and tests (this file, which names an unknown id on purpose, aside), the docs, the README and the checked-in reports' diagnostics.</summary>
    private static IEnumerable<(string Path, int Number, string Line)> RepositoryLines()
    {
        var root = TestPaths.RepositoryRoot;
        var files = new List<string>();
        foreach (var folder in new[] { "src", "tests" })
            files.AddRange(Directory.EnumerateFiles(Path.Combine(root, folder), "*.cs", SearchOption.AllDirectories));
        files.AddRange(Directory.EnumerateFiles(Path.Combine(root, "docs"), "*.md"));
        files.Add(Path.Combine(root, "README.md"));
        files.Add(Path.Combine(root, "reports", "diagnostics.csv"));
        foreach (var file in files
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Where(f => !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal))
            .Where(f => !f.EndsWith("/" + nameof(DiagnosticCatalogueTests) + ".cs", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal))
        {
            var number = 0;
            foreach (var line in File.ReadLines(Path.Combine(root, file), Encoding.UTF8))
                yield return (file, ++number, line);
        }
    }

    [GeneratedRegex(@"^FX\d{4}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"\bFX\d{4}\b", RegexOptions.CultureInvariant)]
    private static partial Regex IdUse();

    [GeneratedRegex(@"""FX\d{4}""", RegexOptions.CultureInvariant)]
    private static partial Regex QuotedId();
}
