using Forensics.Analysis.Layout;
using Forensics.Model;

namespace Forensics.Analysis.Comparison.Programs;

/// <summary>What one capture says about the program it shows: each kind of <see cref="ProgramEvidence"/> it has.</summary>
internal sealed class CaptureIdentity
{
    /// <summary>The kernel keeps a process name of at most 15 characters (TASK_COMM_LEN 16 with its NUL, include/linux/sched.h).</summary>
    internal const int CommLength = 15;

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
    public bool NameTellsProgram => Name is not null && !DefaultNames.Contains(Name);

    /// <summary>The names this capture's process goes by: its name, its executable's basename and its images' basenames.</summary>
    public IReadOnlyList<string> OwnNames => field ??=
        [.. ((IEnumerable<string?>)[Name, Path is null ? null : MappingNames.Basename(Path), .. Images.Select(MappingNames.Basename)]).OfType<string>().Distinct(StringComparer.Ordinal)];

    /// <summary>A name this program goes by: the executable's path, else the process name, else its images.</summary>
    public string Label => Path ?? Name ?? (Images.Count > 0 ? string.Join(", ", Images.Take(3)) + (Images.Count > 3 ? ", …" : "") : Id);

    /// <summary>This capture's process could be <paramref name="other"/>'s program by <paramref name="evidence"/>.</summary>
    public bool Matches(CaptureIdentity other, ProgramEvidence evidence) => evidence switch
    {
        ProgramEvidence.BuildId => BuildId is not null && string.Equals(BuildId, other.BuildId, StringComparison.Ordinal),
        ProgramEvidence.Path => Path is not null && string.Equals(Path, other.Path, StringComparison.Ordinal),
        ProgramEvidence.ProcessName => NameTellsProgram && other.GoesBy(Name!),
        ProgramEvidence.Modules => ModuleKey is not null
            && (string.Equals(ModuleKey, other.ModuleKey, StringComparison.Ordinal) || (other.Path is not null && ModulePaths.Contains(other.Path))),
        _ => false,
    };

    /// <summary>Two known architectures that differ are never one program (a 32-bit and a 64-bit build of one source).</summary>
    public static bool Compatible(Architecture first, Architecture second) =>
        first == Architecture.Unknown || second == Architecture.Unknown || first == second;

    /// <summary>The process name, the executable's basename or an image's (not a library's) is <paramref name="name"/>, allowing for the kernel's cut at 15 characters.</summary>
    private bool GoesBy(string name)
    {
        foreach (var own in OwnNames)
        {
            if (string.Equals(own, name, StringComparison.Ordinal)
                || (name.Length == CommLength && own.Length > CommLength && own.StartsWith(name, StringComparison.Ordinal))
                || (own.Length == CommLength && name.Length > CommLength && name.StartsWith(own, StringComparison.Ordinal)))
                return true;
        }
        return false;
    }

    /// <summary>A shared library (<c>libc.so.6</c>, <c>ld-linux-x86-64.so.2</c>) or a kernel mapping (<c>[vdso]</c>): preloaded and dlopened code does not make another program.</summary>
    private static bool IsLibrary(string path)
    {
        var name = MappingNames.Basename(path);
        return name.StartsWith('[') || name.Contains(".so", StringComparison.Ordinal);
    }
}
