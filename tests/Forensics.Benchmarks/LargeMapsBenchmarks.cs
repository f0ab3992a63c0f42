using BenchmarkDotNet.Attributes;
using Forensics.Analysis;
using Forensics.Importers.Normalisation;
using Forensics.Model;
using Forensics.Reports;
using Forensics.Reports.Csv;

namespace Forensics.Benchmarks;

/// <summary>
/// The steps of <c>analyze</c> that grow with the line count, on the maps of 2,000,000 anonymous lines that
/// <c>tests/batch/make-large-maps.sh</c> writes (98,000,000 bytes), made here in memory byte for byte the same:
/// splitting and parsing the UTF-8 text, the instance merge of the one capture, the layout picture's merge of 2,000,000
/// segments down to 96 (in rounds, and by the heap alone as before), and writing <c>regions.csv</c> (208,889,063 bytes).
/// </summary>
[MemoryDiagnoser]
public class LargeMapsBenchmarks
{
    private const int Lines = LargeMapsInput.Lines;

    private byte[] _maps = [];
    private Capture _capture = null!;
    private PreparedRun _run = null!;

    [GlobalSetup]
    public void MakeInput()
    {
        _maps = LargeMapsInput.Make();
        _capture = CaptureNormalizer.Normalize(Import());
        _run = new PreparedRun(new AnalysisRun([], [CaptureAnalyzer.Analyze(_capture, [_capture])], null));
        // A parser that gave up early would look fast: check every line became a region.
        if (_maps.Length != 98_000_000 || _capture.Regions.Count != Lines || Layout_picture_2M_segments().Count != LayoutPicture.MaximumSegments)
            throw new InvalidDataException($"Expected [{Lines}] regions from [98000000] bytes.");
    }

    [Benchmark]
    public CaptureBuilder Import_2M_lines() => Import();

    /// <summary>Normalising's instance merge of the one capture of a folder, which has nothing to merge with.</summary>
    [Benchmark]
    public IReadOnlyList<Capture> Merge_alone_2M_lines() => InstanceMerger.Merge([_capture]);

    [Benchmark]
    public IReadOnlyList<LayoutSegment> Layout_picture_2M_segments() => LayoutPicture.Segments(_capture);

    /// <summary>The same merge by the four-ary heap alone, as it was made before the rounds.</summary>
    [Benchmark]
    public IReadOnlyList<LayoutSegment> Layout_picture_2M_segments_heap_alone() => LayoutPicture.SegmentsMergedByHeapAlone(_capture);

    /// <summary>regions.csv of the 2,000,000 regions, formatted and encoded into the pooled buffer and handed to a stream that keeps nothing.</summary>
    [Benchmark]
    public long Regions_csv_2M_regions()
    {
        using var counted = new CountingStream();
        CsvReportWriter.Write(_run, "regions.csv", counted);
        return counted.Length;
    }

    /// <summary>The same file by the general writer, cell by cell from the table's column declarations, as it was made before.</summary>
    [Benchmark]
    public long Regions_csv_2M_regions_by_columns()
    {
        using var counted = new CountingStream();
        CsvReportWriter.WriteByColumns(_run, Forensics.Reports.Tables.ReportTables.Regions, counted);
        return counted.Length;
    }

    private CaptureBuilder Import() => LargeMapsInput.Import(_maps);

    /// <summary>A stream that counts what it is given and keeps none of it.</summary>
    private sealed class CountingStream : Stream
    {
        private long _length;

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => _length;
        public override long Position { get => _length; set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => _length += count;
        public override void Write(ReadOnlySpan<byte> buffer) => _length += buffer.Length;
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
