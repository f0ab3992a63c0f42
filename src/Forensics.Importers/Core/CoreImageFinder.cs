using Forensics.Elf;
using Forensics.Elf.Images;
using Forensics.Elf.Notes;
using Forensics.Model;

namespace Forensics.Importers.Core;

/// <summary>
/// ELF images in core memory the way <c>eu-unstrip -n --core</c> finds them (docs/formats.md#images-and-build-ids): every dumped
/// segment that starts with an ELF header, plus the vdso at AT_SYSINFO_EHDR, in address order, skipping
/// starts inside an image already found; unlike eu-unstrip, a header is an image only at the place its own program
/// headers give it (a copy of file page 0 in a later mapping is not). Names come from NT_FILE, else the loader's link
/// map, else AT_EXECFN.
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
        // Headers read count against the image limit whether or not they are images, so copies cannot multiply the work.
        var headersRead = 0;
        // The starts ascend, so a start is inside an image found before exactly when it is below their furthest end.
        var imagesEnd = 0UL;
        var index = 0;
        foreach (var start in starts)
        {
            if (index++ % ReadCheckpoints.EntriesPerCheck == 0)
                checkpoint.Check(null);
            if (headersRead >= limits.MaxImages)
                break;
            if (start < imagesEnd || ElfImageReader.TryRead(memory, start, limits.MaxStringBytes) is not { } image)
                continue;
            headersRead++;
            if (OwnPlace(image, start, files, checkpoint) is { } place && place != start)
            {
                // A copy of the header (docs/formats.md#images-and-build-ids, copies of the ELF header): the image is where its
                // own headers place it; when an image found already lies there, the file is placed and the copy is nothing.
                if (images.Exists(i => i.Base < image.End - start + place && place < i.End)
                    || ElfImageReader.TryReadPlaced(memory, start, place, limits.MaxStringBytes) is not { } placed)
                    continue;
                image = placed;
            }
            images.Add(image);
            imagesEnd = Math.Max(imagesEnd, image.End);
        }
        images.Sort((a, b) => a.Base.CompareTo(b.Base));

        var executable = FindExecutable(images, auxv);
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
            IsPositionIndependent = image.Type == ElfConstants.TypeShared,
            HeaderCopyAddress = image.HeaderCopyAddress,
        }).ToList();
    }

    /// <summary>
    /// Where the image whose header was found at <paramref name="start"/> really is: an ET_EXEC image is at its link
    /// address (bias 0); an image whose file NT_FILE maps from offset 0 at a lower address within the image's span
    /// starts there, the header at <paramref name="start"/> being a later mapping of the same file page (the
    /// read-write segment of a small executable or library maps file page 0 again).
    /// </summary>
    private static ulong? OwnPlace(ElfImage image, ulong start, FileMappings files, IReadCheckpoint checkpoint)
    {
        if (image.Type == ElfConstants.TypeExecutable)
            return image.LinkBase;
        if (files.Find(start) is not { FileOffset: 0 } entry)
            return null;
        var span = image.End - image.Base;
        var entries = files.Entries;
        // Entries are sorted and disjoint: start at the first one that ends above start − span.
        var lowest = start > span ? start - span : 0;
        int low = 0, high = entries.Count;
        while (low < high)
        {
            var middle = low + ((high - low) >> 1);
            if (entries[middle].End <= lowest) low = middle + 1;
            else high = middle;
        }
        for (var index = low; index < entries.Count && entries[index].Start < start; index++)
        {
            if (index % ReadCheckpoints.EntriesPerCheck == 0)
                checkpoint.Check(null);
            var other = entries[index];
            if (other.FileOffset == 0 && start - other.Start < span && string.Equals(other.Name, entry.Name, StringComparison.Ordinal))
                return other.Start;
        }
        return null;
    }

    /// <summary>The main program: the image holding AT_PHDR, else the one holding AT_ENTRY; none without that evidence.</summary>
    private static ElfImage? FindExecutable(List<ElfImage> images, IReadOnlyList<AuxvEntry> auxv)
    {
        foreach (var type in (ReadOnlySpan<ulong>)[AuxvTypes.ProgramHeaders, AuxvTypes.Entry])
        {
            if (Value(auxv, type) is { } address && images.Find(i => address >= i.Base && address < i.End) is { } image)
                return image;
        }
        return null;
    }

    private static string? NameFromFiles(FileMappings files, ulong address) =>
        files.Find(address) is { } entry
            ? entry.Name.EndsWith(" (deleted)", StringComparison.Ordinal) ? entry.Name[..^" (deleted)".Length] : entry.Name
            : null;

    private static ulong? Value(IReadOnlyList<AuxvEntry> auxv, ulong type) =>
        auxv.FirstOrDefault(a => a.Type == type)?.Value;
}
