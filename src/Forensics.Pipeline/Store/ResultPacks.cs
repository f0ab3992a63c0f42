using System.Buffers.Binary;
using System.Collections.Concurrent;
using Forensics.Importers.Detection;
using Microsoft.Win32.SafeHandles;

namespace Forensics.Pipeline.Store;

/// <summary>
/// The kept results of one result folder, as entries of <see cref="InputResultStore"/> appended to a few pack files
/// (docs/architecture.md#the-kept-result): one file per writing thread of a run rather than one per input, since
/// creating tens of thousands of small files cost a batch more system time than importing it.
/// </summary>
/// <remarks>
/// A pack is <c>FXPK</c> and its version, then records: the 32-byte cache key, the entry's length as a 64-bit
/// little-endian number, the entry. The length is written last, so a record cut short by Ctrl-C, a crash or a full
/// disk reads as the pack's end and what was finished before it stays. Every process opens a pack with a shared lock;
/// only a pack nobody has open is deleted.
/// </remarks>
internal sealed class ResultPacks : IDisposable
{
    public const string Extension = ".fxpk";
    private const int Version = 1;
    private const int HeaderLength = 8;
    private const int KeyLength = 32;
    private const int RecordHeaderLength = KeyLength + 8;

    /// <summary>More packs than this are joined into one when a run finishes, so that incremental runs do not pile them up.</summary>
    private const int MaxPacks = 8;

    private static ReadOnlySpan<byte> Magic => "FXPK"u8;

    private readonly string _folder;
    private readonly List<Pack> _packs = [];
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly ConcurrentBag<Writer> _idle = [];
    private readonly ConcurrentQueue<Writer> _writers = [];
    private readonly ConcurrentQueue<string> _appended = [];
    private readonly List<string> _damage = [];
    private bool _duplicates;

    /// <summary>Opens the packs of <paramref name="folder"/> for reading; a pack that cannot be opened is left out.</summary>
    public ResultPacks(string folder)
    {
        _folder = folder;
        string[] paths;
        try
        {
            paths = Directory.Exists(folder) ? Directory.GetFiles(folder, "*" + Extension) : [];
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            paths = [];
        }
        foreach (var path in paths.Order(StringComparer.Ordinal))
        {
            SafeFileHandle handle;
            try
            {
                handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                continue;
            }
            var pack = new Pack(path, handle);
            _packs.Add(pack);
            Index(pack);
        }
    }

    /// <summary>What is wrong with the packs read (cut short, of another version), one line each.</summary>
    public IReadOnlyList<string> Damage => _damage;

    /// <summary>How many results the packs read hold (each key once).</summary>
    public int Count => _entries.Count;

    /// <summary>How many results the packs of <paramref name="folder"/> hold now (each key once).</summary>
    public static int CountIn(string folder)
    {
        using var packs = new ResultPacks(folder);
        return packs.Count;
    }

    /// <summary>
    /// The result kept under <paramref name="key"/>, read as <see cref="InputResultStore.Load(string, Func{Model.InputRecord, bool}, out string?)"/>
    /// reads a store file; null with a null <paramref name="problem"/> when there is none or it is not wanted.
    /// </summary>
    public Importing.InputResult? Load(string key, Func<Model.InputRecord, bool> wanted, out string? problem)
    {
        problem = null;
        if (!_entries.TryGetValue(key, out var entry))
            return null;
        var where = $"{entry.Pack.Path}, byte {entry.Offset}";
        try
        {
            using var stream = new BufferedStream(new RangeStream(entry.Pack.Handle, entry.Offset, entry.Length), 1 << 16);
            return InputResultStore.Read(stream, entry.Length, where, wanted, out problem);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            problem = $"store file [{where}] cannot be read: {InputResultStore.OneLine(exception.Message)}";
            return null;
        }
    }

    /// <summary>Appends <paramref name="result"/> under <paramref name="key"/> to a pack of this process. Thread-safe; I/O errors are thrown.</summary>
    public void Append(string key, Importing.InputResult result)
    {
        if (!_idle.TryTake(out var writer))
        {
            writer = new Writer(Path.Combine(_folder, Guid.NewGuid().ToString("n") + Extension));
            _writers.Enqueue(writer);
        }
        try
        {
            writer.Append(key, file => InputResultStore.Write(file, result));
            _appended.Enqueue(key);
        }
        finally
        {
            if (!writer.Broken)
                _idle.Add(writer);
        }
    }

    /// <summary>
    /// Leaves the packs holding only the results of <paramref name="liveKeys"/>, each once: when the packs read hold
    /// others, duplicates or damage, or when there are too many, the live records are copied into one new pack and
    /// the old ones deleted (those another process has open stay).
    /// </summary>
    public void Finish(IReadOnlySet<string> liveKeys)
    {
        var written = CloseWriters();
        try
        {
            Join(liveKeys, written);
        }
        finally
        {
            Dispose();
        }
    }

