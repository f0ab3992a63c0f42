using System.Diagnostics;

namespace Forensics.Importers.Tests.Core;

/// <summary>
/// Runs an independent tool (elfutils) on a sample core written to a temporary file. A missing tool makes the
/// test fail, not skip: CI installs elfutils.
/// </summary>
internal static class CoreToolRunner
{
    public static string Run(string tool, string arguments, byte[] core)
    {
        var path = Path.Combine(Path.GetTempPath(), "forensics-core-" + Guid.NewGuid().ToString("N") + ".core");
        File.WriteAllBytes(path, core);
        try
        {
            var start = new ProcessStartInfo(tool, arguments + " " + path)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            using var process = Process.Start(start) ?? throw new InvalidOperationException(tool + " did not start");
            var error = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            _ = error.Result;
            return output;
        }
        finally
        {
            File.Delete(path);
        }
    }
}
