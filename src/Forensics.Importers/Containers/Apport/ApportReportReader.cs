using System.Globalization;
using System.Text;
using Forensics.Importers.Budget;
using Forensics.Model;

namespace Forensics.Importers.Containers.Apport;

/// <summary>
/// Reads the fields of an apport report (problem_report.py: <c>Key: value</c>, continuation lines indented by one
/// space, binary fields as <c>Key: base64</c> followed by base64 lines). Text fields are kept; the binary field
/// <c>CoreDump</c> is handed, undecoded and unkept, to <see cref="ReadCoreDump"/> as it passes; other binary fields
/// are skipped.
/// </summary>
internal sealed class ApportReportReader(Stream input, ApportLimits limits, ReadBudget budget, DiagnosticBag diagnostics)
{
    private readonly ReportLineReader _reader = new(input, budget);
    private readonly List<byte> _line = [];

    /// <summary>Called when the <c>CoreDump</c> field starts, with its decoding stream; the field's rest is skipped after it returns.</summary>
    public Action<Base64LinesStream>? ReadCoreDump { get; init; }

    public List<ApportField> ReadFields()
    {
        var fields = new List<ApportField>();
        var coreSeen = false;
        while (_reader.Peek() != -1)
        {
            var number = _reader.Line;
            _line.Clear();
            var whole = _reader.ReadLine(_line, limits.MaxLineBytes);
            if (_line.Count == 0)
                continue;
            var colon = _line.IndexOf((byte)':');
            if (_line[0] == (byte)' ' || colon <= 0)
            {
                diagnostics.Warning(DiagnosticCatalogue.ApportNotAField, SourceLocation.AtLine(number),
                    $"line is not a [Key: value] field of an apport report [{Shorten(Decode(_line))}]");
                continue;
            }
            var key = Decode(_line.GetRange(0, colon));
            var value = Decode(_line.GetRange(colon + 1, _line.Count - colon - 1));
            value = value.StartsWith(' ') ? value[1..] : value;
            if (value == "base64")
            {
                var stream = new Base64LinesStream(_reader);
                if (key == "CoreDump" && !coreSeen)
                {
                    coreSeen = true;
                    ReadCoreDump?.Invoke(stream);
                }
                stream.SkipRest();
                continue;
            }
            fields.Add(ReadText(key, value, number, whole));
        }
        return fields;
    }

    private ApportField ReadText(string key, string value, int line, bool whole)
    {
        var text = new StringBuilder(value);
        var firstLine = value.Length > 0 ? line : line + 1;
        var lastLine = line;
        var kept = value.Length;
        var cut = !whole;
        while (_reader.Peek() == ' ')
        {
            lastLine = _reader.Line;
            _reader.Read();
            if (cut)
            {
                _reader.SkipLine();
                continue;
            }
            _line.Clear();
            whole = _reader.ReadLine(_line, limits.MaxLineBytes);
            var continuation = Decode(_line);
            kept += continuation.Length + 1;
            if (!whole || kept > limits.MaxFieldBytes)
            {
                cut = true;
                continue;
            }
            if (lastLine > firstLine || value.Length > 0)
                text.Append('\n');
            text.Append(continuation);
        }
        if (cut)
        {
            diagnostics.Warning(DiagnosticCatalogue.ApportFieldTooLong, SourceLocation.AtLine(line), string.Create(CultureInfo.InvariantCulture,
                $"field [{key}] is longer than [{limits.MaxFieldBytes}] bytes or has a line longer than [{limits.MaxLineBytes}]; the rest is not kept"));
        }
        return new ApportField(key, text.ToString(), line, firstLine, Math.Max(firstLine, lastLine));
    }

    private static string Decode(List<byte> bytes) => Encoding.UTF8.GetString(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(bytes));

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "…";
}
