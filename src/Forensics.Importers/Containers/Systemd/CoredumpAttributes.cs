using System.Globalization;
using System.Text;
using Forensics.Model;

namespace Forensics.Importers.Containers.Systemd;

/// <summary>
/// The extended attributes systemd-coredump sets on the core file it stores (src/coredump/coredump.c, fix_xattr):
/// <c>user.coredump.pid</c>, <c>.uid</c>, <c>.gid</c>, <c>.signal</c>, <c>.timestamp</c>, <c>.rlimit</c>,
/// <c>.hostname</c>, <c>.comm</c> and <c>.exe</c>, each a string without its terminating zero. Facts under their own names.
/// </summary>
public static class CoredumpAttributes
{
    /// <summary>The prefix of the attributes read.</summary>
    public const string Prefix = "user.coredump.";

    /// <summary>The attributes that hold a decimal number.</summary>
    private static readonly HashSet<string> Numbers = new(
        ["user.coredump.pid", "user.coredump.uid", "user.coredump.gid", "user.coredump.signal", "user.coredump.timestamp", "user.coredump.rlimit"],
        StringComparer.Ordinal);

    /// <summary>
    /// Adds <paramref name="attributes"/> (name, value; a null value was too long to read) to the capture as facts, and
    /// the PID and comm where the core does not give them.
    /// </summary>
    public static void Apply(CaptureBuilder capture, IReadOnlyList<(string Name, byte[]? Value)> attributes)
    {
        ArgumentNullException.ThrowIfNull(capture);
        ArgumentNullException.ThrowIfNull(attributes);
        var read = 0;
        foreach (var (name, value) in attributes.OrderBy(a => a.Name, StringComparer.Ordinal))
        {
            var text = value is null ? null : Encoding.UTF8.GetString(value).TrimEnd('\0');
            if (text is null || (Numbers.Contains(name) && !(text.Length is > 0 and <= 20 && text.All(char.IsAsciiDigit))))
            {
                capture.Diagnostics.Warning(DiagnosticCatalogue.CoredumpAttributeBad, SourceLocation.None, text is null
                    ? $"the extended attribute [{name}] is longer than its limit; not read"
                    : $"the extended attribute [{name}] is not a number [{(text.Length <= 40 ? text : text[..40] + "…")}]");
                continue;
            }
            capture.Facts.Add(new CaptureFact(name, text));
            read++;
            if (name == "user.coredump.pid" && capture.Pid is null && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
                capture.Pid = pid;
            if (name == "user.coredump.comm" && capture.ProcessName is null && text.Length > 0)
                capture.ProcessName = text;
        }
        if (read > 0)
            capture.Diagnostics.Info(DiagnosticCatalogue.CoredumpAttributes, SourceLocation.None, string.Create(CultureInfo.InvariantCulture,
                $"[{read}] user.coredump.* extended attribute(s) of the core file read as facts"));
    }
}
