using System.Formats.Tar;
using Forensics.TestSupport;

namespace Forensics.Symbols.Tests.Debuginfod;

/// <summary>
/// corpus/debuginfod/binaries.tar unpacked into a temporary folder: lookup.c built at -O0 and -O2 with debug
/// information (made by corpus/debuginfod/make-binaries.sh; the build-ids are those readelf printed then).
/// </summary>
public sealed class DebuginfodBinaries : IDisposable
{
    /// <summary>lookup-O0's build-id, as in corpus/debuginfod/build-ids.txt.</summary>
    public const string LookupO0BuildId = "4ec137867162b6497e62c3914129aea36fcde3af";

    /// <summary>lookup-O2's build-id.</summary>
    public const string LookupO2BuildId = "a27f7456d5020291f63fb615313f53dbe48afa7e";

    public DebuginfodBinaries()
    {
        Folder = Directory.CreateTempSubdirectory("forensics-debuginfod-binaries-").FullName;
        TarFile.ExtractToDirectory(TestPaths.CorpusFile("debuginfod", "binaries.tar"), Folder, overwriteFiles: false);
    }

    public string Folder { get; }

    public string LookupO0 => Path.Combine(Folder, "lookup-O0");

    public string LookupO2 => Path.Combine(Folder, "lookup-O2");

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
