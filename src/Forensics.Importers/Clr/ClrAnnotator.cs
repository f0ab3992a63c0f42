using System.Text.RegularExpressions;
using Forensics.Model;
using CaptureBuilder = Forensics.Model.CaptureBuilder;
using Microsoft.Diagnostics.Runtime;

namespace Forensics.Importers.Clr;

/// <summary>
/// Names what the .NET runtime uses the anonymous memory of a core for, reading the dump with ClrMD: GC heap
/// segments and regions, JIT code, stub and loader heaps, managed modules and threads, and cross-checks our
/// module list against ClrMD's. Every ClrMD failure becomes one diagnostic; the native capture is left complete.
/// </summary>
public static partial class ClrAnnotator
{
    private const string RuntimeFileName = "libcoreclr.so";
    private const string BetterDumpAdvice =
        "capture a better dump with `createdump --full <pid>` (or `--withheap`), or let the kernel write every mapping "
        + "with `echo 0x3f > /proc/<pid>/coredump_filter` before the crash";

    /// <summary>True when the capture's modules, images or regions include the .NET runtime (libcoreclr.so).</summary>
    public static bool HasRuntime(CaptureBuilder capture)
    {
        ArgumentNullException.ThrowIfNull(capture);
        return capture.Modules.Exists(m => IsRuntimePath(m.Path))
            || capture.Images.Exists(i => IsRuntimePath(i.Path))
            || capture.Regions.Exists(r => IsRuntimePath(r.Name));
    }

    /// <summary>
    /// Opens the dump with ClrMD and annotates <paramref name="capture"/> in place: <see cref="Region.RuntimeRole"/>
    /// for GC heap segments and the runtime's native heaps, <see cref="CaptureBuilder.Runtime"/> (version, managed modules,
    /// managed threads with the exception in flight), and diagnostics where our module list and ClrMD's disagree.
    /// Never throws for a bad dump: what ClrMD cannot read is one diagnostic that says how to capture a better dump.
    /// </summary>
    /// <param name="capture">The capture read from the same dump; annotated in place.</param>
    /// <param name="openDump">Opens the dump; a stream that cannot seek is copied into memory (up to <see cref="ClrLimits.MaxInMemoryDumpBytes"/>).</param>
    /// <param name="displayName">The dump's name for ClrMD and for messages.</param>
    public static void Annotate(CaptureBuilder capture, Func<Stream> openDump, string displayName)
    {
        ArgumentNullException.ThrowIfNull(capture);
        ArgumentNullException.ThrowIfNull(openDump);
        ArgumentNullException.ThrowIfNull(displayName);

        var stream = OpenSeekable(capture, openDump, displayName);
        if (stream is null)
            return;

        DataTarget target;
        try
        {
            target = DataTarget.LoadDump(displayName, stream, leaveOpen: false);
        }
        catch (Exception e) when (ClrFailures.IsReadFailure(e))
        {
            stream.Dispose();
            capture.Diagnostics.Error(DiagnosticCatalogue.DumpUnreadable, SourceLocation.None,
                $"ClrMD cannot read [{displayName}] as a dump ({e.Message}); the native analysis stands on its own");
            return;
        }

        using (target)
        {
            ClrInfo? clr;
            try
            {
                clr = target.ClrVersions.FirstOrDefault();
            }
            catch (Exception e) when (ClrFailures.IsReadFailure(e))
            {
                capture.Diagnostics.Error(DiagnosticCatalogue.DumpUnreadable, SourceLocation.None,
                    $"ClrMD cannot list the modules of [{displayName}] ({e.Message}); the dump is truncated or not a process core; {BetterDumpAdvice}");
                return;
            }
            if (clr is null)
            {
                capture.Diagnostics.Error(DiagnosticCatalogue.RuntimeNotFound, SourceLocation.None,
                    $"ClrMD finds no .NET runtime ([{RuntimeFileName}]) in [{displayName}]: nothing to annotate");
                return;
            }

            var version = VersionOf(clr);
            using var runtime = CreateRuntime(capture, clr, version, displayName);
            if (runtime is null)
                return;

            AnnotateHeaps(capture, runtime, displayName);
            capture.Runtime = new ManagedRuntime
            {
                Flavor = FlavorOf(clr, version),
                Version = version ?? "unknown",
                Modules = ReadModules(capture, runtime),
                Threads = ReadThreads(capture, runtime),
            };
            CrossCheckModules(capture, target);
        }
    }

    private static bool IsRuntimePath(string? path) =>
        path is not null
        && (string.Equals(path, RuntimeFileName, StringComparison.Ordinal)
            || path.EndsWith("/" + RuntimeFileName, StringComparison.Ordinal));

