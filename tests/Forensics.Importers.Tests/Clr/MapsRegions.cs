using System.Globalization;
using Forensics.Model;

namespace Forensics.Importers.Tests.Clr;

/// <summary>
/// The regions of a <c>/proc/PID/maps</c> capture, read just far enough to annotate them: the createdump cores of
/// set-dotnet were taken from the same process while its maps stayed identical (MANIFEST §4.5).
/// </summary>
internal static class MapsRegions
{
    public static Capture Read(string mapsPath)
    {
        var capture = new Capture { InputPath = mapsPath, Format = CaptureFormat.Maps };
        foreach (var line in File.ReadLines(mapsPath))
        {
            var fields = line.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries);
            var range = fields[0].Split('-');
            Permissions.TryParse(fields[1], out var permissions);
            var name = fields.Length == 6 ? fields[5].Trim() : null;
            var deleted = name is not null && name.EndsWith(" (deleted)", StringComparison.Ordinal);
            capture.Regions.Add(new Region(Hex(range[0]), Hex(range[1]))
            {
                Permissions = permissions,
                Name = deleted ? name![..^" (deleted)".Length] : name,
                Deleted = deleted,
                Sources = RegionSources.Maps,
            });
        }
        return capture;
    }

    private static ulong Hex(string text) => ulong.Parse(text, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
}
