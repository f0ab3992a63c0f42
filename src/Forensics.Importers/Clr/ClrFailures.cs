using Microsoft.Diagnostics.Runtime;

namespace Forensics.Importers.Clr;

/// <summary>The exceptions ClrMD throws for a dump it cannot read, as opposed to bugs.</summary>
internal static class ClrFailures
{
    public static bool IsReadFailure(Exception exception) => exception is
        ClrDiagnosticsException or IOException or InvalidDataException or BadImageFormatException
        or InvalidOperationException or NotSupportedException or ArgumentOutOfRangeException or OverflowException
        or IndexOutOfRangeException or DllNotFoundException or EntryPointNotFoundException
        or UnauthorizedAccessException or System.Runtime.InteropServices.COMException;
}
