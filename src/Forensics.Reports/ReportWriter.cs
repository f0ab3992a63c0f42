using System.Globalization;
using System.Runtime.ExceptionServices;
using System.Text;
using Forensics.Model;
using Forensics.Analysis;
using Forensics.Reports.Csv;
using Forensics.Reports.Json;
using Forensics.Reports.Markdown;
using Forensics.Reports.Svg;

namespace Forensics.Reports;

/// <summary>
/// Writes every report of a run into one output folder: UTF-8 without BOM, <c>\n</c>, no clock. The files are made
/// in a staging folder and moved into place only when all are made, so a failed run leaves the previous reports as
/// they were. <see cref="ManifestName"/> lists what the writer placed: the next run replaces and removes only those
/// files, and refuses to overwrite any other (the folder may hold evidence).
/// </summary>
public static class ReportWriter
{
    /// <summary>The list of the files the last run placed in the folder, one relative path a line.</summary>
    public const string ManifestName = ReportFolder.ManifestName;

    private const string StagingName = ".forensics-staging";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>
    /// Writes the reports and returns the files written, relative to <paramref name="outputDirectory"/>, in order.
    /// Throws <see cref="ReportFolderConflictException"/>, having changed nothing, when a report would replace a file
    /// this writer did not place.
    /// </summary>
    public static IReadOnlyList<string> Write(AnalysisRun run, string outputDirectory, ReportFormats formats)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentException.ThrowIfNullOrEmpty(outputDirectory);
        Directory.CreateDirectory(outputDirectory);
        var staging = Path.Combine(outputDirectory, StagingName);
        if (Directory.Exists(staging))
            Directory.Delete(staging, recursive: true);
        Directory.CreateDirectory(staging);
        try
        {
            var written = WriteAll(new PreparedRun(run), staging, formats);
            Place(written, staging, outputDirectory);
            return written;
        }
        finally
        {
            if (Directory.Exists(staging))
                Directory.Delete(staging, recursive: true);
        }
    }

    private static List<string> WriteAll(PreparedRun prepared, string directory, ReportFormats formats)
    {
        var written = new List<string>();

        // Straight to the file as the report is made: the regions of a large batch would otherwise be held as one string.
        void Stream(string name, Action<TextWriter> write)
        {
            WriteText(Path.Combine(directory, name), write);
            written.Add(name);
        }

        // The same for a writer that makes UTF-8 bytes in its own buffer.
        void StreamBytes(string name, Action<Stream> write)
        {
            WriteTo(Path.Combine(directory, name), write);
            written.Add(name);
        }

        // The capture pages are begun beside the tables on a thread of their own (not the pool's, which the tables' own
        // threads need): a large table's chunks reach the file one at a time (the kernel's copy into the page cache), which
        // leaves time on a core that the 2,000,000-region maps' picture and page (0.15 s of CPU) fill. Every core joins in
        // on the pages left when the tables are done, as a batch of thousands of captures needs.
        var pages = formats.HasFlag(ReportFormats.Markdown) ? new CapturePages(prepared, directory) : null;
        pages?.Begin();
        try
        {
            if (formats.HasFlag(ReportFormats.Csv))
            {
                foreach (var name in CsvReportWriter.FileNames)
                    StreamBytes(name, stream => CsvReportWriter.Write(prepared, name, stream));
            }
            if (formats.HasFlag(ReportFormats.Json))
                StreamBytes(JsonReportWriter.FileName, stream => JsonReportWriter.Write(prepared, stream));
            if (formats.HasFlag(ReportFormats.Parquet))
                written.AddRange(Parquet.ParquetReportWriter.Write(prepared, directory));
            if (formats.HasFlag(ReportFormats.Markdown))
            {
                Stream("index.md", text => IndexReportWriter.Write(prepared, text));
                Stream("compare.md", text => CompareReportWriter.Write(prepared, text));
            }
        }
        catch
        {
            // The pages write into the staging folder, which is removed after a failure: they must stop first.
            pages?.Abandon();
            throw;
        }
        if (pages is not null)
        {
            pages.Finish();
            foreach (var analysis in prepared.Captures)
            {
                var slug = prepared.SlugOf(analysis.Capture.Id);
                written.Add("captures/" + slug + ".md");
                written.Add("captures/" + slug + ".svg");
            }
        }
        return written;
    }

    /// <summary>Each capture's page and picture (<c>captures/SLUG.md</c>, <c>.svg</c>), taken one capture at a time by every thread that works on them.</summary>
    private sealed class CapturePages(PreparedRun prepared, string directory)
    {
        private int _next;
        private ExceptionDispatchInfo? _failure;
        private Thread? _beside;

        /// <summary>Starts the thread that makes pages beside the tables.</summary>
        public void Begin()
        {
            Directory.CreateDirectory(Path.Combine(directory, "captures"));
            _beside = new Thread(Work) { IsBackground = true, Name = "capture pages" };
            _beside.Start();
        }

        /// <summary>Makes the pages left on every core, waits for the thread beside, and throws the first failure.</summary>
        public void Finish()
        {
            Parallel.For(0, Environment.ProcessorCount, _ => Work());
            _beside?.Join();
            _failure?.Throw();
        }

        /// <summary>Takes no more captures and waits for the page under way.</summary>
        public void Abandon()
        {
            Interlocked.Exchange(ref _next, prepared.Captures.Count);
            _beside?.Join();
        }

        private void Work()
        {
            try
            {
                var captures = prepared.Captures;
                var page = new PageText();
                for (var i = Interlocked.Increment(ref _next) - 1; i < captures.Count && Volatile.Read(ref _failure) is null; i = Interlocked.Increment(ref _next) - 1)
                    Write(captures[i], page);
            }
            catch (Exception failure)
            {
                Interlocked.CompareExchange(ref _failure, ExceptionDispatchInfo.Capture(failure), null);
            }
        }

        private void Write(CaptureAnalysis analysis, PageText page)
        {
            var slug = prepared.SlugOf(analysis.Capture.Id);
            // Both files draw the same picture: its segments are made once (a large capture's cost the most).
            var segments = LayoutPicture.Segments(analysis.Capture);
            page.Write(Path.Combine(directory, "captures", slug + ".md"), text => CaptureReportWriter.Write(prepared, analysis, text, segments));
            page.Write(Path.Combine(directory, "captures", slug + ".svg"), text => text.Write(LayoutSvgWriter.Write(analysis, segments)));
        }
    }

    /// <summary>
    /// One worker's text and bytes, used again page after page: a page is made whole, then written with one call. A
    /// page is bounded (its tables are cut; the 2,000,000-region maps' is 412 KB), and a batch has tens of thousands:
    /// a writer each cost 20 KB of buffers and a write every 4 KB.
    /// </summary>
    private sealed class PageText
    {
        private readonly StringWriter _text = new(CultureInfo.InvariantCulture) { NewLine = "\n" };
        private readonly Encoder _encoder = Utf8.GetEncoder();
        private byte[] _bytes = new byte[1 << 16];

        public void Write(string path, Action<TextWriter> write)
        {
            var text = _text.GetStringBuilder().Clear();
            write(_text);
            if (Utf8.GetMaxByteCount(text.Length) > _bytes.Length)
                _bytes = new byte[Utf8.GetMaxByteCount(text.Length)];
            _encoder.Reset();
            var length = 0;
            foreach (var chunk in text.GetChunks())
                length += _encoder.GetBytes(chunk.Span, _bytes.AsSpan(length), flush: false);
            length += _encoder.GetBytes([], _bytes.AsSpan(length), flush: true);
            WriteTo(path, stream => stream.Write(_bytes, 0, length));
        }
    }

    /// <summary>
    /// Moves the staged files into the folder, removes the files the previous run placed that this one did not, and
    /// writes the new manifest; first checks that no staged file would replace one this writer did not place. A staged
    /// folder the output folder lacks (<c>captures/</c> of a fresh folder) is moved whole, with one rename: nothing in it
    /// can replace anything, and a batch's tens of thousands of pages moved one by one cost six system calls each.
    /// </summary>
    private static void Place(List<string> written, string staging, string outputDirectory)
    {
        var manifest = Path.Combine(outputDirectory, ManifestName);
        var placedBefore = File.Exists(manifest)
            ? new HashSet<string>(File.ReadAllLines(manifest, Utf8), StringComparer.Ordinal)
            : new HashSet<string>(StringComparer.Ordinal);
        var (wholeFolders, oneByOne) = Split(written, outputDirectory);
        if (oneByOne.FirstOrDefault(name => !placedBefore.Contains(name) && Exists(Path.Combine(outputDirectory, name))) is { } foreign)
            throw new ReportFolderConflictException(Path.Combine(outputDirectory, foreign));

        foreach (var folder in wholeFolders)
            Directory.Move(Path.Combine(staging, folder), Path.Combine(outputDirectory, folder));
        var made = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in oneByOne)
        {
            var target = Path.Combine(outputDirectory, name);
            if (Path.GetDirectoryName(target) is { } folder && made.Add(folder))
                Directory.CreateDirectory(folder);
            File.Move(Path.Combine(staging, name), target, overwrite: true);
        }
        var placed = new HashSet<string>(written, StringComparer.Ordinal);
        foreach (var stale in placedBefore.Where(name => !placed.Contains(name) && IsInside(outputDirectory, name)))
            File.Delete(Path.Combine(outputDirectory, stale));

        var temporary = manifest + ".tmp";
        File.WriteAllText(temporary, string.Concat(written.Order(StringComparer.Ordinal).Select(name => name + "\n")), Utf8);
        File.Move(temporary, manifest, overwrite: true);
    }

    /// <summary>
    /// The staged folders to move whole, each the shallowest folder of a written file's path that the output folder
    /// lacks (each asked about once), and the files to move one by one: those in folders the output folder has.
    /// </summary>
    private static (List<string> WholeFolders, List<string> OneByOne) Split(List<string> written, string outputDirectory)
    {
        var absent = new Dictionary<string, bool>(StringComparer.Ordinal);
        var wholeFolders = new List<string>();
        var oneByOne = new List<string>();
        foreach (var name in written)
        {
            if (ShallowestAbsent(name) is not { } folder)
                oneByOne.Add(name);
            else if (!wholeFolders.Contains(folder, StringComparer.Ordinal))
                wholeFolders.Add(folder);
        }
        return (wholeFolders, oneByOne);

        string? ShallowestAbsent(string name)
        {
            for (var slash = name.IndexOf('/', StringComparison.Ordinal); slash >= 0; slash = name.IndexOf('/', slash + 1))
            {
                var folder = name[..slash];
                if (!absent.TryGetValue(folder, out var isAbsent))
                    absent[folder] = isAbsent = !Exists(Path.Combine(outputDirectory, folder));
                if (isAbsent)
                    return folder;
            }
            return null;
        }
    }

    private static bool Exists(string path) => File.Exists(path) || Directory.Exists(path);

    /// <summary>A manifest line names a file below the folder, never one outside it (the manifest may have been edited).</summary>
    private static bool IsInside(string directory, string name)
    {
        var full = Path.GetFullPath(Path.Combine(directory, name));
        return full.StartsWith(Path.GetFullPath(directory) + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            && !name.Contains("..", StringComparison.Ordinal);
    }

    /// <summary>Writes a run-wide file through a text writer of 64 K characters.</summary>
    private static void WriteText(string path, Action<TextWriter> write) =>
        WriteTo(path, stream =>
        {
            using var file = new StreamWriter(stream, Utf8, 1 << 16) { NewLine = "\n" };
            write(file);
        });

    /// <summary>Writes a file through <paramref name="write"/> unbuffered: the bytes come from a writer's own buffer.</summary>
    private static void WriteTo(string path, Action<Stream> write)
    {
        try
        {
            // CreateNew: the staging folder is new, and a file truncated on opening (FileMode.Create) is written back to
            // the disk when it is closed on ext4 (its auto_da_alloc), which made every close of a run's thousands of
            // report files wait for the disk.
            using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read, bufferSize: 0);
            write(file);
        }
        catch (ArgumentOutOfRangeException tooLarge) when (tooLarge.ParamName == "value")
        {
            // .NET reports a write past the process's file-size limit (EFBIG) as an ArgumentOutOfRangeException of
            // "value" (Interop.GetExceptionForIoErrno), which would read as a bug. Told by its parameter name, not by its
            // TargetSite, which a build compiled ahead of time does not keep.
            throw new IOException("File too large : '" + path + "'", tooLarge);
        }
    }
}
