using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace DotnetCrash;

/// <summary>
/// Corpus program for the .NET annotation: managed objects at addresses it writes down, an anonymous RWX mapping
/// the runtime did not make, a copy of its own maps, then an unhandled exception on the main thread, so that the
/// runtime's createdump writes a core (DOTNET_DbgEnableMiniDump=1) that holds the exception in flight.
/// </summary>
public static partial class Program
{
    private const int ProtReadWriteExecute = 1 | 2 | 4;
    private const int MapPrivateAnonymous = 0x02 | 0x20;
    private const int RecordCount = 100;

    private static readonly List<DemoRecord> Records = [];

    public static void Main()
    {
        for (var i = 0; i < RecordCount; i++)
            Records.Add(new DemoRecord(i, $"DEMO_RECORD_{i:D3}"));

        var block = new byte[64 * 1024];
        "DOTNET_CRASH_BLOCK"u8.CopyTo(block);
        var handle = GCHandle.Alloc(block, GCHandleType.Pinned);
        var blockData = handle.AddrOfPinnedObject();

        var rwx = Mmap(0, 2 * 4096, ProtReadWriteExecute, MapPrivateAnonymous, -1, 0);
        if (rwx == -1)
            throw new InvalidOperationException("mmap of the RWX region failed");
        Marshal.WriteByte(rwx, 0xc3); // ret, as an injected stub would start

        File.WriteAllText("dotnet-crash-info.txt",
            $"pid={Environment.ProcessId}\nruntime={Environment.Version}\nrecords={Records.Count}\n"
            + $"block_data=0x{blockData:x}\nblock_length={block.Length}\nrwx=0x{rwx:x}\nrwx_length={2 * 4096}\n");
        File.Copy("/proc/self/maps", "maps.self", overwrite: true);
        Fail();
        GC.KeepAlive(Records);
        handle.Free();
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Fail() =>
        throw new InvalidOperationException("forensics corpus: unhandled exception after mapping rwx memory");

    [LibraryImport("libc", EntryPoint = "mmap", SetLastError = true)]
    private static partial nint Mmap(nint address, nuint length, int protection, int flags, int fd, nint offset);
}

/// <summary>A managed type of the program's own, to find on the GC heap.</summary>
public sealed record DemoRecord(int Number, string Label);
