using System.Runtime.CompilerServices;

namespace DotnetOverflow;

/// <summary>
/// Corpus program for a .NET stack overflow: writes down its pid and runtime, copies its own maps, then recurses
/// without end on the main thread, so that the runtime's stack-overflow handler prints the repeated frames and
/// aborts, and createdump writes a core (DOTNET_DbgEnableMiniDump=1).
/// </summary>
public static class Program
{
    public static int Main()
    {
        File.WriteAllText("crash-info.txt", $"pid={Environment.ProcessId}\nruntime={Environment.Version}\n");
        File.Copy("/proc/self/maps", "maps.self", overwrite: true);
        return Descend(0);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int Descend(int depth) => Descend(depth + 1) + 1;
}
