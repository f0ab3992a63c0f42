using Forensics.Elf;
using Forensics.Symbols.ModuleFiles;
using Forensics.TestSupport;

namespace Forensics.Symbols.Tests.ModuleFiles;

/// <summary>
/// GNU indirect functions (STT_GNU_IFUNC, type 10) are functions: glibc's string and memory functions are IFUNC symbols
/// whose address is their resolver's code. The libcs of <c>corpus/backtrace/</c> hold only <c>.dynsym</c>; the values
/// below are what <c>readelf --dyn-syms -W</c> lists for them.
/// </summary>
public class IndirectFunctionTests
{
    private static ModuleFile Read(string path)
    {
        var file = ModuleFileReader.TryRead(path, File.ReadAllBytes(BacktraceBinaries.File(path)), ReadCheckpoints.Unlimited, out var problem);
        Assert.Null(problem);
        Assert.NotNull(file);
        return file;
    }

    [Fact]
    public void The_ifunc_symbols_of_x86_64_libc_name_their_code()
    {
        var libc = Read("usr/lib/x86_64-linux-gnu/libc.so.6");
        // strlen@@GLIBC_2.2.5: IFUNC at 0x9f1c0, 129 bytes; memcpy@@GLIBC_2.14: IFUNC at 0x9be70, 265 bytes.
        Assert.Equal("strlen", libc.Symbols.Find(0x9f1c0)?.Name);
        Assert.Equal("strlen", libc.Symbols.Find(0x9f1c0 + 128)?.Name);
        Assert.Equal("memcpy", libc.Symbols.Find(0x9be70 + 0x40)?.Name);
        // 2,153 addresses of defined FUNC symbols and 47 more of IFUNC ones.
        Assert.Equal(2200, libc.Symbols.Count);
    }

    [Fact]
    public void The_ifunc_symbols_of_i386_libc_name_their_code()
    {
        var libc = Read("usr/lib32/libc.so.6");
        // strlen@@GLIBC_2.0: IFUNC at 0xa0030, 52 bytes; memcpy@@GLIBC_2.0: IFUNC at 0x9cea0, 67 bytes.
        Assert.Equal("strlen", libc.Symbols.Find(0xa0030 + 51)?.Name);
        Assert.Equal("memcpy", libc.Symbols.Find(0x9cea0)?.Name);
        // 2,431 addresses of defined FUNC symbols and 37 more of IFUNC ones.
        Assert.Equal(2468, libc.Symbols.Count);
    }
}