    private static Stream? OpenSeekable(CaptureBuilder capture, Func<Stream> openDump, string displayName)
    {
        Stream input;
        try
        {
            input = openDump();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            capture.Diagnostics.Error(DiagnosticCatalogue.DumpUnreadable, SourceLocation.None,
                $"cannot open [{displayName}] for ClrMD ({e.Message})");
            return null;
        }
        if (input.CanSeek)
            return input;

        using (input)
        {
            var memory = new MemoryStream();
            var buffer = new byte[81920];
            try
            {
                int read;
                while ((read = input.Read(buffer)) > 0)
                {
                    if (memory.Length + read > ClrLimits.MaxInMemoryDumpBytes)
                    {
                        memory.Dispose();
                        capture.Diagnostics.Error(DiagnosticCatalogue.DumpTooLargeForMemory, SourceLocation.None,
                            $"[{displayName}] is compressed and larger than [{ClrLimits.MaxInMemoryDumpBytes}] bytes once decompressed; "
                            + "ClrMD needs random access, so decompress it to a file and analyse that file for the .NET annotation");
                        return null;
                    }
                    memory.Write(buffer, 0, read);
                }
            }
            catch (Exception e) when (e is IOException or InvalidDataException)
            {
                memory.Dispose();
                capture.Diagnostics.Error(DiagnosticCatalogue.DumpUnreadable, SourceLocation.None,
                    $"cannot decompress [{displayName}] for ClrMD ({e.Message})");
                return null;
            }
            memory.Position = 0;
            return memory;
        }
    }

    /// <summary>
    /// ClrMD reads the version from the runtime image in the dump; createdump cores leave that page out and it reads
    /// 0.0. The shared framework folder (<c>Microsoft.NETCore.App/10.0.12/libcoreclr.so</c>) names it as well.
    /// </summary>
    private static string? VersionOf(ClrInfo clr)
    {
        if (clr.Version.Major > 0)
            return clr.Version.ToString(3);
        var match = FrameworkFolderPattern().Match(clr.ModuleInfo.FileName ?? "");
        return match.Success ? match.Groups["version"].Value : null;
    }

    private static string FlavorOf(ClrInfo clr, string? version) => clr.Flavor switch
    {
        ClrFlavor.Desktop => ".NET Framework",
        ClrFlavor.NativeAOT => ".NET NativeAOT",
        // .NET 5 dropped "Core" from the name; the major version tells which one this is.
        _ => version is not null && int.TryParse(version.AsSpan(0, Math.Max(0, version.IndexOf('.'))), out var major) && major < 5
            ? ".NET Core"
            : ".NET",
    };

    private static ClrRuntime? CreateRuntime(CaptureBuilder capture, ClrInfo clr, string? version, string displayName)
    {
        var candidates = DacLocator.FindCandidates(clr, version);
        if (candidates.Count == 0)
        {
            try
            {
                // No DAC on this machine where we look; ClrMD's own locator may still know one.
                return clr.CreateRuntime();
            }
            catch (Exception e) when (ClrFailures.IsReadFailure(e))
            {
                capture.Diagnostics.Error(DiagnosticCatalogue.DacNotFound, SourceLocation.None,
                    $"no DAC ([libmscordaccore.so]) for .NET runtime [{version ?? "unknown"}] of [{displayName}] is installed here ({e.Message}); "
                    + "install the same runtime version, or analyse the dump on the machine it came from");
                return null;
            }
        }

        var dac = candidates[0];
        try
        {
            var runtime = clr.CreateRuntime(dac.Path, ignoreMismatch: true);
            if (!dac.SameVersion)
                capture.Diagnostics.Warning(DiagnosticCatalogue.DacVersionMismatch, SourceLocation.None,
                    $"the dump's .NET runtime is [{version ?? "unknown"}] but the only DAC here is [{dac.Path}] of [{dac.Version}]; "
                    + "heaps and threads may be misread: install runtime [" + (version ?? "unknown") + "] for an exact DAC");
            return runtime;
        }
        catch (Exception e) when (ClrFailures.IsReadFailure(e))
        {
            capture.Diagnostics.Error(DiagnosticCatalogue.RuntimeUnreadable, SourceLocation.None,
                $"ClrMD cannot read the .NET runtime [{version ?? "unknown"}] in [{displayName}]: the runtime's data is not in the dump "
                + $"(truncated, or a kernel core without the runtime's memory: {FirstSentence(e.Message)}); {BetterDumpAdvice}");
            return null;
        }
    }

