using System.Formats.Tar;
using System.Globalization;
using SharpCompress.Compressors.Xz;

namespace Forensics.TestSupport;

/// <summary>
/// <c>corpus/backtrace/binaries.tar.xz</c> unpacked once per test process into a temporary folder: every module the
/// backtrace cores map, under the path the core names (a sysroot for <c>--symbols</c>).
/// </summary>
public static class BacktraceBinaries
{
    private static readonly Lazy<string> Unpacked = new(Unpack);

    public static string Sysroot => Unpacked.Value;

    /// <summary>The unpacked copy of the file a core names as <paramref name="path"/> (<c>/usr/lib/.../libc.so.6</c>).</summary>
    public static string File(string path) => Path.Join(Sysroot, path);

    private static string Unpack()
    {
        var folder = Path.Combine(Path.GetTempPath(), "forensics-backtrace-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        if (Directory.Exists(folder))
            Directory.Delete(folder, true);
        Directory.CreateDirectory(folder);
        using var file = System.IO.File.OpenRead(TestPaths.CorpusFile("backtrace", "binaries.tar.xz"));
        using var xz = new XZStream(file);
        TarFile.ExtractToDirectory(xz, folder, overwriteFiles: false);
        return folder;
    }
}
