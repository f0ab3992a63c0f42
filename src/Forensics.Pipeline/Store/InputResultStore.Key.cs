using System.Reflection;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using Forensics.Pipeline.Importing;

namespace Forensics.Pipeline.Store;

public static partial class InputResultStore
{
    private static readonly Lazy<string> CodeIdentity = new(BuildIdentity);

    /// <summary>
    /// The cache key of an input, lower-case hex SHA-256 over the store format version, the build of the importing code,
    /// <paramref name="options"/>, <paramref name="displayPath"/> (ids and reports are made from it) and the
    /// <paramref name="content"/>'s identity (the file's device, inode, size and times). Deterministic builds give each assembly a new module version id exactly when its code changes.
    /// </summary>
    public static string KeyFor(string displayPath, string content, ImportOptions options)
    {
        ArgumentNullException.ThrowIfNull(displayPath);
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(options);
        var text = new StringBuilder();
        foreach (var part in (ReadOnlySpan<string>)[$"store {FormatVersion}", CodeIdentity.Value, options.ToString(), displayPath, content])
        {
            // Each part is prefixed by its length, so no two different lists of parts give the same text.
            text.Append(part.Length).Append(':').Append(part).Append('\n');
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>
    /// The runtime, and the name, module version id and informational version of this assembly and of every assembly it
    /// uses that ships beside it (Forensics.Model, Forensics.Elf, ClrMD, the decompressors), but not the framework's.
    /// </summary>
    private static string BuildIdentity()
    {
        var self = typeof(InputResultStore).Assembly;
        var folder = Path.GetDirectoryName(self.Location);
        var found = new SortedDictionary<string, Assembly>(StringComparer.Ordinal);
        var pending = new Stack<Assembly>([self]);
        while (pending.TryPop(out var assembly))
        {
            if (!found.TryAdd(assembly.GetName().Name ?? "", assembly))
                continue;
            foreach (var reference in assembly.GetReferencedAssemblies())
            {
                if (found.ContainsKey(reference.Name ?? "") || !ShipsBeside(reference, folder))
                    continue;
                pending.Push(Assembly.Load(reference));
            }
        }
        var identity = new StringBuilder(RuntimeInformation.FrameworkDescription).Append('\n');
        foreach (var (name, assembly) in found)
        {
            var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
            identity.Append(name).Append(' ').Append(assembly.ManifestModule.ModuleVersionId.ToString("n"))
                .Append(' ').Append(version).Append('\n');
        }
        return identity.ToString();
    }

    private static bool ShipsBeside(AssemblyName reference, string? folder) =>
        !string.IsNullOrEmpty(folder) && File.Exists(Path.Combine(folder, reference.Name + ".dll"));
}
