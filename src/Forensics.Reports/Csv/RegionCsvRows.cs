using System.Buffers;
using System.Buffers.Text;
using System.Runtime.CompilerServices;
using System.Text;
using Forensics.Model;
using Forensics.Reports.Tables;

namespace Forensics.Reports.Csv;

/// <summary>
/// <c>regions.csv</c> written by straight-line code, the same bytes as the general table writer gives from
/// <see cref="ReportTables.Regions"/>: one call a row rather than a delegate and a type test a cell (2,000,000 regions are
/// 40,000,000 cells). Numbers are printed into the row's bytes, the location without a string, and a text cell's bytes
/// (neutralised, quoted and encoded as <see cref="CsvRowBuffer.Cell"/> makes them) are kept by the string's reference:
/// the importers share their names, kinds, permissions and devices, so each is checked and encoded once. The rows are
/// formatted in chunks on every core and written in order (<see cref="OrderedChunks"/>).
/// </summary>
internal static class RegionCsvRows
{
    /// <summary>Rows formatted as one piece: about 1.7 MB of regions.csv.</summary>
    private const int ChunkRows = 1 << 14;

    /// <summary>The columns this writer prints, in order: the table is written by the general writer when they differ.</summary>
    private static readonly string[] ColumnNames =
    [
        "capture_id", "start", "end", "size", "perms", "offset", "device", "inode", "name", "deleted", "kind", "module",
        "rss_bytes", "dirty_bytes", "swap_bytes", "dumped_bytes", "sources", "name_is_basename", "thread_id", "location",
    ];

    /// <summary>Whether <paramref name="table"/> has the columns this writer prints.</summary>
    public static bool Writes(ReportTable table) =>
        ReferenceEquals(table, ReportTables.Regions) && table.Columns.Select(c => c.Name).SequenceEqual(ColumnNames, StringComparer.Ordinal);

    public static void Write(PreparedRun run, Stream stream)
    {
        stream.Write(Encoding.ASCII.GetBytes(string.Join(',', ColumnNames) + "\n"));
        var captures = run.Captures.Select(a => a.Capture).ToArray();
        var regions = Array.ConvertAll(captures, c => RegionSpan.Spannable(c.Regions));
        // The first row of each capture among all the rows, and one past the last: a chunk may span captures.
        var firstRows = new long[captures.Length + 1];
        for (var i = 0; i < captures.Length; i++)
            firstRows[i + 1] = firstRows[i] + regions[i].Count;
        var chunks = (int)((firstRows[^1] + ChunkRows - 1) / ChunkRows);
        OrderedChunks.Write(stream, chunks, () => new RowBytes(captures, regions, firstRows));
    }

    /// <summary>The bytes of one chunk of rows at a time, in a pooled buffer; one for each thread.</summary>
    private sealed class RowBytes(Capture[] captures, IReadOnlyList<Region>[] regionsOf, long[] firstRows) : OrderedChunks.IChunkFormatter
    {
        /// <summary>
        /// Room for a row but its text cells: two addresses and an offset (18 bytes each), five numbers (20), a thread
        /// id (11), a location (<c>offset 0x</c> and 16 digits), two flags, the separators and the line's end.
        /// </summary>
        private const int NumberRoom = 3 * 18 + 5 * 20 + 11 + 25 + 2 * 5 + 20;

        /// <summary>Text cells remembered by reference, in a table indexed by the reference's hash (one entry a slot).</summary>
        private const int CachedCells = 1 << 12;

        private readonly (string? Text, byte[] Bytes)[] _cells = new (string?, byte[])[CachedCells];
        private byte[] _buffer = ArrayPool<byte>.Shared.Rent(ChunkRows * 128);
        private int _length;

        public ReadOnlySpan<byte> Format(int chunk)
        {
            _length = 0;
            var first = (long)chunk * ChunkRows;
            var end = Math.Min(first + ChunkRows, firstRows[^1]);
            // The capture holding the chunk's first row: the last whose first row is at or before it.
            var index = Array.BinarySearch(firstRows, first);
            index = index >= 0 ? index : ~index - 1;
            for (var row = first; row < end; index++)
            {
                // Past captures without regions, whose first row is the next capture's.
                while (firstRows[index + 1] <= row)
                    index++;
                var capture = captures[index];
                var id = CellOf(capture.Id);
                var regions = RegionSpan.Of(regionsOf[index]);
                var last = (int)(Math.Min(end, firstRows[index + 1]) - firstRows[index]);
                for (var i = (int)(row - firstRows[index]); i < last; i++)
                    Row(id, regions[i]);
                row = firstRows[index] + last;
            }
            return _buffer.AsSpan(0, _length);
        }

