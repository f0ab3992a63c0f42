using System.Globalization;
using Forensics.Model;

namespace Forensics.Importers.Normalisation;

/// <summary>
/// Groups an image's mappings into <see cref="Capture.Modules"/> and sets <see cref="Region.Module"/>. Regions must be
/// sorted and classified.
/// </summary>
/// <remarks>
/// A module is one file at one place (docs/region-model.md#modules). Where a core found the image, the place is the
/// image's extent: the file's mappings inside it, and the anonymous bss and gap directly after the last of them up to
/// the image's end (a bss region that runs past it is anonymous memory, not bss). A minidump's module list is no such
/// extent (Breakpad gives the first mapping's size), so there an image's place goes on over the file's later mappings
/// as it does where no image is known. Elsewhere a file's mappings in address
/// order stay one place until a mapping of another image (or another place of the same file) lies between them, the inode changes, or a
/// non-writable mapping goes back to file offset 0 after one past it (a second load); unnamed anonymous memory and data
/// files may lie between, but not a kernel mapping, a stack or the heap (old loaders put <c>[vdso]</c> into ld.so's
/// hole, which then splits ld.so in two places), and a writable mapping of file page 0 is the data of a
/// small non-PIE executable, not a new place. <c>[vdso]</c> is a module of its own. Names are basenames, made unique:
/// full paths where two paths share a basename, then <c> #2</c>, <c> #3</c> for further places of one file.
/// </remarks>
internal static class ModuleBuilder
{
    public const string VdsoName = "[vdso]";
    private const ulong PageSize = 0x1000;
    private const ulong NonPieLinkBase64 = 0x400000, NonPieLinkBase32 = 0x8048000;

    public static void Build(CaptureBuilder capture, ImageMap images)
    {
        capture.Modules.Clear();
        var regions = capture.Regions;
        var placed = new ImagePlaces(capture.Images, regions, images);
        var extentsAreExact = capture.Format != CaptureFormat.Minidump;
        var builders = new List<Draft>();
        var lastByKey = new Dictionary<string, Draft>(StringComparer.Ordinal);
        var byImage = new Dictionary<ImageIdentity, Draft>(ReferenceEqualityComparer.Instance);
        // Image mappings seen so far: a file's mappings with another image's mapping between them are two places (a data
        // file may lie between, as a locale file mapped into the hole between ld.so's segments does).
        var mappingsSeen = 0;
        Draft? previous = null;
        for (var i = 0; i < regions.Count; i++)
        {
            var region = regions[i];
            if (images.Key(i) is { } key)
            {
                Draft draft;
                if (placed.ImageOf(i) is { } image)
                {
                    if (!byImage.TryGetValue(image, out draft!))
                        builders.Add(draft = byImage[image] = new Draft(key, region.NameIsBasename, images.UnnamedImages.GetValueOrDefault(key)) { Image = image });
                }
                else if (!lastByKey.TryGetValue(key, out draft!) || !draft.Continues(region, mappingsSeen, extentsAreExact))
                {
                    builders.Add(draft = new Draft(key, region.NameIsBasename, images.UnnamedImages.GetValueOrDefault(key)));
                }
                lastByKey[key] = draft;
                draft.Add(region, isMapping: true);
                draft.MappingsSeen = ++mappingsSeen;
                previous = draft;
            }
            else if (region.Kind is RegionKind.Bss or RegionKind.Gap && region.Name is null && previous is not null && previous.End == region.Start)
            {
                // Anonymous memory after an image's data is its bss only within the p_memsz of the image's own headers.
                // Without them (text captures, minidumps, a core without the header page) it may as well be an older
                // mapping the loader placed the image directly below (corpus/long-paths: two pages after liblong1.so).
                var image = extentsAreExact ? previous.Image : null;
                var pastImage = image is not null && region.End > PageEnd(image.End);
                if (pastImage || (region.Kind == RegionKind.Bss && image is null))
                {
                    if (region.Kind == RegionKind.Bss)
                        region.Kind = region.Permissions.CanExecute == true ? RegionKind.AnonExec : RegionKind.Anon;
                    previous = null;
                }
                else
                {
                    previous.Add(region);
                }
            }
            else if (region.Kind == RegionKind.Vdso)
            {
                if (previous is not { Key: VdsoName } || previous.End != region.Start)
                    builders.Add(previous = new Draft(VdsoName, false, null));
                previous.Add(region);
                mappingsSeen++;
            }
            else
            {
                // A kernel mapping or a stack between two mappings of one file ends its place: a module's range never
                // covers one (an old ld.so's hole held [vdso]).
                if (region.Kind is RegionKind.Vvar or RegionKind.Vsyscall or RegionKind.Stack or RegionKind.ThreadStack or RegionKind.Heap)
                    mappingsSeen++;
                previous = null;
            }
        }

        AttachImages(capture, builders, byImage);
        builders.Sort((a, b) => a.Base.CompareTo(b.Base));
        NameUniquely(builders);
        MarkMainExecutable(builders, images, capture.ProcessName);
        if (builders.Count == 0)
            return; // no module, and no pass over the regions for truncated paths (a maps of anonymous memory)
        var truncation = new PathTruncation(regions);
        foreach (var draft in builders)
            capture.Modules.Add(draft.ToModule(truncation.IsTruncated(draft.Path)));
    }

