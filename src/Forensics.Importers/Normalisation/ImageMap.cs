using System.Globalization;
using Forensics.Model;

namespace Forensics.Importers.Normalisation;

/// <summary>
/// Which regions belong to an ELF image, and to which: <see cref="Key"/>(i) is the image key of region i
/// (its path, or <c>image@0x…</c> for an image a core found at an address whose regions have no name), or null.
/// </summary>
/// <remarks>
/// A named file is taken as an ELF image when any of these holds: one of its mappings is executable; its basename
/// is named like a shared object (<c>libc.so.6</c>, <c>ld-2.3.2.so</c>); it is the executable the capture names
/// (AT_EXECFN, the command line's first word); a core found an ELF image at one of its mappings. Where no mapping of
/// the file has known permissions (gdb ≤ 11 rows), a file with two or more mappings whose file offsets start at 0 and
/// grow with the address is taken as an image too, the way a loader maps segments. Shared memory never is.
/// Everything else named is a mapped data file (locale archives, caches, fonts).
/// </remarks>
internal sealed class ImageMap
{
    private readonly string?[]? _keys;

    private ImageMap(string?[]? keys, Dictionary<string, ImageIdentity> unnamedImages, IReadOnlyList<string> executablePaths)
    {
        _keys = keys;
        UnnamedImages = unnamedImages;
        ExecutablePaths = executablePaths;
    }

    /// <summary>False when no region can belong to an image: no named file is one and a core found none.</summary>
    public bool HasImages => _keys is not null;

    /// <summary>The image key of region <paramref name="index"/>, or null.</summary>
    public string? Key(int index) => _keys?[index];

    /// <summary>Images from a core whose regions carry no name (cores without NT_FILE), by synthetic key.</summary>
    public Dictionary<string, ImageIdentity> UnnamedImages { get; }

    /// <summary>What the capture says the executable is: AT_EXECFN, the first word of the arguments or command line.</summary>
    public IReadOnlyList<string> ExecutablePaths { get; }

    /// <summary>The map from the evidence of <paramref name="files"/>, which every region was added to in address order.</summary>
    public static ImageMap Build(CaptureBuilder capture, Files files)
    {
        var regions = capture.Regions;
        var executablePaths = FindExecutablePaths(capture);
        var images = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, file) in files.ByName)
        {
            if (file.IsImage || RegionNames.IsSharedObjectName(RegionNames.Basename(name)) || IsExecutable(name, executablePaths))
                images.Add(name);
        }
        // Without images (a maps of anonymous memory) no region has a key: no array as long as the regions, no pass over them.
        var keys = images.Count > 0 || capture.Images.Count > 0 ? new string?[regions.Count] : null;
        for (var i = 0; i < regions.Count && images.Count > 0; i++)
        {
            if (regions[i].Name is { } name && images.Contains(name) && IsUnclassifiedOrImagePart(regions[i]))
                keys![i] = name;
        }

        var unnamedImages = new Dictionary<string, ImageIdentity>(StringComparer.Ordinal);
        foreach (var image in capture.Images)
            MarkUnnamedImage(regions, keys!, image, unnamedImages);
        return new ImageMap(keys, unnamedImages, executablePaths);
    }

    /// <summary>What each named file's mappings show of it, gathered region by region in address order.</summary>
    internal sealed class Files(CaptureBuilder capture)
    {
        private readonly HashSet<ulong> _imageBases = [.. capture.Images.Select(i => i.Base)];

        public Dictionary<string, FileEvidence> ByName { get; } = new(StringComparer.Ordinal);

        public void Add(Region region)
        {
            if (!RegionNames.IsPath(region) || !IsUnclassifiedOrImagePart(region) || RegionNames.IsSharedMemory(region))
                return;
            if (!ByName.TryGetValue(region.Name!, out var file))
                ByName.Add(region.Name!, file = new FileEvidence());
            file.Add(region, _imageBases.Contains(region.Start));
        }
    }

    /// <summary>True when <paramref name="name"/> is the executable: the same path, or the same basename where one side has no directory.</summary>
    public static bool IsExecutable(string name, IReadOnlyList<string> executablePaths)
    {
        foreach (var path in executablePaths)
        {
            if (string.Equals(name, path, StringComparison.Ordinal))
                return true;
            var relative = !name.StartsWith('/') || !path.StartsWith('/');
            if (relative && string.Equals(RegionNames.Basename(name), RegionNames.Basename(path), StringComparison.Ordinal))
                return true;
        }
        return false;
    }

    private static bool IsUnclassifiedOrImagePart(Region region) => region.Kind == RegionKind.Unknown || region.Kind.IsImagePart();

    private static List<string> FindExecutablePaths(CaptureBuilder capture)
    {
        var paths = new List<string>();
        foreach (var entry in capture.Auxv)
        {
            if (entry.Name == "AT_EXECFN" && !string.IsNullOrEmpty(entry.Text))
                paths.Add(entry.Text);
        }
        AddFirstWord(paths, capture.Process?.Arguments);
        AddFirstWord(paths, capture.CommandLine);
        return paths;
    }

    private static void AddFirstWord(List<string> paths, string? commandLine)
    {
        if (string.IsNullOrWhiteSpace(commandLine))
            return;
        var text = commandLine.AsSpan().TrimStart(' ');
        var space = text.IndexOf(' ');
        var word = (space < 0 ? text : text[..space]).ToString();
        if (!paths.Contains(word, StringComparer.Ordinal))
            paths.Add(word);
    }

    /// <summary>Gives the unnamed regions inside a core image's extent a key of their own, so they classify as the image's parts.</summary>
    private static void MarkUnnamedImage(List<Region> regions, string?[] keys, ImageIdentity image, Dictionary<string, ImageIdentity> unnamedImages)
    {
        var first = LowerBound(regions, image.Base);
        if (first >= regions.Count || regions[first].Start >= image.End)
            return;
        var atBase = regions[first];
        if (atBase.Name is not null || atBase.Kind is not (RegionKind.Unknown or RegionKind.Text or RegionKind.Rodata))
            return;
        var key = string.Create(CultureInfo.InvariantCulture, $"image@0x{image.Base:x}");
        unnamedImages[key] = image;
        for (var i = first; i < regions.Count && regions[i].Start < image.End; i++)
        {
            if (regions[i].Name is null && IsUnclassifiedOrImagePart(regions[i]))
                keys[i] = key;
        }
    }

    /// <summary>Index of the first region that starts at or above <paramref name="address"/>.</summary>
    private static int LowerBound(List<Region> regions, ulong address)
    {
        int low = 0, high = regions.Count;
        while (low < high)
        {
            var mid = low + ((high - low) >> 1);
            if (regions[mid].Start < address) low = mid + 1;
            else high = mid;
        }
        return low;
    }

    internal sealed class FileEvidence
    {
        private bool _executable;
        private bool _executableKnown;
        private bool _atImageBase;
        private int _count;
        private bool _offsetsFromZeroAscending = true;
        private ulong? _lastOffset;

        public bool IsImage => _executable || _atImageBase || (!_executableKnown && _count >= 2 && _offsetsFromZeroAscending);

        public void Add(Region region, bool atImageBase)
        {
            _executable |= region.Permissions.CanExecute == true;
            _executableKnown |= region.Permissions.CanExecute is not null;
            _atImageBase |= atImageBase;
            if (region.Offset is not { } offset || (_count == 0 ? offset != 0 : _lastOffset is not { } last || offset < last))
                _offsetsFromZeroAscending = false;
            _lastOffset = region.Offset;
            _count++;
        }
    }
}
