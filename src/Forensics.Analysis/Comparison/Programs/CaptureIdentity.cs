using Forensics.Analysis.Layout;
using Forensics.Model;

namespace Forensics.Analysis.Comparison.Programs;

/// <summary>What one capture says about the program it shows: each kind of <see cref="ProgramEvidence"/> it has.</summary>
internal sealed class CaptureIdentity
{
    /// <summary>The kernel keeps a process name of at most 15 characters (TASK_COMM_LEN 16 with its NUL, include/linux/sched.h).</summary>
    private const int CommLength = 15;

    /// <summary>
    /// Names a compiler or linker gives any program (<c>cc</c> and <c>ld</c> write <c>a.out</c> without <c>-o</c>):
    /// two programs so named are not one program by their name, only by a build-id, a full path or other images.
    /// </summary>
    private static readonly HashSet<string> DefaultNames = new(StringComparer.Ordinal) { "a.out" };

    public CaptureIdentity(CaptureAnalysis analysis)
    {
        Analysis = analysis;
        var capture = analysis.Capture;
        Architecture = capture.Architecture;
        var main = capture.Modules.FirstOrDefault(m => m.IsMainExecutable);
        BuildId = main?.BuildId is { Length: > 0 } id ? id : null;
        Path = main is { PathIsBasename: false, Path.Length: > 0 } ? main.Path : null;
        Name = capture.ProcessName is { Length: > 0 } process ? MappingNames.Basename(process)
            : main is { Path.Length: > 0 } ? MappingNames.Basename(main.Path) : null;
        ModulePaths = [.. capture.Modules.Where(m => !m.PathIsBasename).Select(m => m.Path)];
        var images = capture.Modules.Select(m => m.Path).Where(p => !IsLibrary(p)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (images.Count == 0)
            images = [.. capture.Modules.Select(m => m.Path).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        Images = images;
        // By basename, so a default pmap (basenames only) meets a maps of the same process; kernel mappings alone
        // ([vdso], [stack]) and default names are in every process and tell no program.
        var keyNames = images.Select(MappingNames.Basename).Where(n => !n.StartsWith('[') && !DefaultNames.Contains(n))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        ModuleKey = keyNames.Count == 0 ? null : string.Join("\n", keyNames);
    }

    public CaptureAnalysis Analysis { get; }
    public string Id => Analysis.Capture.Id;
    public Architecture Architecture { get; }
    public string? BuildId { get; }
    public string? Path { get; }
    public string? Name { get; }
    public HashSet<string> ModulePaths { get; }
    public IReadOnlyList<string> Images { get; }
    public string? ModuleKey { get; }

    /// <summary>The strongest evidence this capture has on its own.</summary>
    public ProgramEvidence Strongest =>
        BuildId is not null ? ProgramEvidence.BuildId
        : Path is not null ? ProgramEvidence.Path
        : NameTellsProgram ? ProgramEvidence.ProcessName
        : ModuleKey is not null ? ProgramEvidence.Modules
        : ProgramEvidence.None;

    /// <summary>The process name is one a program chose, not a compiler's default.</summary>
    private bool NameTellsProgram => Name is not null && !DefaultNames.Contains(Name);

    /// <summary>A name this program goes by: the executable's path, else the process name, else its images.</summary>
    public string Label => Path ?? Name ?? (Images.Count > 0 ? string.Join(", ", Images.Take(3)) + (Images.Count > 3 ? ", …" : "") : Id);

    /// <summary>Two known architectures that differ are never one program (a 32-bit and a 64-bit build of one source).</summary>
    public static bool Compatible(Architecture first, Architecture second) =>
        first == Architecture.Unknown || second == Architecture.Unknown || first == second;

    /// <summary>
    /// The names this capture's process goes by (the process name, the executable's basename, an image's that is not
    /// a library's), each as the keys another capture's name finds it by (<see cref="NameKeys"/>): the name itself,
    /// and for a name longer than the kernel keeps, its first 15 characters as a cut one.
    /// </summary>
    public IEnumerable<(string Name, bool Cut)> OwnNameKeys()
    {
        foreach (var own in (IEnumerable<string?>)[Name, Path is null ? null : MappingNames.Basename(Path), .. Images.Select(MappingNames.Basename)])
        {
            if (own is null)
                continue;
            yield return (own, false);
            if (own.Length > CommLength)
                yield return (own[..CommLength], true);
        }
    }

    /// <summary>
    /// The keys of <see cref="OwnNameKeys"/> under which the captures that go by <see cref="Name"/> are found, allowing
    /// for the kernel's cut at 15 characters on either side; none when the name tells no program.
    /// </summary>
    public IEnumerable<(string Name, bool Cut)> NameKeys()
    {
        if (!NameTellsProgram)
            yield break;
        yield return (Name!, false);
        // A 15-character name may be the cut of a longer name the other capture has in full...
        if (Name!.Length == CommLength)
            yield return (Name, true);
        // ...and a longer name may be what the other capture's 15 characters were cut from.
        if (Name.Length > CommLength)
            yield return (Name[..CommLength], false);
    }

    /// <summary>A shared library (<c>libc.so.6</c>, <c>ld-linux-x86-64.so.2</c>) or a kernel mapping (<c>[vdso]</c>): preloaded and dlopened code does not make another program.</summary>
    private static bool IsLibrary(string path)
    {
        var name = MappingNames.Basename(path);
        return name.StartsWith('[') || name.Contains(".so", StringComparison.Ordinal);
    }
}
