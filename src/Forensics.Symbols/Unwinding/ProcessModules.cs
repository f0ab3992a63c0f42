using Forensics.Elf;
using Forensics.Elf.Images;
using Forensics.Model;
using Forensics.Symbols.Demangling;
using Forensics.Symbols.ModuleFiles;

namespace Forensics.Symbols.Unwinding;

/// <summary>The modules of one process (the ELF images the core holds), their files, and what names a PC.</summary>
internal sealed class ProcessModules
{
    private const ulong AuxvSysInfoElfHeader = 33;
    private readonly ProcessModule[] _modules;
    private readonly (ulong Start, ulong End)[] _code;

    private ProcessModules(ProcessModule[] modules, (ulong, ulong)[] code)
    {
        _modules = modules;
        _code = code;
    }

    public IReadOnlyList<ProcessModule> Modules => _modules;

    public static ProcessModules Build(CaptureBuilder capture, IAddressSpace memory, bool is64, ModuleFileLocator locator, IReadCheckpoint checkpoint)
    {
        var vdso = capture.Auxv.FirstOrDefault(a => a.Type == AuxvSysInfoElfHeader)?.Value;
        var modules = new List<ProcessModule>();
        foreach (var image in capture.Images.OrderBy(i => i.Base))
        {
            checkpoint.Check(null);
            var loaded = ElfImageReader.TryRead(memory, image.Base, 4096);
            var name = image.Base == vdso ? "[vdso]"
                : image.Path is { } path ? Path.GetFileName(path)
                : image.SoName ?? $"0x{image.Base:x}";
            var isVdso = image.Base == vdso;
            var imagePath = image.Path;
            var buildId = image.BuildId;
            modules.Add(new ProcessModule
            {
                Name = name,
                Path = image.Path,
                Base = image.Base,
                End = image.End,
                // The image's ELF header is in the core (that is how it was found), so its bias is known without a file.
                Bias = loaded?.Bias ?? image.Base,
                BuildId = image.BuildId,
                Locate = () => isVdso ? (VdsoImage.Read(memory, image.Base, image.End, checkpoint), null) : locator.Locate(name, imagePath, buildId),
                MemoryEhFrameHeader = loaded?.EhFrameHeaderAddress,
                Memory = memory,
                Is64 = is64,
                Checkpoint = checkpoint,
            });
        }
        var executable = capture.Regions
            .Where(r => r.Permissions.CanExecute == true)
            .Select(r => (r.Start, r.End))
            .OrderBy(r => r.Start)
            .ToArray();
        return new ProcessModules([.. modules], executable);
    }

    public ProcessModule? Find(ulong address)
    {
        int low = 0, high = _modules.Length - 1;
        while (low <= high)
        {
            var middle = low + ((high - low) >> 1);
            if (_modules[middle].Base <= address) low = middle + 1;
            else high = middle - 1;
        }
        return high >= 0 && _modules[high].Contains(address) ? _modules[high] : null;
    }

    /// <summary>In a mapping the core marks executable, or in code of the module's file.</summary>
    public bool IsExecutable(ulong address)
    {
        int low = 0, high = _code.Length - 1;
        while (low <= high)
        {
            var middle = low + ((high - low) >> 1);
            if (_code[middle].Start <= address) low = middle + 1;
            else high = middle - 1;
        }
        if (high >= 0 && address < _code[high].End)
            return true;
        return Find(address) is { File: { } file } module && file.IsCode(address - module.Bias);
    }

    /// <summary>Sites named so far, by PC and whether it is exact: a recursion names the same few PCs thousands of times.</summary>
    private readonly Dictionary<(ulong Pc, bool ExactPc), FrameSite> _named = [];

    /// <summary>Enough for the distinct PCs of any real core; past it, frames are named without being kept.</summary>
    private const int MaxNamedPcs = 1 << 16;

    /// <summary>A frame at <paramref name="pc"/>, named by the symbol that covers it (the call, for a return address).</summary>
    public StackFrame Describe(ulong pc, ulong sp, UnwindMethod method, bool exactPc)
    {
        if (!_named.TryGetValue((pc, exactPc), out var named))
        {
            named = Name(pc, exactPc);
            if (_named.Count < MaxNamedPcs)
                _named[(pc, exactPc)] = named;
        }
        return new StackFrame(named, sp, method);
    }

    private FrameSite Name(ulong pc, bool exactPc)
    {
        if (Find(exactPc ? pc : pc - 1) is not { } module)
            return new FrameSite { ProgramCounter = pc };
        var lookup = (exactPc ? pc : pc - 1) - module.Bias;
        var symbol = module.Symbol(lookup);
        var line = module.LineAt(lookup);
        return new FrameSite
        {
            ProgramCounter = pc,
            Module = module.Name,
            ModuleOffset = pc - module.Base,
            Function = symbol is { Name: var name } ? Demangler.TryDemangle(name) ?? name : null,
            Symbol = symbol?.Name,
            FunctionOffset = symbol is { } found ? pc - module.Bias - found.Address : null,
            File = line?.File,
            Line = line?.Line,
        };
    }
}