    private static void AnnotateHeaps(CaptureBuilder capture, ClrRuntime runtime, string displayName)
    {
        var roles = new RegionRoleMap();
        var segments = 0;
        try
        {
            foreach (var segment in runtime.Heap.Segments)
            {
                roles.AddSegment(segment);
                segments++;
            }
        }
        catch (Exception e) when (ClrFailures.IsReadFailure(e))
        {
            PartlyUnreadable(capture, "GC heap segments", e);
        }
        if (segments == 0)
            capture.Diagnostics.Warning(DiagnosticCatalogue.GcHeapMissing, SourceLocation.None,
                $"[{displayName}] holds no GC heap (a triage or mini dump), so no region is marked as GC heap; "
                + "`createdump --withheap <pid>` or `createdump --full <pid>` keeps it");

        try
        {
            var seen = new HashSet<(ulong, ulong, NativeHeapKind)>();
            foreach (var heap in runtime.EnumerateClrNativeHeaps())
            {
                // ClrMD reports each loader allocator's heaps once per domain that shares them.
                if (seen.Add((heap.MemoryRange.Start, heap.MemoryRange.End, heap.Kind)))
                    roles.AddNativeHeap(heap);
            }
        }
        catch (Exception e) when (ClrFailures.IsReadFailure(e))
        {
            PartlyUnreadable(capture, "native heaps", e);
        }
        roles.ApplyTo(capture);
    }

    private static List<ManagedModule> ReadModules(CaptureBuilder capture, ClrRuntime runtime)
    {
        var modules = new List<ManagedModule>();
        try
        {
            foreach (var module in runtime.EnumerateModules())
            {
                modules.Add(new ManagedModule(
                    module.Name ?? module.AssemblyName ?? "",
                    module.ImageBase,
                    module.Size,
                    IsFileLayout: module.Layout == ModuleLayout.Flat,
                    module.IsDynamic));
            }
        }
        catch (Exception e) when (ClrFailures.IsReadFailure(e))
        {
            PartlyUnreadable(capture, "managed modules", e);
        }
        modules.Sort((a, b) => a.ImageBase != b.ImageBase ? a.ImageBase.CompareTo(b.ImageBase) : string.CompareOrdinal(a.Name, b.Name));
        return modules;
    }

    private static List<ManagedThread> ReadThreads(CaptureBuilder capture, ClrRuntime runtime)
    {
        var threads = new List<ManagedThread>();
        try
        {
            foreach (var thread in runtime.Threads)
            {
                if (thread.OSThreadId == 0)
                    continue; // a Thread object whose OS thread has not started or has ended
                var exception = thread.CurrentException;
                threads.Add(new ManagedThread(
                    (int)thread.OSThreadId,
                    thread.ManagedThreadId,
                    thread.IsFinalizer,
                    thread.IsGc,
                    exception?.Type?.Name,
                    exception?.Message,
                    exception is null ? null : ThrownBy(capture, exception),
                    exception is null ? null : StackOf(capture, thread)));
            }
        }
        catch (Exception e) when (ClrFailures.IsReadFailure(e))
        {
            PartlyUnreadable(capture, "managed threads", e);
        }
        threads.Sort((a, b) => a.OsThreadId.CompareTo(b.OsThreadId));
        return threads;
    }

    /// <summary>The method of the first managed frame of the exception's stack trace (<c>Namespace.Type.Method</c>).</summary>
    private static string? ThrownBy(CaptureBuilder capture, ClrException exception)
    {
        try
        {
            foreach (var frame in exception.StackTrace)
            {
                if (frame.Method is { Type.Name: { } type, Name: { } name })
                    return type + "." + name;
            }
            return null;
        }
        catch (Exception e) when (ClrFailures.IsReadFailure(e))
        {
            PartlyUnreadable(capture, "exception stack trace", e);
            return null;
        }
    }

    private static ManagedStack? StackOf(CaptureBuilder capture, ClrThread thread)
    {
        try
        {
            return ManagedStackWalk.Read(thread);
        }
        catch (Exception e) when (ClrFailures.IsReadFailure(e))
        {
            PartlyUnreadable(capture, "managed stack of thread " + thread.OSThreadId, e);
            return null;
        }
    }

    private static void CrossCheckModules(CaptureBuilder capture, DataTarget target)
    {
        try
        {
            ModuleCrossCheck.Run(capture, target.EnumerateModules().ToList());
        }
        catch (Exception e) when (ClrFailures.IsReadFailure(e))
        {
            PartlyUnreadable(capture, "module list", e);
        }
    }

    private static void PartlyUnreadable(CaptureBuilder capture, string what, Exception e) =>
        capture.Diagnostics.Warning(DiagnosticCatalogue.RuntimePartlyUnreadable, SourceLocation.None,
            $"ClrMD cannot read the runtime's [{what}] ({FirstSentence(e.Message)}); the rest is annotated; {BetterDumpAdvice}");

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message.TrimEnd('.') : message[..end];
    }

    [GeneratedRegex(@"/Microsoft\.NETCore\.App/(?<version>\d+\.\d+\.\d+[^/]*)/libcoreclr\.so$", RegexOptions.CultureInvariant)]
    private static partial Regex FrameworkFolderPattern();
}
