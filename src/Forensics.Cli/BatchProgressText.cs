using System.Globalization;
using System.Text;
using Forensics.Reports;

namespace Forensics.Cli;

/// <summary>The words of the batch progress, shared by the terminal display and the plain lines.</summary>
internal static class BatchProgressText
{
    /// <summary><c>importing 4/12 files, 4 KiB/12 KiB, 3 captures, 1 failed, 0 partial, 0.8 files/s, 819 B/s, 8 s left: host-01/app.maps</c></summary>
    public static string ProgressLine(BatchProgressSnapshot snapshot)
    {
        var line = new StringBuilder("importing ")
            .Append(Files(snapshot)).Append(", ")
            .Append(Bytes(snapshot)).Append(", ")
            .Append(Count(snapshot.Captures, "capture")).Append(", ")
            .Append(Number(snapshot.Failed)).Append(" failed, ")
            .Append(Number(snapshot.Partial)).Append(" partial");
        if (Rates(snapshot) is { } rates)
            line.Append(", ").Append(rates);
        if (TimeLeft(snapshot) is { } left)
            line.Append(", ").Append(left);
        if (snapshot.FileInFlight && snapshot.CurrentFile is { } current)
            line.Append(": ").Append(Printable(current));
        return line.ToString();
    }

    /// <summary>
    /// <c>imported 10000 files (78 MiB) in 12.3 s</c>. What became of them is the run's summary line, counted from the
    /// reports' inputs: captures merge after the import, so the batch's own count would differ from the reports'.
    /// </summary>
    public static string SummaryLine(BatchProgressSnapshot snapshot) =>
        "imported " + Count(snapshot.FilesDone, "file") + " (" + ReportValues.HumanBytes((ulong)snapshot.BytesDone) + ") in "
        + snapshot.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";

    /// <summary><c>4/12 files</c></summary>
    public static string Files(BatchProgressSnapshot snapshot) =>
        Number(snapshot.FilesDone) + "/" + Number(snapshot.TotalFiles) + " files";

    /// <summary><c>4 KiB/12 KiB</c></summary>
    public static string Bytes(BatchProgressSnapshot snapshot) =>
        ReportValues.HumanBytes((ulong)snapshot.BytesDone) + "/" + ReportValues.HumanBytes((ulong)snapshot.TotalBytes);

    /// <summary><c>3 captures</c>, <c>1 capture</c>.</summary>
    public static string Count(int count, string noun) => Number(count) + " " + noun + (count == 1 ? "" : "s");

    /// <summary><c>0.8 files/s, 819 B/s</c>; null before any time has passed.</summary>
    public static string? Rates(BatchProgressSnapshot snapshot) =>
        snapshot.FilesPerSecond is { } files && snapshot.BytesPerSecond is { } bytes
            ? Rate(files) + " files/s, " + ReportValues.HumanBytes((ulong)bytes) + "/s"
            : null;

    /// <summary><c>8 s left</c>, <c>3 min 05 s left</c>, <c>2 h 07 min left</c>; null while it cannot be told.</summary>
    public static string? TimeLeft(BatchProgressSnapshot snapshot)
    {
        if (snapshot.TimeLeft is not { } left)
            return null;
        var seconds = (long)Math.Ceiling(left.TotalSeconds);
        var text = seconds < 60
            ? Number(seconds) + " s"
            : seconds < 3600
                ? Number(seconds / 60) + " min " + (seconds % 60).ToString("00", CultureInfo.InvariantCulture) + " s"
                : Number(seconds / 3600) + " h " + (seconds / 60 % 60).ToString("00", CultureInfo.InvariantCulture) + " min";
        return text + " left";
    }

    /// <summary>
    /// <paramref name="path"/> with control characters as octal escapes (<c>\012</c>, as the kernel prints a newline
    /// in a maps name), so a hostile file name cannot break a line or move the terminal's cursor.
    /// </summary>
    public static string Printable(string path)
    {
        if (!path.Any(char.IsControl))
            return path;
        var text = new StringBuilder(path.Length + 8);
        foreach (var c in path)
        {
            if (char.IsControl(c))
                text.Append('\\').Append(Convert.ToString((int)c, 8).PadLeft(3, '0'));
            else
                text.Append(c);
        }
        return text.ToString();
    }

    /// <summary>The end of <paramref name="path"/> in at most <paramref name="width"/> characters, <c>…</c> first when cut.</summary>
    public static string Tail(string path, int width)
    {
        if (path.Length <= width)
            return path;
        if (width <= 1)
            return "…";
        var start = path.Length - (width - 1);
        if (char.IsLowSurrogate(path[start]))
            start++;
        return "…" + path[start..];
    }

    private static string Rate(double perSecond) =>
        perSecond.ToString(perSecond < 10 ? "0.0" : "0", CultureInfo.InvariantCulture);

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
