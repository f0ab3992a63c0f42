using Forensics.TestSupport;

namespace Forensics.Symbols.Tests.Demangling;

/// <summary>
/// corpus/demangle/oracle.tsv: real mangled names (libstdc++, names.cpp, names.rs) with what c++filt printed for
/// them; c++filt prints a name it cannot demangle unchanged, which the demangler must answer with null.
/// </summary>
internal static class OracleTable
{
    public sealed record Row(int Line, string Source, string Mangled, string? Expected);

    public static IReadOnlyList<Row> Rows { get; } = Load();

    private static List<Row> Load()
    {
        var rows = new List<Row>();
        var line = 0;
        foreach (var text in File.ReadLines(TestPaths.CorpusFile("demangle", "oracle.tsv")))
        {
            line++;
            var cells = text.Split('\t');
            if (cells.Length != 3)
                throw new InvalidDataException($"oracle.tsv line {line}: expected 3 cells, found {cells.Length}");
            rows.Add(new Row(line, cells[0], cells[1], cells[2] == cells[1] ? null : cells[2]));
        }
        return rows;
    }
}