    private void Join(IReadOnlySet<string> liveKeys, List<string> written)
    {
        var stale = _damage.Count > 0 || _duplicates || _entries.Keys.Any(k => !liveKeys.Contains(k))
            || _appended.Any(_entries.ContainsKey) || _packs.Count + written.Count > MaxPacks;
        if (!stale)
            return;
        // This run's packs are read back like the others, so that what they hold is copied too; a result this run made
        // again (its kept one was of a problem of the moment) replaces the kept one.
        foreach (var key in _appended)
            _entries.TryRemove(key, out _);
        foreach (var path in written)
        {
            var pack = new Pack(path, File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete));
            _packs.Add(pack);
            Index(pack);
        }
        var joined = new Writer(Path.Combine(_folder, Guid.NewGuid().ToString("n") + Extension));
        try
        {
            foreach (var (key, entry) in _entries.Where(e => liveKeys.Contains(e.Key)).OrderBy(e => e.Value.Pack.Path, StringComparer.Ordinal)
                .ThenBy(e => e.Value.Offset))
            {
                joined.Append(key, file => Copy(entry, file));
            }
        }
        finally
        {
            joined.Dispose();
        }
        var old = _packs.Select(p => p.Path).ToList();
        CloseReaders();
        foreach (var path in old)
            DeleteUnlessOpen(path);
    }

    public void Dispose()
    {
        CloseWriters();
        CloseReaders();
    }

    private List<string> CloseWriters()
    {
        var paths = new List<string>();
        while (_writers.TryDequeue(out var writer))
        {
            writer.Dispose();
            if (writer.Created)
                paths.Add(writer.Path);
        }
        _idle.Clear();
        return paths;
    }

    private void CloseReaders()
    {
        foreach (var pack in _packs)
            pack.Handle.Dispose();
        _packs.Clear();
        _entries.Clear();
    }

    /// <summary>Reads the records of <paramref name="pack"/> up to its end or the first record not finished.</summary>
    private void Index(Pack pack)
    {
        var length = RandomAccess.GetLength(pack.Handle);
        Span<byte> header = stackalloc byte[RecordHeaderLength];
        if (RandomAccess.Read(pack.Handle, header[..HeaderLength], 0) < HeaderLength || !header[..4].SequenceEqual(Magic)
            || BinaryPrimitives.ReadInt32LittleEndian(header[4..]) != Version)
        {
            _damage.Add($"[{pack.Path}] is not a pack of kept results of version [{Version}]");
            return;
        }
        long position = HeaderLength;
        while (position < length)
        {
            var read = RandomAccess.Read(pack.Handle, header, position);
            var entryLength = read < RecordHeaderLength ? 0 : BinaryPrimitives.ReadInt64LittleEndian(header[KeyLength..]);
            if (entryLength <= 0 || entryLength > length - position - RecordHeaderLength)
            {
                _damage.Add($"[{pack.Path}] is cut short at byte {position}: the results after it are missing");
                return;
            }
            var key = Convert.ToHexStringLower(header[..KeyLength]);
            if (!_entries.TryAdd(key, new Entry(pack, position + RecordHeaderLength, entryLength)))
                _duplicates = true;
            position += RecordHeaderLength + entryLength;
        }
    }

    private static long Copy(Entry entry, FileStream file)
    {
        using var source = new RangeStream(entry.Pack.Handle, entry.Offset, entry.Length);
        source.CopyTo(file, 1 << 16);
        return entry.Length;
    }

    private static void DeleteUnlessOpen(string path)
    {
        try
        {
            // No share: refused (an advisory lock) while any process has the pack open.
            using var exclusive = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.None, bufferSize: 0);
            File.Delete(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Open elsewhere, or gone already: left as it is.
        }
    }

    private sealed record Pack(string Path, SafeFileHandle Handle);

    private sealed record Entry(Pack Pack, long Offset, long Length);

    /// <summary>One pack being appended to by one thread at a time.</summary>
    private sealed class Writer(string path) : IDisposable
    {
        private FileStream? _file;

        public string Path => path;

        /// <summary>Whether the pack's file was made (on the first record).</summary>
        public bool Created => _file is not null;

        /// <summary>A record could not be written nor taken back: the pack takes no more.</summary>
        public bool Broken { get; private set; }

        /// <summary>Writes a record whose entry <paramref name="write"/> writes, returning its length; on failure takes it back.</summary>
        public void Append(string key, Func<FileStream, long> write)
        {
            if (_file is null)
            {
                // Unbuffered: the encoder and the compressor have buffers of their own.
                _file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.Read | FileShare.Delete, bufferSize: 0);
                Span<byte> header = stackalloc byte[HeaderLength];
                Magic.CopyTo(header);
                BinaryPrimitives.WriteInt32LittleEndian(header[4..], Version);
                _file.Write(header);
            }
            var start = _file.Position;
            try
            {
                Span<byte> record = stackalloc byte[RecordHeaderLength];
                Convert.FromHexString(key, record[..KeyLength], out _, out _);
                _file.Write(record);
                var length = write(_file);
                // Last: until it is there, the record reads as the end of the pack.
                BinaryPrimitives.WriteInt64LittleEndian(record[KeyLength..], length);
                _file.Position = start + KeyLength;
                _file.Write(record[KeyLength..]);
                _file.Position = start + RecordHeaderLength + length;
            }
            catch
            {
                try
                {
                    _file.SetLength(start);
                    _file.Position = start;
                }
                catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
                {
                    Broken = true;
                }
                throw;
            }
        }

        public void Dispose() => _file?.Dispose();
    }

    /// <summary>A range of a file, read through its handle at offsets, so that threads share one handle.</summary>
    private sealed class RangeStream(SafeFileHandle handle, long offset, long length) : ForwardOnlyReadStream
    {
        private long _position;

        public override long Position
        {
            get => _position;
            set => throw new NotSupportedException();
        }

        public override int Read(Span<byte> buffer)
        {
            var wanted = (int)Math.Min(buffer.Length, length - _position);
            if (wanted <= 0)
                return 0;
            var read = RandomAccess.Read(handle, buffer[..wanted], offset + _position);
            _position += read;
            return read;
        }
    }
}
