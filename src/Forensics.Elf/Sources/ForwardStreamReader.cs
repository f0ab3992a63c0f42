using System.Buffers;

namespace Forensics.Elf.Sources;

/// <summary>
/// Reads a core from a forward-only stream (a decompressor) in one pass in increasing file offset, keeping only
/// what the importer needs: the ELF and program headers, the notes, and the first and last page of every
/// dumped segment (ELF headers and build-id notes of images; the top of stacks where AT_EXECFN points).
/// Memory depends on the number of segments, not on their size.
/// </summary>
public static class ForwardStreamReader
{
    private const ulong Page = 0x1000;

    /// <summary>
    /// Reads what the importer needs of the core in <paramref name="stream"/>, reporting to <paramref name="sink"/> what
    /// cannot be read, and passing <paramref name="checkpoint"/> (none when null) after every chunk and between entries.
    /// </summary>
    public static RetainedByteSource Read(Stream stream, CoreLimits limits, IElfDiagnosticSink sink, IReadCheckpoint? checkpoint = null) =>
        Read(stream, limits, sink, checkpoint, wholeSegments: false);

    /// <summary>
    /// Reads the core keeping every segment whole (up to <see cref="CoreLimits.MaxRetainedBytes"/>), for a reader that
    /// needs any address: walking stacks reads the stacks, the data the CFI points at and the heap.
    /// </summary>
    public static RetainedByteSource Read(Stream stream, CoreLimits limits, IElfDiagnosticSink sink, IReadCheckpoint? checkpoint, bool wholeSegments) =>
        Read(stream, limits, sink, checkpoint, wholeSegments, out _);

    /// <summary>
    /// Reads what the importer needs, exactly as <see cref="Read(Stream, CoreLimits, IElfDiagnosticSink, IReadCheckpoint?)"/>
    /// does, and in the same pass also keeps every segment whole (<paramref name="whole"/>, what reading with
    /// <c>wholeSegments</c> would keep) when their bytes are at most <see cref="CoreLimits.MaxSinglePassBytes"/>: a stack
    /// walk then reads them without decompressing the core again. <paramref name="whole"/> is null above that bound.
    /// </summary>
    public static RetainedByteSource ReadKeepingWhole(
        Stream stream, CoreLimits limits, IElfDiagnosticSink sink, IReadCheckpoint? checkpoint, out RetainedByteSource? whole) =>
        Read(stream, limits, sink, checkpoint, wholeSegments: false, out whole, Math.Min(limits.MaxSinglePassBytes, limits.MaxRetainedBytes));

