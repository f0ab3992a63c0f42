using Forensics.Elf;

namespace Forensics.Symbols.ModuleFiles;

/// <summary>
/// The module files opened during one run, shared by every core of it: libc and the other libraries a batch of cores
/// maps are read, parsed and indexed (symbols, CFI, lines) once instead of once per core. A file is known by its full
/// path, size and modification time, so a file replaced during the run is read again; whether it fits a core is still
/// decided per core by its build-id. Safe to use from the threads that import inputs in parallel. Bounded in memory:
/// past <see cref="MaxBytes"/>, the files used least recently are dropped (and read again if needed).
/// </summary>
public sealed class ModuleFileCache
{
    /// <summary>Enough for the libraries of a fleet (a libc is 2 MB, a libstdc++ 2.5 MB, a debug file tens of MB).</summary>
    public const long DefaultMaxBytes = 512L << 20;

    private readonly Lock _lock = new();
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private long _heldBytes;
    private long _uses;

    public ModuleFileCache(long maxBytes = DefaultMaxBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxBytes);
        MaxBytes = maxBytes;
    }

    /// <summary>The most file bytes (and what was parsed from them) kept at once.</summary>
    public long MaxBytes { get; }

    /// <summary>Files read from disk so far; a file found again in the cache is not counted.</summary>
    public int FilesRead => Volatile.Read(ref _filesRead);

    private int _filesRead;

    /// <summary>
    /// The module file at <paramref name="fullPath"/>, read and parsed on first use under the caller's budget; null
    /// when there is no file there or it is not a usable ELF file. A budget that runs out while reading leaves nothing
    /// in the cache.
    /// </summary>
    internal ModuleFile? Open(string fullPath, long maxFileBytes, IReadCheckpoint checkpoint)
    {
        if (Identify(fullPath, maxFileBytes) is not { } identity)
            return null;
        var entry = EntryFor(fullPath, identity);
        lock (entry.Gate)
        {
            if (!entry.Opened)
            {
                Interlocked.Increment(ref _filesRead);
                entry.File = ModuleFileReader.TryRead(fullPath, maxFileBytes, checkpoint, out _);
                entry.Opened = true;
                Hold(entry, entry.File?.HeldBytes ?? 0);
            }
            return entry.File;
        }
    }

    /// <summary>The CRC-32 of the whole file (for <c>.gnu_debuglink</c>), computed once; null when it cannot be read or is larger than the limit.</summary>
    internal uint? Crc(string fullPath, long maxFileBytes, IReadCheckpoint checkpoint)
    {
        if (Identify(fullPath, maxFileBytes) is not { } identity || identity.Length > maxFileBytes)
            return null;
        var entry = EntryFor(fullPath, identity);
        lock (entry.Gate)
        {
            if (entry.Crc is null)
            {
                byte[] bytes;
                try
                {
                    bytes = File.ReadAllBytes(fullPath);
                }
                catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
                {
                    return null;
                }
                checkpoint.Check(null);
                entry.Crc = Crc32.Compute(bytes);
            }
            return entry.Crc;
        }
    }

    private static FileIdentity? Identify(string fullPath, long maxFileBytes)
    {
        try
        {
            var info = new FileInfo(fullPath);
            return info.Exists ? new FileIdentity(info.Length, info.LastWriteTimeUtc.Ticks, maxFileBytes) : null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private Entry EntryFor(string fullPath, FileIdentity identity)
    {
        lock (_lock)
        {
            if (!_entries.TryGetValue(fullPath, out var entry) || entry.Identity != identity)
            {
                if (entry is not null)
                    _heldBytes -= entry.HeldBytes;
                entry = new Entry(fullPath, identity);
                _entries[fullPath] = entry;
            }
            entry.LastUse = ++_uses;
            return entry;
        }
    }

    /// <summary>Counts what an entry holds, then drops the entries used least recently until the cache fits its bound.</summary>
    private void Hold(Entry entry, long bytes)
    {
        lock (_lock)
        {
            // An entry replaced meanwhile (its file changed) is no longer counted.
            if (!_entries.TryGetValue(entry.Path, out var current) || current != entry)
                return;
            entry.HeldBytes = bytes;
            _heldBytes += bytes;
            while (_heldBytes > MaxBytes && _entries.Count > 0)
            {
                var oldest = _entries.MinBy(e => e.Value.LastUse);
                _entries.Remove(oldest.Key);
                _heldBytes -= oldest.Value.HeldBytes;
            }
        }
    }

    private readonly record struct FileIdentity(long Length, long LastWriteTicks, long MaxFileBytes);

    private sealed class Entry(string path, FileIdentity identity)
    {
        public string Path { get; } = path;
        public FileIdentity Identity { get; } = identity;
        public Lock Gate { get; } = new();
        public bool Opened { get; set; }
        public ModuleFile? File { get; set; }
        public uint? Crc { get; set; }
        public long HeldBytes { get; set; }
        public long LastUse { get; set; }
    }
}
