using System.Formats.Tar;
using Forensics.Symbols.Unwinding;
using Forensics.TestSupport;

namespace Forensics.Symbols.Tests.Corpus;

/// <summary>
/// The scan's call test decides most byte windows from the opcode and ModRM alone and leaves the prefixed ones to Iced:
/// on every window of elfutils' static backtrace executables (real code, data and padding), each answer it gives must be
/// Iced's.
/// </summary>
public sealed class CallInstructionTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("forensics-calls-").FullName;

    public void Dispose() => Directory.Delete(_folder, true);

    [Theory]
    [InlineData("x86_64", true, 800_418, 8_792)]
    [InlineData("i386", false, 738_615, 8_738)]
    public void Every_window_decided_without_iced_is_decided_as_iced_does(string name, bool is64, int decided, int calls)
    {
        var code = Executable(name);
        var (agreed, found, disagreed) = (0, 0, new List<string>());
        var window = new byte[8];
        for (var offset = 0; offset + window.Length <= code.Length; offset++)
        {
            code.AsSpan(offset, window.Length).CopyTo(window);
            if (CallInstruction.EndsWithPlainCall(window, is64) is not { } plain)
                continue;
            if (plain != CallInstruction.DecodedEndsWithCall(window, 0x1000, is64))
                disagreed.Add(Convert.ToHexString(window));
            agreed++;
            found += plain ? 1 : 0;
        }

        Assert.Empty(disagreed);
        Assert.Equal((decided, calls), (agreed, found));
    }

    private byte[] Executable(string name)
    {
        using (var tar = new TarReader(File.OpenRead(TestPaths.CorpusFile("public", "cores", "elfutils", "backtrace-executables.tar"))))
        {
            while (tar.GetNextEntry() is { } entry)
            {
                if (entry.Name == $"backtrace.{name}.exec.bz2")
                    entry.ExtractToFile(Path.Join(_folder, entry.Name), overwrite: false);
            }
        }
        return SampleFile.ReadAllBytes(Path.Join(_folder, $"backtrace.{name}.exec.bz2"));
    }
}
