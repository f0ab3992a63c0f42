using Forensics.Importers.Budget;
using Forensics.Importers.Text.Smaps;
using Forensics.Model;

namespace Forensics.Importers.Text.Pmap;

/// <summary>
/// Parses pmap output in every layout of docs/formats.md#pmap: procps-ng 4.x and 3.3.x default/<c>-q</c>/<c>-p</c>,
/// <c>-x</c>, <c>-X</c>, <c>-XX</c>, <c>-d</c>; procps 3.2.x; busybox; toybox. Declared totals are kept next to the
/// sums of the parsed rows, with a warning when they differ.
/// </summary>
/// <remarks>
/// Mode: procps and toybox replace the kernel's <c>p</c> with <c>-</c> in the fourth character and never print
/// anything else there for a private mapping, so <c>rw---</c> is read as known-private and <c>rw-s-</c> as shared.
/// Names: <c>[ anon ]</c>/<c>[anon]</c> become unnamed regions, <c>[ stack ]</c> becomes <c>[stack]</c>,
/// <c>[ shmid=0xN ]</c> is kept as a pseudo-name (and N is the inode); a name without <c>/</c> that is not a
/// bracketed pseudo-name is a basename (<see cref="Region.NameIsBasename"/>), except in busybox, which prints maps names.
/// </remarks>
internal sealed partial class PmapParser
{
    private readonly CaptureBuilder _capture = new() { Format = CaptureFormat.Pmap };
    private readonly NameTable _names = new();
    private readonly List<PmapColumn> _columns = [];
    private readonly HashSet<ulong> _starts = [];
    private PmapLayout _layout = PmapLayout.Default;
    private bool _columnHeaderSeen;
    private bool _footerSeen;
    private bool _elided;
    private bool _oneSpaceHeader;
    private bool _procpsHeader;
    private int _modeLength;
    private bool _fullPathRows;
    private string? _extendedVariant;
    private int _mappingColumn = -1;
    private int _duplicates;
    private int _firstDuplicateLine;
    private ulong _sizeSum, _writeablePrivateSum, _sharedSum;

    public static CaptureBuilder Parse(ReadOnlySpan<byte> text, int firstLine, ReadBudget budget)
    {
        var parser = new PmapParser();
        var lines = new TextLines(text, firstLine, budget);
        while (lines.MoveNext(out var line, out var number))
            parser.ParseLine(line, number);
        parser.Finish(firstLine);
        return parser._capture;
    }

    private void ParseLine(ReadOnlySpan<char> line, int number)
    {
        var location = SourceLocation.AtLine(number);
        var trimmed = TextSpan.TrimBlanks(line);
        if (trimmed.IsEmpty)
            return;
        switch (TextLineClassifier.Classify(line))
        {
            case TextLineShape.PmapProcpsHeader or TextLineShape.PmapBusyboxHeader when _capture.Regions.Count == 0 && _capture.Pid is null:
                ParseProcessHeader(line);
                return;
            case TextLineShape.PmapColumnHeader when !_columnHeaderSeen && _capture.Regions.Count == 0:
                ParseColumnHeader(line);
                return;
            case TextLineShape.PmapFooter:
                ParseFooter(line, trimmed, location);
                return;
            case TextLineShape.Elision when TextCaptureChecks.ReportElision(_capture, line, number):
                _elided = true;
                return;
            case TextLineShape.PmapRow or TextLineShape.PmapColumnHeader or TextLineShape.Other or TextLineShape.SmapsKey:
                if (!_footerSeen && ParseRow(line, location))
                    return;
                break;
        }
        _capture.Diagnostics.Error(DiagnosticCatalogue.PmapRowMalformed, location,
            $"pmap line is not a row of the [{LayoutName()}] layout [{TextSpan.Excerpt(line)}]");
    }

    private void ParseProcessHeader(ReadOnlySpan<char> line)
    {
        var colon = line.IndexOf(':');
        if (int.TryParse(line[..colon], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var pid))
            _capture.Pid = pid;
        // procps prints three spaces after the colon (and joins argv with spaces); busybox and toybox print one.
        _procpsHeader = line[(colon + 1)..].StartsWith("   ", StringComparison.Ordinal);
        _oneSpaceHeader = !_procpsHeader;
        var commandLine = TextSpan.TrimBlanksStart(line[(colon + 1)..]);
        _capture.CommandLine = commandLine.ToString();
        _capture.ProcessName = TextCaptureChecks.ProcessNameOf(_capture.CommandLine);
    }

