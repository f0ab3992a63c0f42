using System.Globalization;
using Forensics.Symbols.Demangling;
using Xunit.Abstractions;

namespace Forensics.Symbols.Tests.Demangling;

/// <summary>Every row of corpus/demangle/oracle.tsv demangles to exactly what c++filt (binutils 2.40) printed.</summary>
public sealed class DemanglerOracleTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("libstdc++.so.6")]
    [InlineData("names.cpp")]
    [InlineData("names.rs")]
    public void Every_name_of_the_table_demangles_as_cxxfilt_does(string source)
    {
        var rows = OracleTable.Rows.Where(row => row.Source == source).ToList();
        var failures = rows
            .Select(row => (row, actual: Demangler.TryDemangle(row.Mangled)))
            .Where(result => result.actual != result.row.Expected)
            .ToList();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{source}: {rows.Count - failures.Count} of {rows.Count} rows equal c++filt"));
        foreach (var (row, actual) in failures.Take(40))
            output.WriteLine($"line {row.Line}: {row.Mangled}\n  expected {row.Expected ?? "(null)"}\n  actual   {actual ?? "(null)"}");
        Assert.NotEmpty(rows);
        Assert.Empty(failures);
    }
}
