using System.Globalization;
using Forensics.Elf;
using Forensics.Importers.Budget;
using Forensics.Importers.Core;
using Forensics.Importers.Detection;
using Forensics.Importers.Normalisation;
using Forensics.Importers.Text;
using Forensics.Model;

namespace Forensics.Importers.Containers.Apport;

/// <summary>
/// Imports an apport <c>.crash</c> report as one capture: <c>ProcMaps</c> as a maps capture and <c>CoreDump</c> as
/// the core of the same process instance, merged with their disagreements listed, and the report's fields as facts.
/// The core is decoded, decompressed and read while the report streams past, never held whole.
/// </summary>
public static class ApportImporter
{
    /// <summary>The fields shown as facts, in this order (docs/formats.md#apport-reports).</summary>
    private static readonly string[] FactFields =
        ["ProblemType", "Date", "Package", "Architecture", "DistroRelease", "Uname", "ExecutablePath", "ProcCmdline", "Signal"];

    /// <summary>The <c>ProcStatus</c> lines shown as facts.</summary>
    private static readonly string[] StatusFacts = ["Name", "State", "Pid", "PPid", "Uid", "Threads"];

    /// <summary>
    /// Imports the report in <paramref name="input"/>; its lines, its maps and its core are read under
    /// <paramref name="budget"/>, the per-file budget (none: <see cref="ReadBudget.Unlimited"/>).
    /// </summary>
    public static CaptureBuilder Import(Stream input, string inputPath, ReadBudget? budget = null) =>
        Import(input, inputPath, ApportLimits.Default, CoreLimits.Default, budget);

    public static CaptureBuilder Import(Stream input, string inputPath, ApportLimits limits, CoreLimits coreLimits, ReadBudget? budget = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(limits);
        budget ??= ReadBudget.Unlimited;
        var diagnostics = new DiagnosticBag();
        CaptureBuilder? core = null;
        var coreEncoding = "";
        var reader = new ApportReportReader(input, limits, budget, diagnostics)
        {
            ReadCoreDump = stream => (core, coreEncoding) = ReadCore(stream, inputPath, limits, coreLimits, budget, diagnostics),
        };
        var fields = reader.ReadFields();
        var byKey = new Dictionary<string, ApportField>(StringComparer.Ordinal);
        foreach (var field in fields)
            byKey.TryAdd(field.Key, field);

        var maps = byKey.TryGetValue("ProcMaps", out var procMaps) ? ReadMaps(procMaps, inputPath, budget, diagnostics) : null;
        var capture = ContainerCapture.Combine(maps, core, inputPath, CaptureFormat.Apport);
        capture.Variant = string.Join(" + ", new[] { maps is null ? null : "maps", core is null ? null : coreEncoding + " core" }.OfType<string>())
            is { Length: > 0 } variant ? variant : "fields only";
        capture.Diagnostics.AddRange(diagnostics.Items);
        AddFacts(capture, byKey);
        return capture;
    }

    private static CaptureBuilder? ReadMaps(ApportField field, string inputPath, ReadBudget budget, DiagnosticBag diagnostics)
    {
        var maps = TextCaptureParsers.Parse(CaptureFormat.Maps, field.Value, field.ValueFirstLine, budget);
        if (maps.Regions.Count == 0)
        {
            var first = field.Value.Split('\n', 2)[0];
            diagnostics.Warning(DiagnosticCatalogue.ApportNoMaps, SourceLocation.AtLine(field.ValueFirstLine),
                $"ProcMaps holds no maps but [{(first.Length <= 120 ? first : first[..120] + "…")}]");
            return null;
        }
        maps.InputPath = inputPath;
        maps.LineRange = (field.ValueFirstLine, field.ValueLastLine);
        return maps;
    }

