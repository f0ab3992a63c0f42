using System.Globalization;
using System.Text.Json;
using Forensics.Model;

namespace Forensics.Importers.Containers.Abrt;

/// <summary>
/// ABRT's <c>core_backtrace</c>: satyr's JSON (<c>{"signal": 11, "stacktrace": [{"crash_thread": true, "frames": [...]}]}</c>)
/// or the older text form of btparser (abrt 2.0: one frame a line, <c>BUILD_ID 0xOFFSET FUNCTION MODULE FINGERPRINT</c>,
/// <c>-</c> for what is unknown). Its frames were unwound by ABRT, not from the core here: they are stated facts.
/// </summary>
internal static class CoreBacktraceParser
{
    /// <summary>The frames kept; a deep recursion stated in full is not worth more.</summary>
    public const int MaxFrames = 64;

    /// <summary>The signal the JSON states (null in the text form), and the crashing thread's frames as text, innermost first.</summary>
    public static (int? Signal, List<string> Frames) Parse(string text, DiagnosticBag diagnostics)
    {
        var trimmed = text.TrimStart();
        return trimmed.StartsWith('{') ? ParseJson(trimmed, diagnostics) : (null, ParseText(text, diagnostics));
    }

    private static (int? Signal, List<string> Frames) ParseJson(string text, DiagnosticBag diagnostics)
    {
        var frames = new List<string>();
        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 16 });
            var root = document.RootElement;
            int? signal = root.TryGetProperty("signal", out var number) && number.ValueKind == JsonValueKind.Number
                && number.TryGetInt32(out var value) && value is >= 1 and <= 64 ? value : null;
            if (root.TryGetProperty("stacktrace", out var threads) && threads.ValueKind == JsonValueKind.Array)
            {
                var crashing = threads.EnumerateArray().FirstOrDefault(t => t.ValueKind == JsonValueKind.Object
                    && t.TryGetProperty("crash_thread", out var flag) && flag.ValueKind == JsonValueKind.True);
                if (crashing.ValueKind == JsonValueKind.Undefined)
                    crashing = threads.EnumerateArray().FirstOrDefault();
                if (crashing.ValueKind == JsonValueKind.Object && crashing.TryGetProperty("frames", out var list) && list.ValueKind == JsonValueKind.Array)
                {
                    foreach (var frame in list.EnumerateArray().Where(f => f.ValueKind == JsonValueKind.Object))
                    {
                        if (!Add(frames, Frame(String(frame, "function_name"), String(frame, "file_name"), Offset(frame), String(frame, "build_id")), diagnostics))
                            break;
                    }
                }
            }
            return (signal, frames);
        }
        catch (JsonException exception)
        {
            diagnostics.Warning(DiagnosticCatalogue.AbrtBadBacktrace, SourceLocation.AtLine((int)(exception.LineNumber ?? 0) + 1),
                $"core_backtrace is not valid JSON: {exception.Message}");
            return (null, frames);
        }
    }

    private static List<string> ParseText(string text, DiagnosticBag diagnostics)
    {
        var frames = new List<string>();
        var lineNumber = 0;
        foreach (var line in text.Split('\n'))
        {
            lineNumber++;
            if (line.Length == 0)
                continue;
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 4 || !parts[1].StartsWith("0x", StringComparison.Ordinal)
                || !ulong.TryParse(parts[1].AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var offset))
            {
                diagnostics.Warning(DiagnosticCatalogue.AbrtBadBacktrace, SourceLocation.AtLine(lineNumber),
                    $"core_backtrace line is not BUILD_ID 0xOFFSET FUNCTION MODULE [{(line.Length <= 120 ? line : line[..120] + "…")}]");
                continue;
            }
            if (!Add(frames, Frame(Known(parts[2]), Known(parts[3]), offset, Known(parts[0])), diagnostics))
                break;
        }
        return frames;
    }

    private static bool Add(List<string> frames, string frame, DiagnosticBag diagnostics)
    {
        if (frames.Count == MaxFrames)
        {
            diagnostics.Warning(DiagnosticCatalogue.AbrtBadBacktrace, SourceLocation.None,
                string.Create(CultureInfo.InvariantCulture, $"core_backtrace holds more than [{MaxFrames}] frames; the rest are not kept"));
            return false;
        }
        frames.Add(frame);
        return true;
    }

    /// <summary><c>read in /lib64/libc.so.6+0x101b72 (build-id ad65…)</c>, with <c>??</c> for an unknown function.</summary>
    private static string Frame(string? function, string? module, ulong? offset, string? buildId)
    {
        var where = (module ?? "??") + (offset is { } value ? string.Create(CultureInfo.InvariantCulture, $"+0x{value:x}") : "");
        return $"{function ?? "??"} in {where}" + (buildId is null ? "" : $" (build-id {buildId})");
    }

    private static string? Known(string part) => part == "-" ? null : part;

    private static string? String(JsonElement frame, string name) =>
        frame.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 and <= 512 } text ? text : null;

    private static ulong? Offset(JsonElement frame) =>
        frame.TryGetProperty("build_id_offset", out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetUInt64(out var offset) ? offset : null;
}
