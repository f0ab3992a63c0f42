using Forensics.Model;

namespace Forensics.Importers.Text;

/// <summary>Turns a printed mapping name into the model's name, deleted flag and thread id.</summary>
internal static class RegionNames
{
    private const string DeletedSuffix = " (deleted)";
    private const string StackPrefix = "[stack:";

    /// <summary>Sets <see cref="Region.Name"/> and <see cref="Region.Deleted"/>; an empty name leaves the region unnamed.</summary>
    public static void Apply(Region region, ReadOnlySpan<char> printed, NameTable names)
    {
        if (printed.IsEmpty)
            return;
        // The kernel appends " (deleted)" to unlinked files (fs/d_path.c); a real name could end the same way,
        // which the source cannot tell apart, so the suffix always means deleted.
        if (printed.EndsWith(DeletedSuffix, StringComparison.Ordinal) && printed.Length > DeletedSuffix.Length)
        {
            region.Deleted = true;
            printed = printed[..^DeletedSuffix.Length];
        }
        region.Name = names.Intern(printed);
        // Linux 3.4–4.4 named thread stacks [stack:TID] in /proc/PID/maps.
        if (printed.StartsWith(StackPrefix, StringComparison.Ordinal) && printed[^1] == ']'
            && int.TryParse(printed[StackPrefix.Length..^1], System.Globalization.NumberStyles.None,
                System.Globalization.CultureInfo.InvariantCulture, out var tid))
            region.ThreadId = tid;
    }
}
