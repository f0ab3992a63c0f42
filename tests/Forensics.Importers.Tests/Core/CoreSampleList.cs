namespace Forensics.Importers.Tests.Core;

/// <summary>Every real core: the shared samples (public, local kernel and gcore cores) and the project's corpus.</summary>
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
        "local/set-crash-null/core.xz",
        "local/set-crash-null/gcore.core.xz",
        "local/set-crash-abort/core.xz",
        "local/set-crash-abort/gcore.core.xz",
        "local/set-hello/gcore.core.xz",
        "corpus/crash-null/core.xz",
        "corpus/crash-stack/core.xz",
        "corpus/crash-abort/core.xz",
        "corpus/crash-thread/core.xz",
        "corpus/killed-by-signal/core.xz",
        "corpus/live/gcore.core.xz",
    };

    public static string PathOf(string relative) => relative.StartsWith("corpus/", StringComparison.Ordinal)
        ? Forensics.TestSupport.TestPaths.CorpusFile(relative["corpus/".Length..].Split('/'))
        : Forensics.TestSupport.TestPaths.Sample(relative.Split('/'));
}