    private static RetainedByteSource Read(
        Stream stream, CoreLimits limits, IElfDiagnosticSink sink, IReadCheckpoint? checkpoint, bool wholeSegments, out RetainedByteSource? whole,
        long keepWholeUpTo = -1)
    {
        ArgumentNullException.ThrowIfNull(stream);
        whole = null;
        var reader = new Reader(stream, sink, checkpoint ?? ReadCheckpoints.Unlimited);
        var kept = new List<(ulong, ReadOnlyMemory<byte>)>();

        // Only the header of the file's own class: a 32-bit core's program headers start at 0x34, inside 64 bytes.
        var head = reader.ReadAt(0, ElfConstants.Header32Size);
        if (head.Length == ElfConstants.Header32Size && head[4] == ElfConstants.Class64)
            head = [.. head, .. reader.ReadAt(reader.Position, ElfConstants.Header64Size - ElfConstants.Header32Size)];
        kept.Add((0, head));
        var header = ElfHeader.Parse(head, null);
        if (header is null || header.ProgramHeaderEntrySize < header.ExpectedProgramHeaderSize)
            return new RetainedByteSource(kept, reader.EndOfStream);

        var table = ReadProgramHeaderTable(reader, header, limits);
        if (table.Bytes.Length > 0)
            kept.Add((header.ProgramHeaderOffset, table.Bytes));
        var headerParts = kept.Count;

        var wanted = new List<(ulong Start, ulong End)>();
        var wholeWanted = new List<(ulong Start, ulong End)>();
        var entrySize = header.ProgramHeaderEntrySize;
        for (var index = 0; (index + 1) * entrySize <= table.Bytes.Length; index++)
        {
            if (index % ReadCheckpoints.EntriesPerCheck == 0)
                reader.Checkpoint.Check(null);
            var segment = ProgramHeader.Parse(table.Bytes.AsSpan(index * entrySize), header.Is64, index, 0);
            if (segment.FileSize == 0 || segment.Offset + segment.FileSize < segment.Offset)
                continue;
            var end = segment.Offset + segment.FileSize;
            if (segment.IsLoad && keepWholeUpTo >= 0)
                wholeWanted.Add((segment.Offset, end));
            if (segment.IsNote)
            {
                wanted.Add((segment.Offset, segment.Offset + Math.Min(segment.FileSize, (ulong)limits.MaxNoteSegmentBytes)));
                wholeWanted.Add(wanted[^1]);
            }
            else if (segment.IsLoad && wholeSegments)
            {
                wanted.Add((segment.Offset, end));
            }
            else if (segment.IsLoad)
            {
                wanted.Add((segment.Offset, segment.Offset + Math.Min(segment.FileSize, Page)));
                if (segment.FileSize > Page)
                    wanted.Add((end - Page, end));
            }
        }
        if (header.ProgramHeaderCount == ElfConstants.ExtendedNumbering && header.SectionHeaderOffset != 0)
        {
            wanted.Add((header.SectionHeaderOffset, header.SectionHeaderOffset + ElfConstants.SectionHeader64Size));
            wholeWanted.Add(wanted[^1]);
        }

        var tee = keepWholeUpTo >= 0 ? WholeSegmentTee.For(wholeWanted, reader.Position, keepWholeUpTo) : null;
        reader.Tee = tee;
        wanted.Sort();
        long budget = limits.MaxRetainedBytes;
        foreach (var (start, end) in Merge(wanted))
        {
            if (reader.EndOfStream is not null)
                break;
            var from = Math.Max(start, reader.Position);
            if (from >= end)
                continue;
            var length = end - from;
            if ((long)Math.Min(length, long.MaxValue) > budget)
            {
                sink.Report(ElfProblem.RetainedBytesLimit, from,
                    $"keeping [0x{from:x}-0x{end:x}] would exceed the limit of [{limits.MaxRetainedBytes}] bytes kept from a stream; the rest is not read");
                break;
            }
            var bytes = reader.ReadAt(from, (int)length);
            budget -= bytes.Length;
            if (bytes.Length > 0)
                kept.Add((from, bytes));
        }
        if (tee is not null)
            whole = new RetainedByteSource([.. kept.Take(headerParts), .. tee.Kept()], reader.EndOfStream, tee.Buffer);
        return new RetainedByteSource(kept, reader.EndOfStream);
    }

    private static (byte[] Bytes, int Count) ReadProgramHeaderTable(Reader reader, ElfHeader header, CoreLimits limits)
    {
        var entrySize = header.ProgramHeaderEntrySize;
        if (header.ProgramHeaderCount != ElfConstants.ExtendedNumbering)
        {
            var count = Math.Min(header.ProgramHeaderCount, limits.MaxProgramHeaders);
            var size = (int)Math.Min(Math.Min((long)count * entrySize, limits.MaxRetainedBytes), int.MaxValue);
            var bytes = reader.ReadAt(header.ProgramHeaderOffset, size);
            return (bytes, bytes.Length / entrySize);
        }
        // PN_XNUM: the count is in a section header at the end of the file, after everything else. Read entries
        // until the first segment data begins, which is where the table must end.
        var entries = new List<byte[]>();
        var dataStart = ulong.MaxValue;
        var at = header.ProgramHeaderOffset;
        while (entries.Count < limits.MaxProgramHeaders && at + entrySize <= dataStart)
        {
            if (entries.Count % ReadCheckpoints.EntriesPerCheck == 0)
                reader.Checkpoint.Check(at);
            var bytes = reader.ReadAt(at, entrySize);
            if (bytes.Length < entrySize)
                break;
            entries.Add(bytes);
            var segment = ProgramHeader.Parse(bytes, header.Is64, entries.Count - 1, at);
            if (segment.FileSize != 0 && segment.Offset > header.ProgramHeaderOffset)
                dataStart = Math.Min(dataStart, segment.Offset);
            at += entrySize;
        }
        return (entries.SelectMany(e => e).ToArray(), entries.Count);
    }