    private static (CaptureBuilder? Core, string Encoding) ReadCore(
        Base64LinesStream base64, string inputPath, ApportLimits limits, CoreLimits coreLimits, ReadBudget budget, DiagnosticBag diagnostics)
    {
        var line = SourceLocation.AtLine(base64.StartLine);
        var head = base64.Head(4);
        var format = head switch
        {
            [0x78, var flags, ..] when ((0x78 << 8) | flags) % 31 == 0 => CompressionFormat.Zlib,
            _ => ContentSniffer.DetectCompression(head),
        };
        if (format == CompressionFormat.None && !CoreImporter.LooksLikeElf(head))
        {
            if (base64.Problem is { } early)
                diagnostics.Add(early);
            else if (head.Length == 0)
                diagnostics.Warning(DiagnosticCatalogue.ApportNoCore, line,
                    "CoreDump holds no data: no line below it is indented by one space (a paste that lost the indent, or left the core out)");
            else
                diagnostics.Error(DiagnosticCatalogue.ApportUnknownCoreEncoding, line,
                    $"CoreDump is neither gzip, zlib, zstd nor ELF (first bytes [{Convert.ToHexStringLower(head)}])");
            return (null, "");
        }
        var decompression = new DiagnosticBag();
        using var decompressed = format == CompressionFormat.None ? null : DecompressionStream.Open(base64, format, decompression);
        var bounded = new BoundedReadStream((Stream?)decompressed ?? base64, limits.MaxCoreBytes);
        var core = CoreImporter.Import(bounded, inputPath, coreLimits, budget);
        if (bounded.BytesRead == 0 && base64.Problem is null)
        {
            // A compression header and nothing after it (a paste cut after CoreDump's first line): no core, not a damaged one.
            diagnostics.Warning(DiagnosticCatalogue.ApportNoCore, line, string.Create(CultureInfo.InvariantCulture,
                $"CoreDump's {format.ToString().ToLowerInvariant()} stream ends before any core byte (the report keeps [{base64.DecodedBytes}] bytes of it)"));
            return (null, "");
        }
        core.Diagnostics.AddRange(decompression.Items);
        if (base64.Problem is { } problem)
            core.Diagnostics.Add(problem);
        if (bounded.Exceeded)
        {
            core.Diagnostics.Error(DiagnosticCatalogue.ApportCoreTooLarge, line, string.Create(CultureInfo.InvariantCulture,
                $"CoreDump decompresses to more than [{limits.MaxCoreBytes}] bytes; the rest is not read"));
        }
        return (core, format == CompressionFormat.None ? "plain" : format.ToString().ToLowerInvariant());
    }

    private static void AddFacts(CaptureBuilder capture, Dictionary<string, ApportField> fields)
    {
        foreach (var key in FactFields)
        {
            if (fields.TryGetValue(key, out var field))
                capture.Facts.Add(new CaptureFact(key, field.Value));
        }
        var status = fields.TryGetValue("ProcStatus", out var procStatus) ? KeyValueLines.Parse(procStatus.Value, ':') : [];
        foreach (var key in StatusFacts)
        {
            if (status.TryGetValue(key, out var value))
                capture.Facts.Add(new CaptureFact("ProcStatus " + key, value));
        }

        if (status.TryGetValue("Pid", out var pidText) && int.TryParse(pidText, NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            Agree(capture, "PID", capture.Pid ?? capture.Process?.Pid, pid, procStatus!.ValueFirstLine, () => capture.Pid = pid);
        capture.ProcessName ??= status.GetValueOrDefault("Name")
            ?? (fields.TryGetValue("ExecutablePath", out var executable) ? Path.GetFileName(executable.Value) : null);
        if (fields.TryGetValue("ProcCmdline", out var commandLine))
            capture.CommandLine ??= commandLine.Value;
        if (fields.TryGetValue("Signal", out var signalField))
        {
            if (!int.TryParse(signalField.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var signal) || signal is < 1 or > 64)
                capture.Diagnostics.Warning(DiagnosticCatalogue.ApportBadNumber, SourceLocation.AtLine(signalField.Line), $"Signal is not a signal number [{signalField.Value}]");
            else
                // Without the core's siginfo the number alone cannot tell a fault from a kill: no code, no address.
                Agree(capture, "signal", capture.Signal?.Number, signal, signalField.Line, () => capture.Signal = new SignalInfo { Number = signal });
        }
        AddRegistersThread(capture, fields, status);
        if (capture.Architecture == Architecture.Unknown && fields.TryGetValue("Architecture", out var architecture))
        {
            capture.Architecture = architecture.Value switch { "amd64" => Architecture.X86_64, "i386" => Architecture.X86, _ => Architecture.Unknown };
            if (capture.Architecture != Architecture.Unknown)
                capture.ArchitectureEvidence.Add($"apport Architecture field [{architecture.Value}]");
        }
    }

    /// <summary>
    /// Without a core's threads, the crashing thread of the <c>Registers</c> field. Its thread id is the PID only where
    /// the process had one thread; otherwise the report does not say which thread it was.
    /// </summary>
    private static void AddRegistersThread(CaptureBuilder capture, Dictionary<string, ApportField> fields, Dictionary<string, string> status)
    {
        if (capture.Threads.Count > 0 || !fields.TryGetValue("Registers", out var field))
            return;
        var tid = status.GetValueOrDefault("Threads") == "1" && capture.Pid is { } pid ? pid : 0;
        if (ApportRegisters.Thread(field, tid, capture.Signal?.Number ?? 0) is { } thread)
            capture.Threads.Add(thread);
    }

    private static void Agree(CaptureBuilder capture, string what, int? known, int stated, int line, Action set)
    {
        if (known is null)
            set();
        else if (known != stated)
            capture.Diagnostics.Warning(DiagnosticCatalogue.ApportCoreDisagrees, SourceLocation.AtLine(line), string.Create(CultureInfo.InvariantCulture,
                $"the report's {what} is [{stated}], the core's [{known}]"));
    }
}
