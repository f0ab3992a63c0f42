using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Forensics.Importers.Detection;

/// <summary>
/// What a file name suggests about its content: only a hint, never used to decide the format. Knows the
/// kernel's <c>core.PID</c> (core_uses_pid) and systemd-coredump's <c>core.COMM.UID.BOOTID.PID.TIME[.zst]</c>.
/// </summary>
public sealed partial record FileNameHint(int? Pid, string? ProcessName, bool NamedLikeCore)
{
    public static FileNameHint FromFileName(string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        var name = Path.GetFileName(fileName);
        var systemd = SystemdCoreName().Match(name);
        if (systemd.Success)
            return new FileNameHint(ParsePid(systemd.Groups["pid"].Value), UnescapeSystemd(systemd.Groups["comm"].Value), true);
        var kernel = KernelCoreName().Match(name);
        if (kernel.Success)
            return new FileNameHint(ParsePid(kernel.Groups["pid"].Value), null, true);
        var namedLikeCore = name == "core" || name.StartsWith("core.", StringComparison.Ordinal)
            || name.EndsWith(".core", StringComparison.Ordinal) || name.Contains(".core.", StringComparison.Ordinal);
        return new FileNameHint(null, null, namedLikeCore);
    }

    /// <summary>
    /// What a systemd-coredump name says beside the PID and comm: the UID, boot id and time, under the journal's field
    /// names; none for other names.
    /// </summary>
    public static IReadOnlyList<Forensics.Model.CaptureFact> SystemdFacts(string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        var systemd = SystemdCoreName().Match(Path.GetFileName(fileName));
        if (!systemd.Success)
            return [];
        return
        [
            new("COREDUMP_UID", systemd.Groups["uid"].Value), new("COREDUMP_BOOT_ID", systemd.Groups["boot"].Value),
            new("COREDUMP_TIMESTAMP", Timestamp(systemd.Groups["time"].Value)),
        ];
    }

    /// <summary>
    /// The name's time is microseconds since the epoch (systemd's usec_t), 16 digits today; names with other lengths are
    /// seen (a clock before 2001, or a version that wrote more digits), so only a value that is a date this side of 2100
    /// is shown as one.
    /// </summary>
    private static string Timestamp(string digits)
    {
        if (ulong.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var microseconds) && microseconds / 1_000_000 < 4_102_444_800)
            return digits + " (" + DateTimeOffset.FromUnixTimeSeconds((long)(microseconds / 1_000_000)).ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture) + ")";
        return digits;
    }

    private static int? ParsePid(string digits) =>
        int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && pid > 0 ? pid : null;

    // systemd-coredump escapes the comm with \xNN (systemd's xescape), e.g. "kworker\x2fu8".
    private static string UnescapeSystemd(string comm)
    {
        if (!comm.Contains("\\x", StringComparison.Ordinal))
            return comm;
        var bytes = new List<byte>(comm.Length);
        for (var i = 0; i < comm.Length; i++)
        {
            if (comm[i] == '\\' && i + 3 < comm.Length && comm[i + 1] == 'x'
                && byte.TryParse(comm.AsSpan(i + 2, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var b))
            {
                bytes.Add(b);
                i += 3;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(comm[i].ToString()));
            }
        }
        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    [GeneratedRegex(@"^core\.(?<comm>.+)\.(?<uid>\d+)\.(?<boot>[0-9a-f]{32})\.(?<pid>\d+)\.(?<time>\d+)(\.(zst|xz|lz4|gz|bz2))?$", RegexOptions.CultureInvariant)]
    private static partial Regex SystemdCoreName();

    [GeneratedRegex(@"^core\.(?<pid>\d+)(\.(zst|xz|lz4|gz|bz2))?$", RegexOptions.CultureInvariant)]
    private static partial Regex KernelCoreName();
}
