using System.Globalization;

namespace Forensics.TestSupport;

/// <summary>
/// The core systemd-coredump stored in <c>corpus/systemd-coredump</c>: its name and the <c>user.coredump.*</c>
/// attributes it set, as the <c>commands.log</c> that make-corpus.sh wrote beside it lists them (git keeps no extended
/// attributes), so tests follow a rerun of make-corpus.sh.
/// </summary>
public static class StoredCoredump
{
    private static readonly Lazy<string[]> Log = new(() => File.ReadAllLines(TestPaths.CorpusFile("systemd-coredump", "commands.log")));

    /// <summary>core.COMM.UID.BOOTID.PID.TIME.zst, as systemd-coredump named it.</summary>
    public static string Name => Log.Value.Single(l => l.StartsWith("stored: ", StringComparison.Ordinal))["stored: ".Length..].Split(',')[0];

    public static string Path => TestPaths.CorpusFile("systemd-coredump", Name);

    /// <summary>The parts of <see cref="Name"/> between its dots: core, comm, uid, boot id, pid, time, zst.</summary>
    public static string[] NameParts => Name.Split('.');

    public static int Pid => int.Parse(NameParts[4], CultureInfo.InvariantCulture);

    /// <summary>Every user.coredump.* attribute but the host name, by name.</summary>
    public static IReadOnlyList<(string Name, string Value)> Attributes =>
        Log.Value.Where(l => l.StartsWith("xattr ", StringComparison.Ordinal))
            .Select(l => l["xattr ".Length..].Split('=', 2))
            .Select(p => (p[0], p[1]))
            .ToList();

    /// <summary>The value of user.coredump.<paramref name="name"/>.</summary>
    public static string Attribute(string name) => Attributes.Single(a => a.Name == "user.coredump." + name).Value;
}
