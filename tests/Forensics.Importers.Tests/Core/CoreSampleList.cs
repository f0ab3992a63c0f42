namespace Forensics.Importers.Tests.Core;

/// <summary>Every real core: the public cores, the kernel and gcore cores of the tool sets, and the cores made by make-corpus.sh.</summary>
public static class CoreSampleList
{
    public static TheoryData<string> All => new()
    {
        "public/cores/lldb/elf-core/linux-i386.core",
        "public/cores/lldb/elf-core/linux-x86_64.core",
        "public/cores/lldb/elf-core/thread_crash/linux-i386.core",
        "public/cores/lldb/elf-core/thread_crash/linux-x86_64.core",
        "public/cores/lldb/elf-core/gcore/linux-i386.core",
        "public/cores/lldb/elf-core/gcore/linux-x86_64.core",
        "public/cores/pystack/segfault.core",
        "sets/set-crash-null/core.xz",
        "sets/set-crash-null/gcore.core.xz",
        "sets/set-crash-abort/core.xz",
        "sets/set-crash-abort/gcore.core.xz",
        "sets/set-hello/gcore.core.xz",
        "crash-null/core.xz",
        "crash-stack/core.xz",
        "crash-abort/core.xz",
        "crash-thread/core.xz",
        "killed-by-signal/core.xz",
        "live/gcore.core.xz",
    };

    public static string PathOf(string relative) => Forensics.TestSupport.TestPaths.CorpusFile(relative.Split('/'));
}
