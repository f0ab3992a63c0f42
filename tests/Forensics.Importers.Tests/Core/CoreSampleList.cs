namespace Forensics.Importers.Tests.Core;

/// <summary>Every real core of the shared samples (public ones and the local kernel and gcore cores).</summary>
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
    };

    public static string PathOf(string relative) => Forensics.TestSupport.TestPaths.Sample(relative.Split('/'));
}
