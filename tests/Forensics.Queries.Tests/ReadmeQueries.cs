using System.Text.RegularExpressions;
using Forensics.TestSupport;

namespace Forensics.Queries.Tests;

/// <summary>The SQL of the README's "Querying the tables" section: its view definitions and its queries, each with its comment.</summary>
internal static partial class ReadmeQueries
{
    public sealed record Query(string Comment, string Sql);

    /// <summary>The statements of the section's <c>sql</c> blocks, in order: views first as the README gives them.</summary>
    public static IReadOnlyList<Query> All()
    {
        var readme = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "README.md"));
        var start = readme.IndexOf("## Querying the tables", StringComparison.Ordinal);
        var end = readme.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        var section = readme[start..end];
        var statements = new List<Query>();
        foreach (Match block in SqlBlock().Matches(section))
        {
            foreach (var text in block.Groups[1].Value.Split(";\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var lines = text.Split('\n');
                var comment = string.Join(' ', lines.TakeWhile(l => l.StartsWith("--", StringComparison.Ordinal)).Select(l => l[2..].Trim()));
                var sql = string.Join('\n', lines.SkipWhile(l => l.StartsWith("--", StringComparison.Ordinal))).TrimEnd(';');
                if (sql.Length > 0)
                    statements.Add(new Query(comment, sql));
            }
        }
        return statements;
    }

    [GeneratedRegex("```sql\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex SqlBlock();
}