    private static ulong PageEnd(ulong address) => address > ulong.MaxValue - (PageSize - 1) ? ulong.MaxValue : (address + PageSize - 1) & ~(PageSize - 1);

    /// <summary>
    /// Gives every core image its module: the one its regions made, else the draft at its base (the vdso), else a module
    /// of its own named by its soname. The module's extent is the image's.
    /// </summary>
    private static void AttachImages(CaptureBuilder capture, List<Draft> builders, Dictionary<ImageIdentity, Draft> byImage)
    {
        var byBase = new Dictionary<ulong, Draft>();
        foreach (var draft in builders)
            byBase.TryAdd(draft.Base, draft);
        foreach (var image in capture.Images)
        {
            if (byImage.TryGetValue(image, out var draft))
            {
                draft.Base = image.Base;
                draft.End = Math.Max(draft.End, image.End);
                continue;
            }
            if (!byBase.TryGetValue(image.Base, out draft))
            {
                var key = string.Create(CultureInfo.InvariantCulture, $"image@0x{image.Base:x}");
                draft = new Draft(key, false, image) { Base = image.Base, End = image.End };
                builders.Add(draft);
                byBase.Add(image.Base, draft);
            }
            draft.Image ??= image;
        }
    }

    private static void NameUniquely(List<Draft> builders)
    {
        foreach (var group in builders.GroupBy(b => b.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            if (group.Select(b => b.Path).Distinct(StringComparer.Ordinal).Count() > 1)
            {
                foreach (var draft in group)
                    draft.Name = draft.Path;
            }
        }
        foreach (var group in builders.GroupBy(b => b.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            var number = 1;
            foreach (var draft in group)
            {
                if (number > 1)
                    draft.Name = string.Create(CultureInfo.InvariantCulture, $"{draft.Name} #{number}");
                number++;
            }
        }
    }

    /// <summary>
    /// The main executable, from evidence only: the image a core found AT_PHDR or AT_ENTRY in; else the image the
    /// capture names (AT_EXECFN, the first word of the arguments or command line); else the image named like the process
    /// (comm, which the kernel cuts to 15 bytes); else the image at the fixed link address of non-PIE executables
    /// (0x400000, 0x8048000), where only an ET_EXEC program is loaded (ld.so refuses to dlopen an ET_EXEC file). Without
    /// evidence there is none.
    /// </summary>
    private static void MarkMainExecutable(List<Draft> builders, ImageMap images, string? processName)
    {
        var main = builders.Find(b => b.Image?.IsExecutable == true)
            ?? builders.Find(b => b.Key != VdsoName && ImageMap.IsExecutable(b.Path, images.ExecutablePaths))
            ?? builders.Find(b => b.Key != VdsoName && IsProcessName(b.Name, processName))
            ?? builders.Find(b => b.Key != VdsoName && b.Base is NonPieLinkBase64 or NonPieLinkBase32);
        if (main is not null)
            main.IsMainExecutable = true;
    }

    private static bool IsProcessName(string basename, string? processName) =>
        processName is { Length: > 0 } name
        && (string.Equals(basename, name, StringComparison.Ordinal)
            || (name.Length == 15 && basename.StartsWith(name, StringComparison.Ordinal)));

    /// <summary>Which core image each region lies in, when the region is a mapping of the file found at the image's base.</summary>
    private sealed class ImagePlaces
    {
        private readonly List<Region> _regions;
        private readonly ImageMap _map;
        private readonly ImageIdentity[] _images;
        private readonly string?[] _imageKeys;

        public ImagePlaces(List<ImageIdentity> images, List<Region> regions, ImageMap map)
        {
            _regions = regions;
            _map = map;
            _images = [.. images.OrderBy(i => i.Base)];
            _imageKeys = new string?[_images.Length];
            for (var index = 0; index < _images.Length; index++)
                _imageKeys[index] = KeyAt(_images[index].Base);
        }

        public ImageIdentity? ImageOf(int regionIndex)
        {
            var start = _regions[regionIndex].Start;
            int low = 0, high = _images.Length - 1;
            while (low <= high)
            {
                var mid = low + ((high - low) >> 1);
                if (_images[mid].Base <= start) low = mid + 1;
                else high = mid - 1;
            }
            return high >= 0 && start < PageEnd(_images[high].End) && _imageKeys[high] is { } key
                && string.Equals(key, _map.Key(regionIndex), StringComparison.Ordinal) ? _images[high] : null;
        }

        private string? KeyAt(ulong address)
        {
            int low = 0, high = _regions.Count - 1;
            while (low <= high)
            {
                var mid = low + ((high - low) >> 1);
                if (_regions[mid].Start <= address) low = mid + 1;
                else high = mid - 1;
            }
            return high >= 0 && _regions[high].Contains(address) ? _map.Key(high) : null;
        }
    }

    /// <summary>A module being grouped; becomes a <see cref="Module"/> once names are unique.</summary>
    private sealed class Draft(string key, bool pathIsBasename, ImageIdentity? image)
    {
        private readonly List<Region> _regions = [];
        private readonly SortedDictionary<RegionKind, ulong> _bytesByKind = [];
        private bool _deleted;
        private Region? _lastMapping;

        public string Key { get; } = key;
        public ImageIdentity? Image { get; set; } = image;
        public string Path { get; } = image is not null && key.StartsWith("image@", StringComparison.Ordinal)
            ? NonEmpty(image.Path) ?? NonEmpty(image.SoName) ?? key
            : key;
        public string Name { get; set; } = image is not null && key.StartsWith("image@", StringComparison.Ordinal)
            ? NonEmpty(image.SoName) ?? RegionNames.Basename(NonEmpty(image.Path) ?? key)
            : RegionNames.Basename(key);
        public ulong Base { get; set; } = ulong.MaxValue;
        public ulong End { get; set; }
        public bool IsMainExecutable { get; set; }
        /// <summary>How many image mappings had been seen when this draft took its last one.</summary>
        public int MappingsSeen { get; set; }

        /// <summary>True when <paramref name="mapping"/>, of this draft's file, is at the same place as its mappings so far.</summary>
        public bool Continues(Region mapping, int mappingsSeen, bool extentsAreExact)
        {
            if ((Image is not null && extentsAreExact) || _lastMapping is not { } last || mappingsSeen != MappingsSeen)
                return false;
            if (mapping.Inode is { } inode && last.Inode is { } lastInode && inode != lastInode)
                return false;
            return !(mapping.Offset == 0 && mapping.Permissions.CanWrite != true && last.Offset is > 0);
        }

        public void Add(Region region, bool isMapping = false)
        {
            _regions.Add(region);
            if (isMapping)
                _lastMapping = region;
            Base = Math.Min(Base, region.Start);
            End = Math.Max(End, region.End);
            _deleted |= region.Deleted;
            _bytesByKind[region.Kind] = _bytesByKind.GetValueOrDefault(region.Kind) + region.Size;
        }

        private static string? NonEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;

        public Module ToModule(bool pathTruncated)
        {
            var module = new Module
            {
                Name = Name,
                Path = Path,
                PathIsBasename = pathIsBasename,
                PathTruncated = pathTruncated,
                Base = Base,
                End = End,
                BuildId = Image?.BuildId,
                BuildIdAddress = Image?.BuildIdAddress,
                SoName = Image?.SoName,
                IsPositionIndependent = Image?.IsPositionIndependent,
                Deleted = _deleted,
                IsMainExecutable = IsMainExecutable,
            };
            foreach (var (kind, bytes) in _bytesByKind)
                module.BytesByKind[kind] = bytes;
            foreach (var region in _regions)
                region.Module = Name;
            return module;
        }
    }
}
