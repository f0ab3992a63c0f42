using Forensics.Model;
using Microsoft.Diagnostics.Runtime;

namespace Forensics.Importers.Clr;

/// <summary>
/// Compares our ELF module list with the ELF images of ClrMD's <see cref="DataTarget.EnumerateModules"/> by base
/// address: size, build-id and path. Every disagreement is a diagnostic; agreement is silent.
/// </summary>
internal static class ModuleCrossCheck
{
    private const ulong PageSize = 0x1000;

    private sealed record OwnImage(ulong Base, ulong Size, string Path, bool PathIsBasename, string? BuildId);

    public static void Run(CaptureBuilder capture, IEnumerable<ModuleInfo> clrModules)
    {
        // A capture nobody grouped modules for (not normalised yet) has nothing to compare.
        if (capture.Images.Count == 0 && capture.Modules.Count == 0)
            return;
        // Images read from core memory end where their last PT_LOAD ends; the vdso has no file (its path is its soname).
        var own = capture.Images.Count > 0
            ? capture.Images.Where(i => i.Path is not null && i.Path.Contains('/')).Select(i => new OwnImage(i.Base, i.End - i.Base, i.Path!, false, i.BuildId))
            : capture.Modules.Select(m => new OwnImage(m.Base, m.Size, m.Path, m.PathIsBasename, m.BuildId));
        var theirs = new SortedDictionary<ulong, ModuleInfo>();
        var managedPaths = new HashSet<string>(StringComparer.Ordinal);
        foreach (var module in clrModules)
        {
            if (module.Kind == ModuleKind.Elf)
                theirs.TryAdd(module.ImageBase, module);
            else if (module.FileName is { } path)
                managedPaths.Add(path);
        }

        var ours = new SortedDictionary<ulong, OwnImage>();
        foreach (var image in own)
        {
            // Pseudo-images such as [vdso] have no file for ClrMD to list, and assemblies that modules grouped
            // from regions include are PE images, which ClrMD lists apart.
            if (!image.Path.StartsWith('[') && !managedPaths.Contains(image.Path))
                ours.TryAdd(image.Base, image);
        }

        foreach (var (address, module) in theirs)
        {
            if (!ours.TryGetValue(address, out var image))
            {
                capture.Diagnostics.Warning(DiagnosticCatalogue.ModuleMissingFromCapture, SourceLocation.None,
                    $"ClrMD lists image [{module.FileName}] at [0x{address:x}] that our module list does not have");
                continue;
            }
            Compare(capture, image, module);
        }
        foreach (var (address, image) in ours)
        {
            if (!theirs.ContainsKey(address))
                capture.Diagnostics.Info(DiagnosticCatalogue.ModuleMissingFromClrMD, SourceLocation.None,
                    $"image [{image.Path}] at [0x{address:x}] is not in ClrMD's module list");
        }
    }

    private static void Compare(CaptureBuilder capture, OwnImage image, ModuleInfo module)
    {
        var address = image.Base;
        var theirSize = (ulong)module.ImageSize;
        // ClrMD ends some images at their last PT_LOAD's end and rounds others up to a page (libc.so.6 0x1e1f50,
        // librt.so.1 0x5000 in the same core); modules grouped from regions always end on a page.
        if (RoundUp(image.Size) != RoundUp(theirSize))
            capture.Diagnostics.Warning(DiagnosticCatalogue.ModuleSizeMismatch, SourceLocation.None,
                $"image [{image.Path}] at [0x{address:x}] has size [0x{image.Size:x}], ClrMD says [0x{theirSize:x}]");

        var theirBuildId = module.BuildId.IsDefaultOrEmpty ? null : Convert.ToHexStringLower(module.BuildId.AsSpan());
        if (image.BuildId is not null && theirBuildId is not null
            && !string.Equals(image.BuildId, theirBuildId, StringComparison.OrdinalIgnoreCase))
            capture.Diagnostics.Warning(DiagnosticCatalogue.ModuleBuildIdMismatch, SourceLocation.None,
                $"image [{image.Path}] at [0x{address:x}] has build-id [{image.BuildId}], ClrMD says [{theirBuildId}]");

        var theirPath = module.FileName ?? "";
        var pathMatches = image.PathIsBasename
            ? string.Equals(image.Path, Path.GetFileName(theirPath), StringComparison.Ordinal)
            : string.Equals(image.Path, theirPath, StringComparison.Ordinal);
        if (!pathMatches)
            capture.Diagnostics.Warning(DiagnosticCatalogue.ModulePathMismatch, SourceLocation.None,
                $"image at [0x{address:x}] is [{image.Path}], ClrMD says [{theirPath}]");
    }

    private static ulong RoundUp(ulong size) => (size + PageSize - 1) & ~(PageSize - 1);
}
