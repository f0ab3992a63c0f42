using System.Xml.Linq;
using Forensics.TestSupport;

namespace Forensics.Cli.Tests.Architecture;

/// <summary>
/// The layers depend one way (issue 12): the project references of <c>src/</c> are read from the .csproj files and
/// must be exactly these edges, so that a new reference is a deliberate change of this table.
/// </summary>
public sealed class ProjectGraphTests
{
    private static readonly Dictionary<string, string[]> Allowed = new(StringComparer.Ordinal)
    {
        ["Forensics.Model"] = [],
        ["Forensics.Elf"] = [],
        ["Forensics.Importers"] = ["Forensics.Elf", "Forensics.Model"],
        ["Forensics.Analysis"] = ["Forensics.Model"],
        ["Forensics.Reports"] = ["Forensics.Analysis", "Forensics.Model"],
        ["Forensics.Symbols"] = ["Forensics.Elf", "Forensics.Model"],
        ["Forensics.Pipeline"] = ["Forensics.Analysis", "Forensics.Importers", "Forensics.Model", "Forensics.Symbols"],
        ["Forensics.Cli"] = ["Forensics.Pipeline", "Forensics.Reports"],
    };

    [Fact]
    public void Source_projects_reference_only_the_layers_below_them()
    {
        var actual = ReadGraph();

        Assert.Equal(Allowed.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        foreach (var (project, references) in actual)
            Assert.True(Allowed[project].Order(StringComparer.Ordinal).SequenceEqual(references),
                $"{project} references [{string.Join(", ", references)}]; allowed: [{string.Join(", ", Allowed[project].Order(StringComparer.Ordinal))}]");
    }

    private static Dictionary<string, List<string>> ReadGraph()
    {
        var graph = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(TestPaths.RepositoryRoot, "src"), "*.csproj", SearchOption.AllDirectories))
        {
            var references = XDocument.Load(file).Descendants("ProjectReference")
                .Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value.Replace('\\', '/')))
                .Order(StringComparer.Ordinal)
                .ToList();
            graph.Add(Path.GetFileNameWithoutExtension(file), references);
        }
        return graph;
    }
}