    internal static IEnumerable<(ulong Start, ulong End)> Merge(List<(ulong Start, ulong End)> sorted)
    {
        if (sorted.Count == 0)
            yield break;
        var (start, end) = sorted[0];
        foreach (var (nextStart, nextEnd) in sorted.Skip(1))
        {
            if (nextStart <= end)
            {
                end = Math.Max(end, nextEnd);
                continue;
            }
            yield return (start, end);
            (start, end) = (nextStart, nextEnd);
        }
        yield return (start, end);
    }

    /// <summary>A position-tracking reader over the stream that can only skip forward.</summary>
    private sealed class Reader(Stream stream, IElfDiagnosticSink sink, IReadCheckpoint checkpoint)
    {
        private readonly byte[] _skipBuffer = new byte[1 << 16];

        public ulong Position { get; private set; }
        public long? EndOfStream { get; private set; }
        public IReadCheckpoint Checkpoint => checkpoint;
        /// <summary>Also keeps what passes by in the ranges it holds, whether read or skipped.</summary>
        public WholeSegmentTee? Tee { get; set; }

        public byte[] ReadAt(ulong offset, int count)
        {
            if (offset < Position)
            {
                sink.Report(ElfProblem.StreamOutOfOrder, offset,
                    $"[0x{offset:x}] lies before the stream position [0x{Position:x}] and cannot be read from a forward-only stream");
                return [];
            }
            while (Position < offset && EndOfStream is null)
            {
                var chunk = (int)Math.Min((ulong)_skipBuffer.Length, offset - Position);
                var skipped = Fill(_skipBuffer.AsSpan(0, chunk));
                if (skipped < chunk)
                    return [];
            }
            if (EndOfStream is not null)
                return [];
            return count <= ChunkBytes ? ReadSmall(count) : ReadLarge(count);
        }

        /// <summary>Bytes read into pooled chunks before the one array they end in.</summary>
        private const int ChunkBytes = 1 << 20;

        private byte[] ReadSmall(int count)
        {
            var bytes = GC.AllocateUninitializedArray<byte>(count);
            var read = Fill(bytes);
            return read == count ? bytes : bytes[..read];
        }

        /// <summary>
        /// A whole segment of a walked core, often megabytes: read in pooled chunks, then copied once into an array of
        /// the size really read. Growing one buffer (or sizing it by what the header claims, which a truncated or
        /// hostile file need not hold) would copy it several times and leave large garbage for every core.
        /// </summary>
        private byte[] ReadLarge(int count)
        {
            var chunks = new List<(byte[] Buffer, int Length)>();
            try
            {
                var total = 0;
                while (total < count && EndOfStream is null)
                {
                    var chunk = ArrayPool<byte>.Shared.Rent(Math.Min(count - total, ChunkBytes));
                    var read = Fill(chunk.AsSpan(0, Math.Min(count - total, ChunkBytes)));
                    chunks.Add((chunk, read));
                    total += read;
                }
                var bytes = GC.AllocateUninitializedArray<byte>(total);
                var at = 0;
                foreach (var (buffer, length) in chunks)
                {
                    buffer.AsSpan(0, length).CopyTo(bytes.AsSpan(at));
                    at += length;
                }
                return bytes;
            }
            finally
            {
                foreach (var (buffer, _) in chunks)
                    ArrayPool<byte>.Shared.Return(buffer);
            }
        }

        private int Fill(Span<byte> buffer)
        {
            var total = 0;
            while (total < buffer.Length)
            {
                int read;
                try
                {
                    read = stream.Read(buffer[total..]);
                }
                catch (Exception exception) when (exception is IOException or InvalidDataException or InvalidOperationException or FormatException)
                {
                    sink.Report(ElfProblem.StreamReadFailed, Position + (ulong)total,
                        $"reading the stream failed at [0x{Position + (ulong)total:x}]: [{exception.Message}]");
                    read = 0;
                }
                if (read == 0)
                {
                    EndOfStream = (long)(Position + (ulong)total);
                    break;
                }
                total += read;
            }
            Tee?.Keep(Position, buffer[..total]);
            Position += (ulong)total;
            checkpoint.Check(Position);
            return total;
        }
    }
}
