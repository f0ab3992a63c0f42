using Forensics.Model;

namespace Forensics.Importers.Text.Pmap;

internal sealed partial class PmapParser
{
    private void ParseFooter(ReadOnlySpan<char> line, ReadOnlySpan<char> trimmed, SourceLocation location)
    {
        if (trimmed[0] is '-' or '=')
            return; // the rule above the totals
        _footerSeen = true;
        if (trimmed.StartsWith("mapped:", StringComparison.Ordinal))
        {
            ParseMappedFooter(trimmed, location);
            return;
        }
        if (trimmed.StartsWith("total", StringComparison.Ordinal))
        {
            ParseTotalFooter(trimmed[5..], location);
            return;
        }
        ParseDynamicTotals(line, location);
    }

    /// <summary><c>mapped: NK    writeable/private: NK    shared: NK</c> (procps -d; old busybox prints only <c>mapped:</c>).</summary>
    private void ParseMappedFooter(ReadOnlySpan<char> trimmed, SourceLocation location)
    {
        var rest = trimmed;
        while (true)
        {
            var label = TextSpan.NextToken(ref rest);
            if (label.IsEmpty)
                return;
            var value = TextSpan.NextToken(ref rest);
            if (!TryKibibytesToken(value, out var declared))
            {
                ReportBadTotal(location, value);
                return;
            }
            switch (label)
            {
                case "mapped:": Declare("mapped", declared, _sizeSum, location); break;
                case "writeable/private:": Declare("writeable/private", declared, _writeablePrivateSum, location); break;
                case "shared:": Declare("shared", declared, _sharedSum, location); break;
                default: ReportBadTotal(location, label); return;
            }
        }
    }

    /// <summary><c> total  NK</c> (default) or <c>total kB  N  N  N</c> (-x; <c>-</c> where a column has no values).</summary>
    private void ParseTotalFooter(ReadOnlySpan<char> afterTotal, SourceLocation location)
    {
        var rest = afterTotal;
        var index = 0;
        while (true)
        {
            var token = TextSpan.NextToken(ref rest);
            if (token.IsEmpty)
                return;
            if (token is "kB")
                continue;
            if (token is "-")
            {
                index++;
                continue;
            }
            if (!TryKibibytesToken(token, out var declared))
            {
                ReportBadTotal(location, token);
                return;
            }
            if (index == 0)
                Declare(_columns.Count == 0 ? "total" : "total " + _columns[0].Title, declared, _sizeSum, location);
            else if (index < _columns.Count)
                Declare("total " + _columns[index].Title, declared, _columns[index].Sum, location);
            else if (_columns.Count == 0)
                Declare("total column " + (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), declared, 0, location);
            index++;
        }
    }

    /// <summary>The -X/-XX totals under the <c>=</c> rule, each right-aligned under its column, ending in <c>KB</c>.</summary>
    private void ParseDynamicTotals(ReadOnlySpan<char> line, SourceLocation location)
    {
        var rest = line;
        var position = 0;
        while (true)
        {
            var token = TextSpan.NextToken(ref rest, ref position);
            if (token.IsEmpty || token is "KB")
                return;
            if (!TextSpan.TryParseDecimal(token, out var value))
            {
                ReportBadTotal(location, token);
                return;
            }
            var column = _columns.Find(c => c.End == position);
            if (column is null)
            {
                _capture.Diagnostics.Warning(DiagnosticCatalogue.PmapTotalMismatch, location,
                    $"pmap total [{value}] ending at column [{position}] lies under no column");
                continue;
            }
            if (!column.IsKibibytes)
                continue;
            if (!TextSpan.TryKibibytes(value, out var declared))
            {
                ReportBadTotal(location, token);
                return;
            }
            Declare("total " + column.Title, declared, column.Sum, location);
        }
    }

    private static bool TryKibibytesToken(ReadOnlySpan<char> token, out ulong bytes)
    {
        bytes = 0;
        if (token.Length > 1 && token[^1] == 'K')
            token = token[..^1];
        return TextSpan.TryParseDecimal(token, out var kib) && TextSpan.TryKibibytes(kib, out bytes);
    }

    private void Declare(string name, ulong declared, ulong computed, SourceLocation location)
    {
        var total = new DeclaredTotal(name, declared, computed, location) { Checkable = !_elided };
        _capture.DeclaredTotals.Add(total);
        if (total.Checkable && !total.Matches)
            _capture.Diagnostics.Warning(DiagnosticCatalogue.PmapTotalMismatch, location,
                $"pmap declares {name} [{declared / 1024}] KiB but its rows add up to [{computed / 1024}] KiB");
    }

    private void ReportBadTotal(SourceLocation location, ReadOnlySpan<char> token) =>
        _capture.Diagnostics.Error(DiagnosticCatalogue.PmapRowMalformed, location,
            $"pmap totals line has a malformed value [{TextSpan.Excerpt(token)}]");
}