        public void Dispose()
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
        }

        private void Row(byte[] id, Region region)
        {
            var perms = CellOf(region.Permissions.ToString());
            var device = CellOf(region.Device);
            var name = CellOf(region.Name);
            var kind = CellOf(region.Kind.ToId());
            var module = CellOf(region.Module);
            var sources = CellOf(region.Sources.ToId());
            var room = NumberRoom + id.Length + perms.Length + device.Length + name.Length + kind.Length + module.Length + sources.Length;
            if (_length + room > _buffer.Length)
                Grow(room);
            var span = _buffer.AsSpan(_length);
            var at = 0;
            Bytes(span, ref at, id);
            Comma(span, ref at);
            Address(span, ref at, region.Start);
            Comma(span, ref at);
            Address(span, ref at, region.End);
            Comma(span, ref at);
            Number(span, ref at, region.Size);
            Comma(span, ref at);
            Bytes(span, ref at, perms);
            Comma(span, ref at);
            if (region.Offset is { } offset)
                Address(span, ref at, offset);
            Comma(span, ref at);
            Bytes(span, ref at, device);
            Comma(span, ref at);
            if (region.Inode is { } inode)
                Number(span, ref at, inode);
            Comma(span, ref at);
            Bytes(span, ref at, name);
            Comma(span, ref at);
            Flag(span, ref at, region.Deleted);
            Comma(span, ref at);
            Bytes(span, ref at, kind);
            Comma(span, ref at);
            Bytes(span, ref at, module);
            Comma(span, ref at);
            if (region.Metrics is { } metrics)
            {
                Number(span, ref at, metrics.Rss);
                Comma(span, ref at);
                Number(span, ref at, metrics.Dirty);
                Comma(span, ref at);
                Number(span, ref at, metrics.Swap);
            }
            else
            {
                Comma(span, ref at);
                Comma(span, ref at);
            }
            Comma(span, ref at);
            Number(span, ref at, region.DumpedBytes);
            Comma(span, ref at);
            Bytes(span, ref at, sources);
            Comma(span, ref at);
            Flag(span, ref at, region.NameIsBasename);
            Comma(span, ref at);
            if (region.ThreadId is { } thread)
                Number(span, ref at, thread);
            Comma(span, ref at);
            Location(span, ref at, region.Location);
            span[at++] = (byte)'\n';
            _length += at;
        }

        /// <summary>The cell's bytes: found by the string's reference, else made and remembered in its slot.</summary>
        private byte[] CellOf(string? text)
        {
            if (text is null)
                return [];
            ref var slot = ref _cells[RuntimeHelpers.GetHashCode(text) & (CachedCells - 1)];
            if (!ReferenceEquals(slot.Text, text))
                slot = (text, CsvRowBuffer.Cell(text));
            return slot.Bytes;
        }

        private void Grow(int room)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + room));
            _buffer.AsSpan(0, _length).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static void Comma(Span<byte> span, ref int at) => span[at++] = (byte)',';

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static void Bytes(Span<byte> span, ref int at, byte[] bytes)
        {
            bytes.CopyTo(span[at..]);
            at += bytes.Length;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static void Flag(Span<byte> span, ref int at, bool value) =>
            Bytes(span, ref at, value ? True : False);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static void Address(Span<byte> span, ref int at, ulong value) => at += CsvRowBuffer.Address(span[at..], value);

        private static void Number(Span<byte> span, ref int at, ulong? value)
        {
            if (value is not { } known)
                return;
            Utf8Formatter.TryFormat(known, span[at..], out var written);
            at += written;
        }

        private static void Number(Span<byte> span, ref int at, long value)
        {
            Utf8Formatter.TryFormat(value, span[at..], out var written);
            at += written;
        }

        /// <summary>As <see cref="SourceLocation.ToString"/> prints it: <c>line 12</c>, <c>offset 0x1f40</c> or nothing.</summary>
        private static void Location(Span<byte> span, ref int at, SourceLocation location)
        {
            if (location.Line is { } line)
            {
                Bytes(span, ref at, LinePrefix);
                Number(span, ref at, line);
            }
            else if (location.Offset is { } offset)
            {
                Bytes(span, ref at, OffsetPrefix);
                Address(span, ref at, offset);
            }
        }

        private static readonly byte[] True = "true"u8.ToArray(), False = "false"u8.ToArray();
        private static readonly byte[] LinePrefix = "line "u8.ToArray(), OffsetPrefix = "offset "u8.ToArray();
    }
}
