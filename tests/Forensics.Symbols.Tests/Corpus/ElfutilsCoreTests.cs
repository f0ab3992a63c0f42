using System.Formats.Tar;
using Forensics.Model;
using Forensics.TestSupport;

namespace Forensics.Symbols.Tests.Corpus;

/// <summary>
/// elfutils' own backtrace test cores (corpus/public/cores/elfutils/backtrace.{x86_64,i386}[.fp].core.bz2), walked with
/// their static executables (from backtrace-executables.tar beside them) in a flat <c>--symbols</c> folder. elfutils' test (<c>check_core</c> in backtrace-subr.sh)
/// asks for a thread with <c>main</c>, one with <c>backtracegen</c> and no <c>gsignal</c>; the walk also gives every
/// frame eu-stack 0.188 gives (corpus/public/README.md), PCs and functions, innermost first.
/// </summary>
public sealed class ElfutilsCoreTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("forensics-elfutils-").FullName;

    public void Dispose() => Directory.Delete(_folder, true);

    public static TheoryData<string, int, string, string, string> Cores => new()
    {
        {
            "x86_64", 23097,
            "40a62b raise, 401e3d sigusr2, 401f88 stdarg, 401fa6 backtracegen, 401fbd start, 403773 start_thread, 444239 __clone",
            "context cfi cfi cfi cfi cfi cfi",
            "404880 pthread_join, 4021f9 main, 40ba94 __libc_start_main, 401d0d _start"
        },
        {
            "i386", 23101,
            "f77f7430 __kernel_vsyscall, 8052207 raise, 8049a8a sigusr2, 8049b84 stdarg, 8049ba0 backtracegen, 8049bb0 start, 804b1c0 start_thread, 807f3fe __clone",
            "context cfi cfi cfi cfi cfi cfi cfi",
            "f77f7430 __kernel_vsyscall, 804c25d pthread_join, 8049e20 main, 805351a __libc_start_main, 804993d _start"
        },
        {
            // Built without CFI for its own code: stdarg, backtracegen, start and start_thread are found by frame pointers.
            "x86_64.fp", 28872,
            "40545b raise, 401b0d sigusr2, 401bb0 stdarg, 401c00 backtracegen, 401c09 start, 402d74 start_thread, 4383b9 __clone",
            "context cfi frame-pointer frame-pointer frame-pointer frame-pointer cfi",
            "4040f4 pthread_join, 401677 main, 4066a0 __libc_start_main, 4019b7 _start"
        },
        {
            "i386.fp", 12045,
            "8a7416 __kernel_vsyscall, 8051ab9 raise, 80485c1 sigusr2, 8048699 stdarg, 8048702 backtracegen, 804871b start, 804a7cf start_thread, 80746fe __clone",
            "context cfi cfi frame-pointer frame-pointer frame-pointer frame-pointer cfi",
            "8a7416 __kernel_vsyscall, 804ae30 pthread_join, 804847c main, 8053188 __libc_start_main, 80481e1 _start"
        },
    };

    /// <param name="crashingFrames">PC (hex) and function of each frame; <c>__kernel_vsyscall</c> is named from the vDSO's
    /// own <c>.dynsym</c>, read from the core.</param>
    [Theory]
    [MemberData(nameof(Cores))]
    public void Frames_equal_eu_stack_and_pass_the_elfutils_checks(string name, int crashingTid, string crashingFrames, string crashingMethods, string otherFrames)
    {
        var capture = Walked(name);
        Assert.Equal(2, capture.Threads.Count);
        var crashing = capture.Threads.Single(t => t.IsCrashing);
        var other = capture.Threads.Single(t => !t.IsCrashing);
        Assert.Equal(crashingTid, crashing.Tid);
        Assert.Equal(crashingFrames, Text(crashing.Frames));
        Assert.Equal(crashingMethods, string.Join(' ', crashing.Frames.Select(f => MethodName(f.Method))));
        Assert.Equal(otherFrames, Text(other.Frames));

        var functions = capture.Threads.SelectMany(t => t.Frames).Select(f => f.Function).ToList();
        Assert.Contains("main", functions);
        Assert.Contains("backtracegen", functions);
        Assert.DoesNotContain("gsignal", functions);
        Assert.All(capture.Threads.SelectMany(t => t.Frames).Where(f => f.Function is not null and not "__kernel_vsyscall"),
            f => Assert.Equal($"backtrace.{name}.exec", f.Module));
    }

    private CaptureBuilder Walked(string name)
    {
        // The executables are kept as elfutils stores them (bzip2) inside a tar, which a corpus run skips.
        using (var tar = new TarReader(File.OpenRead(TestPaths.CorpusFile("public", "cores", "elfutils", "backtrace-executables.tar"))))
        {
            while (tar.GetNextEntry() is { } entry)
            {
                if (entry.Name == $"backtrace.{name}.exec.bz2")
                    entry.ExtractToFile(Path.Join(_folder, entry.Name), overwrite: false);
            }
        }
        var compressed = Path.Join(_folder, $"backtrace.{name}.exec.bz2");
        File.WriteAllBytes(Path.Join(_folder, $"backtrace.{name}.exec"), SampleFile.ReadAllBytes(compressed));
        File.Delete(compressed);
        var (capture, memory) = BacktraceCorpus.CoreOf("public", "cores", "elfutils", $"backtrace.{name}.core.bz2");
        CaptureUnwinder.Unwind(capture, memory, new SymbolOptions { Directories = [_folder], UseModulePaths = false });
        return capture;
    }

    private static string Text(IEnumerable<StackFrame> frames) =>
        string.Join(", ", frames.Select(f => $"{f.ProgramCounter:x} {f.Function ?? "-"}"));

    private static string MethodName(UnwindMethod method) => method switch
    {
        UnwindMethod.Context => "context",
        UnwindMethod.Cfi => "cfi",
        UnwindMethod.FramePointer => "frame-pointer",
        UnwindMethod.Scan => "scan",
        _ => method.ToString(),
    };
}
