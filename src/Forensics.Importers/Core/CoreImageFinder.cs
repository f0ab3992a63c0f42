using Forensics.Elf;
using Forensics.Elf.Images;
using Forensics.Elf.Notes;
using Forensics.Model;

namespace Forensics.Importers.Core;

/// <summary>
/// ELF images in core memory the way <c>eu-unstrip -n --core</c> finds them (docs/formats.md#images-and-build-ids): every dumped
/// segment that starts with an ELF header, plus the vdso at AT_SYSINFO_EHDR, in address order, skipping
/// starts inside an image already found. Names come from NT_FILE, else the loader's link map, else AT_EXECFN.
/// </summary>
internal static class CoreImageFinder
{
    public static List<ImageIdentity> Find(ElfCoreFile file, FileMappings files, IReadOnlyList<AuxvEntry> auxv, CoreLimits limits, IReadCheckpoint checkpoint)
    {
        var memory = file.Memory;
        var starts = new SortedSet<ulong>(file.LoadSegments.Where(l => l.FileSize >= 4).Select(l => l.VirtualAddress));
        if (Value(auxv, AuxvTypes.SysInfoElfHeader) is { } vdso)
            starts.Add(vdso);
        var images = new List<ElfImage>();
        // The starts ascend, so a start is inside an image found before exactly when it is below their furthest end.
        var imagesEnd = 0UL;
        var index = 0;
        foreach (var start in starts)
        {
            if (index++ % ReadCheckpoints.EntriesPerCheck == 0)
                checkpoint.Check(null);
            if (images.Count >= limits.MaxImages)
                break;
            if (start < imagesEnd)
                continue;
            if (ElfImageReader.TryRead(memory, start, limits.MaxStringBytes) is { } image)
            {
                images.Add(image);
                imagesEnd = Math.Max(imagesEnd, image.End);
            }
        }

        var programHeaders = Value(auxv, AuxvTypes.ProgramHeaders);
        var executable = images.Find(i => programHeaders is { } phdr && phdr >= i.Base && phdr < i.End)
            ?? images.Find(i => i.Type == ElfConstants.TypeExecutable);
        IReadOnlyList<LinkMapEntry> linkMap = [];
        if (images.Exists(i => NameFromFiles(files, i.Base) is null) && executable?.DynamicAddress is { } dynamic
            && ElfImageReader.ReadDebugAddress(memory, dynamic, executable.DynamicSize, file.Header!.Is64) is { } debug)
        {
            linkMap = LinkMapReader.Read(memory, debug, file.Header.Is64, limits.MaxLinkMapEntries, limits.MaxStringBytes);
        }
        var execName = auxv.FirstOrDefault(a => a.Type == AuxvTypes.ExecFileName)?.Text;

        return images.Select(image => new ImageIdentity
        {
            Base = image.Base,
            End = image.End,
            Path = NameFromFiles(files, image.Base)
                ?? linkMap.FirstOrDefault(l => l.Bias == image.Bias && !string.IsNullOrEmpty(l.Name) && l.DynamicAddress == image.DynamicAddress).Name
                ?? (ReferenceEquals(image, executable) ? execName : null),
            BuildId = image.BuildId,
            BuildIdAddress = image.BuildIdAddress,
            SoName = image.SoName,
            IsExecutable = ReferenceEquals(image, executable),
        }).ToList();
    }

    private static string? NameFromFiles(FileMappings files, ulong address) =>
        files.Find(address) is { } entry
            ? entry.Name.EndsWith(" (deleted)", StringComparison.Ordinal) ? entry.Name[..^" (deleted)".Length] : entry.Name
            : null;

    private static ulong? Value(IReadOnlyList<AuxvEntry> auxv, ulong type) =>
        auxv.FirstOrDefault(a => a.Type == type)?.Value;
}
