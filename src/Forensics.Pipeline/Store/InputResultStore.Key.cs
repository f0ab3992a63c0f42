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
    /// <paramref name="content"/>'s identity (the file's device, inode, size, times and <c>user.coredump.*</c> attributes). Deterministic builds give each assembly a new module version id exactly when its code changes.
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
    /// The runtime, the name, module version id and informational version of each of this tool's assemblies that
    /// importing runs (their module version ids change with their code and with the versions of the packages they
    /// reference), and the SHA-256 of the application's dependency manifest (every package's exact version). Nothing
    /// is loaded for it: walking the references would load ClrMD and its dependencies (Azure.Identity, MSAL) on every run.
    /// </summary>
    private static string BuildIdentity()
    {
        var identity = new StringBuilder(RuntimeInformation.FrameworkDescription).Append('\n');
        Assembly[] importing =
        [
            typeof(InputResultStore).Assembly, typeof(Importers.Core.CoreImporter).Assembly, typeof(Elf.ElfCoreFile).Assembly,
            typeof(Model.Capture).Assembly, typeof(Symbols.CaptureUnwinder).Assembly,
        ];
        foreach (var assembly in importing)
        {
            var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
            identity.Append(assembly.GetName().Name).Append(' ').Append(ModuleVersionOf(assembly)).Append(' ').Append(version).Append('\n');
        }
        if (AppContext.GetData("APP_CONTEXT_DEPS_FILES") is string manifests)
        {
            foreach (var manifest in manifests.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).Where(File.Exists))
                identity.Append(Path.GetFileName(manifest)).Append(' ').Append(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(manifest)))).Append('\n');
        }
        return identity.ToString();
    }

    /// <summary>The module version id; in a native build, which keeps no metadata ids, the executable's size and time instead.</summary>
    private static string ModuleVersionOf(Assembly assembly)
    {
        try
        {
            return assembly.ManifestModule.ModuleVersionId.ToString("n");
        }
        catch (InvalidOperationException)
        {
            var executable = new FileInfo(Environment.ProcessPath ?? "");
            return executable.Exists ? executable.Length + "@" + executable.LastWriteTimeUtc.Ticks : "unknown";
        }
    }
}
