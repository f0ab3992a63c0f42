using DuckDB.NET.Data;

namespace Forensics.Queries.Tests;

/// <summary>
/// The README's fleet queries run in DuckDB over the Parquet tables of the sharded corpus run and of its merge, and give
/// the counts the README states.
/// </summary>
public sealed class ReadmeQueryTests(ShardedCorpusRun run) : IClassFixture<ShardedCorpusRun>
{
    public static TheoryData<string> Layouts => ["shards", "merged"];

    /// <summary>
    /// Rows of each query of the README, in its order. A shard keeps apart the captures of one process that the merge
    /// joins (a maps saved beside its core, in another shard), so the first two count more over the shards.
    /// </summary>
    [Theory]
    [InlineData("shards", new[] { 82, 14, 40, 5, 10, 3 })]
    [InlineData("merged", new[] { 55, 9, 40, 5, 10, 3 })]
    public void Every_query_of_the_readme_gives_its_rows(string layout, int[] expectedRows)
    {
        var queries = ReadmeQueries.All().Where(q => !q.Sql.StartsWith("CREATE", StringComparison.Ordinal)).ToList();
        Assert.Equal(expectedRows.Length, queries.Count);
        using var connection = Open(layout);
        Assert.Equal(expectedRows, queries.Select(q => Rows(connection, q.Sql).Count));
    }

    [Theory]
    [MemberData(nameof(Layouts))]
    public void The_top_crash_signature_is_the_null_dereference_of_five_cores_of_crash_null(string layout)
    {
        // The four copies of one kernel core and the core systemd-coredump stored of another run of the same build.
        using var connection = Open(layout);
        var top = Rows(connection, Query("Top crash signatures"))[0];
        Assert.Equal(["SIGSEGV in crash_null+0x1416 ← crash_null+0x14d3", "null-pointer-dereference", 5L], top);
    }

    [Theory]
    [MemberData(nameof(Layouts))]
    public void The_captures_of_one_build_are_its_five_cores(string layout)
    {
        using var connection = Open(layout);
        var inputs = Rows(connection, Query("The captures that map one build")).Select(r => (string)r[2]!).ToList();
        Assert.Equal(["crash-null/core.gz", "crash-null/core.lz4", "crash-null/core.xz", "crash-null/core.zst"], inputs[..4]);
        Assert.StartsWith("systemd-coredump/core.crash_null.65534.", Assert.Single(inputs[4..]), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Layouts))]
    public void Version_skew_names_the_two_builds_of_libc_with_their_captures(string layout)
    {
        using var connection = Open(layout);
        var libc = Rows(connection, Query("Version skew")).Where(r => (string)r[0]! == "/usr/lib/x86_64-linux-gnu/libc.so.6").ToList();
        Assert.Equal([["/usr/lib/x86_64-linux-gnu/libc.so.6", "93ac61ec5a8eb1396f9fbd350e3169a558528a40", 28L],
            ["/usr/lib/x86_64-linux-gnu/libc.so.6", "89c3cb85f9e55046776471fed05ec441581d1969", 1L]], libc);
    }

    [Theory]
    [MemberData(nameof(Layouts))]
    public void Growth_over_snapshots_shows_the_64_mib_allocation(string layout)
    {
        using var connection = Open(layout);
        var anon = Rows(connection, Query("Growth of a kind")).Where(r => (string)r[1]! == "anon").ToList();
        // 67112960 bytes more after the 64 MiB allocation, as the comparison says; both hold the anonymous memory after
        // grow's and libc's data, which a maps text cannot show to be their bss.
        Assert.Equal([["grow/before.maps", "anon", 4L, 139264L], ["grow/after.maps", "anon", 4L, 67252224L]], anon);
    }

    private DuckDBConnection Open(string layout)
    {
        var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        Execute(connection, "SET file_search_path = '" + (layout == "shards" ? run.ShardsFolder : run.MergedFolder).Replace("'", "''", StringComparison.Ordinal) + "'");
        foreach (var view in ReadmeQueries.All().Where(q => q.Sql.StartsWith("CREATE", StringComparison.Ordinal)))
            Execute(connection, view.Sql);
        return connection;
    }

    private static string Query(string commentStart) =>
        Assert.Single(ReadmeQueries.All(), q => q.Comment.StartsWith(commentStart, StringComparison.Ordinal)).Sql;

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>Every row, each cell as DuckDB gives it (numbers as long where they fit, so the expectations are plain).</summary>
    private static List<object?[]> Rows(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                var value = reader.IsDBNull(i) ? null : reader.GetValue(i);
                row[i] = value switch
                {
                    ulong u => (long)u,
                    int n => (long)n,
                    System.Numerics.BigInteger b => (long)b,
                    _ => value,
                };
            }
            rows.Add(row);
        }
        return rows;
    }
}