    private void ParseColumnHeader(ReadOnlySpan<char> line)
    {
        _columnHeaderSeen = true;
        var hasKbytes = line.Contains("Kbytes", StringComparison.Ordinal);
        if (!hasKbytes)
        {
            ParseDynamicHeader(line);
            return;
        }
        _layout = line.Contains("Device", StringComparison.Ordinal) ? PmapLayout.Device : PmapLayout.Extended;
        var rest = line;
        var position = 0;
        while (true)
        {
            var token = TextSpan.NextToken(ref rest, ref position);
            if (token.IsEmpty || token is "Mode")
                break;
            if (token is not "Address")
                _columns.Add(new PmapColumn(_names.Intern(token), position));
        }
        _extendedVariant = _layout == PmapLayout.Device ? "procps -d" : ExtendedVariant(line);
    }

    private string ExtendedVariant(ReadOnlySpan<char> line)
    {
        if (line.Contains("Anon", StringComparison.Ordinal) && line.Contains("Locked", StringComparison.Ordinal))
            return "procps 3.2 -x";
        if (line.Contains("PSS", StringComparison.Ordinal))
            return line.Contains('\t') ? "busybox -x" : "toybox -x";
        // procps-ng 3.3.x puts three spaces before Mapping (and two before each row's name).
        return line.Contains("Mode   Mapping", StringComparison.Ordinal) ? "procps-ng 3.3 -x" : "procps-ng -x";
    }

    private void ParseDynamicHeader(ReadOnlySpan<char> line)
    {
        _layout = PmapLayout.Dynamic;
        var rest = line;
        var position = 0;
        var index = 0;
        while (true)
        {
            var token = TextSpan.NextToken(ref rest, ref position);
            if (token.IsEmpty)
                break;
            if (token is "Mapping")
            {
                _mappingColumn = position - token.Length;
                break;
            }
            // The first five columns are Address, Perm, Offset, Device and Inode.
            if (index++ >= 5)
                _columns.Add(new PmapColumn(_names.Intern(token), position));
        }
        var full = _columns.Exists(c => c.IsFlags || c.Title == "KernelPageSize");
        _extendedVariant = full ? "procps-ng -XX" : "procps-ng -X";
    }

    private string LayoutName() => _layout switch
    {
        PmapLayout.Default => "default",
        PmapLayout.Extended => "-x",
        PmapLayout.Device => "-d",
        _ => "-X",
    };

    private void Finish(int firstLine)
    {
        var start = SourceLocation.AtLine(firstLine);
        if (_capture.Pid is null)
            _capture.Diagnostics.Info(DiagnosticCatalogue.PmapHeaderMissing, start, "pmap output has no [PID:   cmdline] header line");
        if (_duplicates > 0)
            _capture.Diagnostics.Info(DiagnosticCatalogue.PmapDuplicateRow, SourceLocation.AtLine(_firstDuplicateLine),
                $"[{_duplicates}] rows repeat the address of an earlier row and were dropped (procps-ng 3.3.x prints rows twice)");
        if (!_footerSeen && _capture.Regions.Count > 0)
        {
            if (_columnHeaderSeen)
                _capture.Diagnostics.Warning(DiagnosticCatalogue.PmapFooterMissing, start,
                    "pmap output has a column header but no totals footer: it looks truncated");
            else
                _capture.Diagnostics.Info(DiagnosticCatalogue.PmapFooterMissing, start,
                    "pmap output has no total line (pmap -q, or truncated)");
        }
        _capture.Format = _layout == PmapLayout.Default ? CaptureFormat.Pmap : CaptureFormat.PmapExtended;
        _capture.Variant = _extendedVariant ?? DefaultVariant();
        TextCaptureChecks.RequireRegions(_capture, firstLine);
    }

    private string DefaultVariant()
    {
        if (_modeLength == 4)
            return "busybox";
        if (_oneSpaceHeader)
            return "toybox";
        // procps 3.2.x printed the full path in default mode, after two spaces.
        var variant = _fullPathRows ? "procps 3.2 default" : "procps-ng default";
        return _footerSeen ? variant : variant + " (-q)";
    }
}
