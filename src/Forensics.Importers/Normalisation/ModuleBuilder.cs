using System.Globalization;
using Forensics.Model;

namespace Forensics.Importers.Normalisation;

/// <summary>
/// Groups an image's mappings into <see cref="Capture.Modules"/> and sets <see cref="Region.Module"/>. Regions must be
/// sorted and classified.
/// </summary>
/// <remarks>
/// A module is the mappings of one image key (path) in address order, with the anonymous bss and gap regions directly
/// adjacent to them; other regions may lie between its mappings (old ld.so layouts put [vdso] there). A file offset
/// restarting at 0 does not start a second module: old non-PIE executables map their data from file page 0 as well.
/// <c>[vdso]</c> is a module of its own. Images a core found are attached by base (build-id,
/// its address, soname, extent); an image with no regions becomes a module named by its soname. Names are basenames,
/// made unique: full paths where two paths share a basename, then <c> #2</c>, <c> #3</c> for repeated loads.
/// The main executable is, first match wins: the image a core marks as the executable; the image the capture names
/// (AT_EXECFN, the first word of the arguments or command line); the lowest image not named like a shared object.
/// </remarks>
internal static class ModuleBuilder
{
    public const string VdsoName = "[vdso]";

    public static void Build(Capture capture, ImageMap images)
    {
        capture.Modules.Clear();
        var regions = capture.Regions;
        var keys = images.Keys;
        var builders = new List<Draft>();
        var lastByKey = new Dictionary<string, Draft>(StringComparer.Ordinal);
        Draft? previous = null;
        for (var i = 0; i < regions.Count; i++)
        {
            var region = regions[i];
            region.Module = null;
            if (keys[i] is { } key)
            {
                if (!lastByKey.TryGetValue(key, out var draft))
                {
                    draft = new Draft(key, region.NameIsBasename, images.UnnamedImages.GetValueOrDefault(key));
                    builders.Add(draft);
                    lastByKey[key] = draft;
                }
                draft.Add(region);
                previous = draft;
            }
            else if (region.Kind is RegionKind.Bss or RegionKind.Gap && region.Name is null && previous is not null && previous.End == region.Start)
            {
                previous.Add(region);
            }
            else if (region.Kind == RegionKind.Vdso)
            {
                if (previous is not { Key: VdsoName } || previous.End != region.Start)
                    builders.Add(previous = new Draft(VdsoName, false, null));
                previous.Add(region);
            }
            else
            {
                previous = null;
            }
        }

        AttachImages(capture, builders);
        builders.Sort((a, b) => a.Base.CompareTo(b.Base));
        NameUniquely(builders);
        MarkMainExecutable(builders, images);
        foreach (var draft in builders)
            capture.Modules.Add(draft.ToModule());
    }

    private static void AttachImages(Capture capture, List<Draft> builders)
    {
        var byBase = new Dictionary<ulong, Draft>();
        foreach (var draft in builders)
            byBase.TryAdd(draft.Base, draft);
        foreach (var image in capture.Images)
        {
            if (!byBase.TryGetValue(image.Base, out var draft))
            {
                var key = string.Create(CultureInfo.InvariantCulture, $"image@0x{image.Base:x}");
                draft = new Draft(key, false, image) { Base = image.Base, End = image.End };
                builders.Add(draft);
                byBase.Add(image.Base, draft);
            }
            draft.Image ??= image;
            if (image.End > draft.End)
                draft.End = image.End;
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

    private static void MarkMainExecutable(List<Draft> builders, ImageMap images)
    {
        var main = builders.Find(b => b.Image?.IsExecutable == true)
            ?? builders.Find(b => b.Key != VdsoName && ImageMap.IsExecutable(b.Path, images.ExecutablePaths))
            ?? builders.Find(b => b.Key != VdsoName && !RegionNames.IsSharedObjectName(RegionNames.Basename(b.Path)));
        if (main is not null)
            main.IsMainExecutable = true;
    }

    /// <summary>A module being grouped; becomes a <see cref="Module"/> once names are unique.</summary>
    private sealed class Draft(string key, bool pathIsBasename, ImageIdentity? image)
    {
        private readonly List<Region> _regions = [];
        private readonly SortedDictionary<RegionKind, ulong> _bytesByKind = [];
        private bool _deleted;

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

        public void Add(Region region)
        {
            _regions.Add(region);
            Base = Math.Min(Base, region.Start);
            End = Math.Max(End, region.End);
            _deleted |= region.Deleted;
            _bytesByKind[region.Kind] = _bytesByKind.GetValueOrDefault(region.Kind) + region.Size;
        }

        private static string? NonEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;

        public Module ToModule()
        {
            var module = new Module
            {
                Name = Name,
                Path = Path,
                PathIsBasename = pathIsBasename,
                Base = Base,
                End = End,
                BuildId = Image?.BuildId,
                BuildIdAddress = Image?.BuildIdAddress,
                SoName = Image?.SoName,
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
