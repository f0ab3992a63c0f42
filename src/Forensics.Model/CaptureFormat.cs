namespace Forensics.Model;

/// <summary>The input formats, as docs/formats.md#recognising-a-capture tells them apart.</summary>
public enum CaptureFormat
{
    Maps,
    Smaps,
    SmapsRollup,
    /// <summary>procps/busybox/toybox <c>pmap</c> default layout (and <c>-q</c>, <c>-p</c>).</summary>
    Pmap,
    /// <summary><c>pmap -x</c>, <c>-X</c>, <c>-XX</c>, <c>-d</c>.</summary>
    PmapExtended,
    /// <summary>gdb <c>info proc mappings</c>, live or core listing.</summary>
    Gdb,
    Core,
    /// <summary>An apport <c>.crash</c> report: its ProcMaps, its CoreDump and its fields.</summary>
    Apport,
    /// <summary>A Breakpad or Crashpad minidump.</summary>
    Minidump,
    /// <summary>The text <c>coredumpctl info</c> or <c>coredumpctl debug</c> prints of one systemd-coredump entry.</summary>
    Coredumpctl,
    /// <summary>An ABRT (libreport) problem directory: its <c>maps</c>, its <c>coredump</c> and its small items as facts.</summary>
    Abrt,
}

public static class CaptureFormatText
{
    public static string ToId(this CaptureFormat format) => format switch
    {
        CaptureFormat.Maps => "maps",
        CaptureFormat.Smaps => "smaps",
        CaptureFormat.SmapsRollup => "smaps_rollup",
        CaptureFormat.Pmap => "pmap",
        CaptureFormat.PmapExtended => "pmap-x",
        CaptureFormat.Gdb => "gdb",
        CaptureFormat.Core => "core",
        CaptureFormat.Apport => "apport",
        CaptureFormat.Minidump => "minidump",
        CaptureFormat.Coredumpctl => "coredumpctl",
        CaptureFormat.Abrt => "abrt",
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };
}
