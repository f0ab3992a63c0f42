using System.Buffers;
using System.Globalization;
using System.Text;
using Forensics.Elf;
using Forensics.Elf.Sources;
using Forensics.Importers.Budget;
using Forensics.Importers.Clr;
using Forensics.Importers.Containers.Apport;
using Forensics.Importers.Containers.Minidump;
using Forensics.Importers.Containers.Systemd;
using Forensics.Importers.Core;
using Forensics.Importers.Detection;
using Forensics.Model;
using Forensics.Pipeline.Listing;
using Forensics.Pipeline.Opening;
using Forensics.Symbols;
using Forensics.Symbols.ModuleFiles;

namespace Forensics.Pipeline.Importing;

/// <summary>
/// Imports one input: reads it by its content (compression and format from magic bytes and lines, never from the
/// name) through one <see cref="OpenedInput"/>, hands it to the importer of its format and names the .NET runtime's
/// memory with ClrMD. Bad input becomes a status, a named problem and diagnostics, never an exception. Inputs are
/// opened read-only and nothing is written next to them.
/// </summary>
/// <remarks>
/// Statuses: <see cref="InputStatus.Ok"/> and <see cref="InputStatus.Partial"/> when captures were found (Partial
/// when an error was reported); <see cref="InputStatus.Failed"/> for an empty, unreadable or corrupt input, an ELF
/// file that is not a usable core, binary data named like a core, or a file stopped by its time or allocation
/// budget; <see cref="InputStatus.Skipped"/> for text without any capture (a README) and other binary data. A
/// document with pasted captures is a capture source. Every status but Ok comes with an <see cref="InputProblem"/>
/// taken from the diagnostic that decided it.
/// </remarks>
public sealed partial class InputImporter
{
    private readonly ImportOptions _options;
    private readonly InputOpener _opener;
    /// <summary>The module files stack walks read (libc and the like), read once for every core of the run.</summary>
    private readonly ModuleFileCache _moduleFiles = new();
    private long _hashingTicks;

    /// <param name="options">Limits of the import.</param>
    /// <param name="opener">Opens each input once for every reader of it; a plain <see cref="InputOpener"/> when null.</param>
    public InputImporter(ImportOptions? options = null, InputOpener? opener = null)
    {
        _options = options ?? new ImportOptions();
        _opener = opener ?? new InputOpener();
    }

    /// <summary>
    /// Imports one file, shown as <paramref name="displayPath"/> in ids and reports: its record and its captures
    /// as read, before ids and normalisation (<see cref="Normalisation.BatchNormaliser"/> does both). The file is
    /// read under the per-file budget of <see cref="ImportOptions.FileTimeLimit"/> and
    /// <see cref="ImportOptions.FileAllocationLimit"/>, on the calling thread; an exhausted budget or an I/O error
    /// becomes a failed record, never an exception. Its SHA-256 (when <see cref="ImportOptions.HashContent"/>) is
    /// computed on another thread meanwhile, outside the budget, unless a <paramref name="hash"/> made earlier is given.
    /// </summary>
    public InputResult ImportInput(string path, string displayPath, FileHash? hash = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(displayPath);
        var diagnostics = new DiagnosticBag();
        if (TargetFile.LooksEmpty(path))
        {
            diagnostics.Error(DiagnosticCatalogue.EmptyInput, SourceLocation.None, "the input is empty: [0] bytes");
            return new InputResult(Record(displayPath, InputStatus.Failed, null, "", 0, [], diagnostics), []);
        }
        var hashing = Task.FromResult(hash);
        const string stage = "while reading";
        var budget = ReadBudget.Start(_options.FileTimeLimit, _options.FileAllocationLimit, _options.Clock, Cancellation);
        try
        {
            var before = hash?.Before ?? FileSnapshot.Of(path);
            if (hash is null && _options.HashContent)
                hashing = HashWorkers.Hash(path, before);
            if (BetweenReads is { } seam)
            {
                // The seam's window is after the hash: waiting here makes what a test changes there always come after it.
                ((IAsyncResult)hashing).AsyncWaitHandle.WaitOne();
                seam(path);
            }
            if (Directory.Exists(path))
                return ImportProblemDirectory(path, displayPath, before, hashing, diagnostics, budget);
            using var opened = _opener.Open(path, diagnostics);
            var (usable, emptyStatus) = ReadUsable(opened, path, displayPath, diagnostics, budget);
            var after = FileSnapshot.Of(path);
            // Waiting costs the budget nothing: it counts this thread's CPU time and allocations.
            var finished = Finished(hashing);
            var changed = ReportChange(before, after, finished?.Bytes, diagnostics);
            return Result(displayPath, finished, SizeOf(path), usable, emptyStatus, changed, diagnostics);
        }
        catch (ReadBudgetExceededException exception)
        {
            var stopped = Stopped(exception, stage);
            diagnostics.Add(stopped);
            return Failed(displayPath, path, stopped, hashing, diagnostics);
        }
        catch (OutOfMemoryException exception)
        {
            // Reached only by an allocation between two budget checkpoints, or under a heap limit below the budget;
            // what the input allocated is garbage now, so the run goes on with the next input.
            var stopped = OutOfMemory(exception, stage);
            diagnostics.Add(stopped);
            return Failed(displayPath, path, stopped, hashing, diagnostics);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            var unreadable = Unreadable(exception);
            diagnostics.Add(unreadable);
            return Failed(displayPath, path, unreadable, hashing, diagnostics);
        }
    }

    /// <summary>How long hashing took, every input's time summed (each input is hashed beside its own import).</summary>
    public TimeSpan HashingTime => new(Interlocked.Read(ref _hashingTicks));

    /// <summary>
    /// Ends an import under way at its next read checkpoint (an <see cref="OperationCanceledException"/>): for an input
    /// imported on the thread that would otherwise wait for it with this token.
    /// </summary>
    internal CancellationToken Cancellation { get; init; }

    /// <summary>Test seam: called after the file is hashed and before it is parsed, the window a change falls into.</summary>
    internal Action<string>? BetweenReads { get; init; }

    /// <summary>A failed input keeps its hash as evidence when the hash could be made.</summary>
    private InputResult Failed(string displayPath, string path, Diagnostic decisive, Task<FileHash?> hashing, DiagnosticBag diagnostics)
    {
        var hash = HashOrNone(hashing);
        return new InputResult(Record(displayPath, InputStatus.Failed, decisive, hash?.Sha256 ?? "", hash?.Bytes ?? SizeOf(path), [], diagnostics), []);
    }

    private FileHash? HashOrNone(Task<FileHash?> hashing)
    {
        try
        {
            return Finished(hashing);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// The captures read from <paramref name="opened"/> that hold anything (<see cref="Usable"/>), and the status of an
    /// input that holds none. The segments a core's walk kept go back for the next core as soon as the walk is done, or
    /// has failed: not after the wait for the hash, which would leave the next core on another thread to allocate its own.
    /// </summary>
    private (List<CaptureBuilder> Usable, InputStatus? EmptyStatus) ReadUsable(
        OpenedInput opened, string path, string displayPath, DiagnosticBag diagnostics, ReadBudget budget)
    {
        ElfCoreFile? coreFile = null;
        try
        {
            var (captures, emptyStatus) = ReadCaptures(opened, displayPath, diagnostics, budget, out coreFile);
            foreach (var core in captures.Where(c => c.Format == CaptureFormat.Core))
                CoredumpAttributes.Apply(core, ExtendedAttributes.Read(path, CoredumpAttributes.Prefix));
            return (Usable(opened, displayPath, captures, diagnostics, budget, coreFile), emptyStatus);
        }
        finally
        {
            (coreFile?.Source as RetainedByteSource)?.Dispose();
        }
    }

    /// <summary>
    /// The captures that hold anything, each walked and annotated through <paramref name="opened"/> (null when that was
    /// done already), the walk in the <paramref name="core"/> the import read when it kept it; an error for captures
    /// found that hold nothing.
    /// </summary>
    private List<CaptureBuilder> Usable(
        OpenedInput? opened, string displayPath, List<CaptureBuilder> captures, DiagnosticBag diagnostics, ReadBudget budget, ElfCoreFile? core = null)
    {
        var usable = new List<CaptureBuilder>(captures.Count);
        foreach (var capture in captures)
        {
            if (capture.Regions.Count == 0 && capture.Totals is null && capture.Threads.Count == 0 && capture.Diagnostics.HasErrors)
            {
                diagnostics.AddRange(capture.Diagnostics.Items);
                continue;
            }
            capture.InputPath = displayPath;
            capture.Diagnostics.AddRange(diagnostics.Items);
            if (opened is not null)
            {
                // The walk reads the core before ClrMD, which closes the stream it is given.
                WalkStacks(capture, opened, budget, core);
                AnnotateManagedRuntime(capture, opened);
            }
            usable.Add(capture);
        }
        if (captures.Count > 0 && usable.Count == 0)
            diagnostics.Error(DiagnosticCatalogue.UnusableCapture, SourceLocation.None,
                $"[{captures.Count}] capture(s) found but none holds anything usable");
        return usable;
    }

    /// <summary>The hash once made, its time counted.</summary>
    private FileHash? Finished(Task<FileHash?> hashing)
    {
        var hash = hashing.GetAwaiter().GetResult();
        Interlocked.Add(ref _hashingTicks, hash?.Elapsed.Ticks ?? 0);
        return hash;
    }

    private static InputResult Result(
        string displayPath, FileHash? hash, long size, List<CaptureBuilder> usable, InputStatus? emptyStatus, Diagnostic? changed,
        DiagnosticBag diagnostics)
    {
        foreach (var capture in usable)
        {
            capture.Sha256 = hash?.Sha256 ?? "";
            if (changed is not null)
                capture.Diagnostics.Add(changed);
        }
        var status = usable.Count > 0
            ? diagnostics.HasErrors || usable.Exists(c => c.Diagnostics.HasErrors) ? InputStatus.Partial : InputStatus.Ok
            : changed is null && emptyStatus is { } nothingFound ? nothingFound : InputStatus.Failed;
        return new InputResult(Record(displayPath, status, changed, hash?.Sha256 ?? "", hash?.Bytes ?? size, usable, diagnostics), usable);
    }

    /// <summary>
    /// An error when the file's size or modification time differs after parsing from before hashing, or the bytes
    /// hashed from the size: the hash and the captures may then come from different contents. The captures are
    /// kept (the input is partial), as a log still being written is worth reading, but they are flagged.
    /// </summary>
    private static Diagnostic? ReportChange(FileSnapshot before, FileSnapshot after, long? hashed, DiagnosticBag diagnostics)
    {
        // /proc and /sys files report a size of 0 whatever they hold.
        var hashedOtherSize = before.Length > 0 && hashed is { } bytes && bytes != before.Length;
        if (before == after && !hashedOtherSize)
            return null;
        var change = new Diagnostic(DiagnosticCatalogue.ChangedWhileReading, DiagnosticSeverity.Error, string.Create(CultureInfo.InvariantCulture,
            $"the file changed while it was read: [{before.Length}] bytes modified [{before.LastWriteUtc:O}] before reading, {(hashed is { } count ? $"[{count}] bytes hashed" : "not hashed")}, [{after.Length}] bytes modified [{after.LastWriteUtc:O}] after parsing; the SHA-256 and the captures may not be of the same content, so import it again once it no longer changes"),
            SourceLocation.None);
        diagnostics.Add(change);
        return change;
    }

    private Diagnostic Stopped(ReadBudgetExceededException exception, string stage)
    {
        var message = exception.Limit == ReadBudgetLimit.Time
            ? string.Create(CultureInfo.InvariantCulture,
                $"stopped by the per-file time limit [{_options.FileTimeLimit.TotalMilliseconds} ms] after [{exception.Elapsed.TotalMilliseconds:0.###} ms] of CPU time {stage}; nothing of the input is kept (raise --file-time-limit to read it whole)")
            : string.Create(CultureInfo.InvariantCulture,
                $"stopped by the per-file allocation limit [{_options.FileAllocationLimit}] bytes after [{exception.AllocatedBytes}] bytes allocated {stage}; nothing of the input is kept");
        var location = exception.Line is { } line ? SourceLocation.AtLine(line)
            : exception.Offset is { } offset ? SourceLocation.AtOffset(offset)
            : SourceLocation.None;
        return new Diagnostic(
            exception.Limit == ReadBudgetLimit.Time ? DiagnosticCatalogue.TimeLimit : DiagnosticCatalogue.MemoryLimit, DiagnosticSeverity.Error, message, location);
    }

    private static Diagnostic OutOfMemory(OutOfMemoryException exception, string stage) =>
        new(DiagnosticCatalogue.MemoryLimit, DiagnosticSeverity.Error,
            $"stopped: the process ran out of memory {stage} ({exception.Message}); nothing of the input is kept", SourceLocation.None);

    /// <summary>A refused permission, a file gone between listing and reading, and other I/O errors, each by its own id.</summary>
    private static Diagnostic Unreadable(Exception exception)
    {
        var (descriptor, what) = exception switch
        {
            UnauthorizedAccessException => (DiagnosticCatalogue.PermissionDenied, "permission denied"),
            FileNotFoundException or DirectoryNotFoundException => (DiagnosticCatalogue.PathNotFound, "the input went away before it was read"),
            _ => (DiagnosticCatalogue.UnreadableInput, "cannot read the input"),
        };
        return new Diagnostic(descriptor, DiagnosticSeverity.Error, $"{what}: {exception.Message}", SourceLocation.None);
    }

    /// <summary>ClrMD reads a .NET core through the same opened input to name the runtime's regions and threads.</summary>
    private static void AnnotateManagedRuntime(CaptureBuilder capture, OpenedInput opened)
    {
        if (capture.Format != CaptureFormat.Core || !ClrAnnotator.HasRuntime(capture))
            return;
        ClrAnnotator.Annotate(capture, opened.Read, capture.InputPath);
    }

    /// <summary>
    /// Walks every thread of an x86 or x86_64 core and names its frames (Symbols' <see cref="CaptureUnwinder"/>), under
    /// the same per-file budget as the import. A plain file is walked in the <paramref name="core"/> the import read,
    /// on demand; so is a compressed one whose segments the import kept whole (up to
    /// <see cref="CoreLimits.MaxSinglePassBytes"/>); a larger one is decompressed again keeping its segments.
    /// </summary>
    private void WalkStacks(CaptureBuilder capture, OpenedInput opened, ReadBudget budget, ElfCoreFile? core = null)
    {
        if (capture.Format != CaptureFormat.Core || capture.Threads.Count == 0 || capture.Architecture is not (Architecture.X86 or Architecture.X86_64))
            return;
        if (core is null)
        {
            var stream = opened.Read();
            // What the second read finds wrong was reported by the first.
            var unreported = new ElfDiagnosticList();
            IByteSource source = stream.CanSeek
                ? new SeekableStreamByteSource(stream)
                : ForwardStreamReader.Read(stream, CoreLimits.Default, unreported, budget, wholeSegments: true);
            core = ElfCoreFile.Read(source, unreported, CoreLimits.Default, budget);
        }
        var options = new SymbolOptions { Directories = _options.SymbolDirectories, UseModulePaths = _options.UseModulePaths, Debuginfod = _options.Debuginfod };
        try
        {
            CaptureUnwinder.Unwind(capture, core.Memory, options, budget, _moduleFiles);
        }
        catch (ReadBudgetExceededException exception)
        {
            // The import is whole; what the walk could not finish is said, and the capture is kept without frames.
            foreach (var thread in capture.Threads)
                thread.Frames.Clear();
            capture.Diagnostics.Warning(DiagnosticCatalogue.StackWalkStopped, SourceLocation.None,
                $"the stacks were not walked: the per-file {(exception.Limit == ReadBudgetLimit.Time ? "time" : "allocation")} limit was reached while walking them");
        }
    }

    /// <summary>
    /// The record of an input; its problem and reason come from <paramref name="decisive"/> when given (a change, a
    /// stop, an I/O error), else from the first error on the input or its captures.
    /// </summary>
    private static InputRecord Record(
        string displayPath, InputStatus status, Diagnostic? decisive, string sha256, long bytes, List<CaptureBuilder> captures, DiagnosticBag diagnostics)
    {
        // A core the tool cannot analyse is that first, whatever else is wrong with it (a vmcore cut short is a vmcore).
        decisive ??= captures.SelectMany(c => c.Diagnostics.Items)
                .FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error && ProblemOf(d) == InputProblem.Unsupported)
            ?? diagnostics.Items.FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error)
            ?? captures.SelectMany(c => c.Diagnostics.Items).FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error)
            ?? diagnostics.Items.FirstOrDefault();
        var (problem, reason) = status switch
        {
            InputStatus.Ok => (InputProblem.None, null),
            InputStatus.Skipped => (InputProblem.NotACapture, "not a capture: " + (decisive?.Message ?? "nothing recognised")),
            _ => (ProblemOf(decisive), decisive?.ToString()),
        };
        return new InputRecord(displayPath, status, problem, reason, sha256, bytes, [], [.. diagnostics.Items]);
    }

    /// <summary>The problem the decisive diagnostic's descriptor names; a format error for one that names none.</summary>
    private static InputProblem ProblemOf(Diagnostic? decisive) =>
        decisive?.Descriptor.Problem is { } problem and not InputProblem.None ? problem : InputProblem.Corrupt;


    private static long SizeOf(string path)
    {
        var info = new FileInfo(path);
        return info.Exists ? info.Length : 0;
    }

    /// <summary>
    /// Reads the captures of one file; when there are none, also says whether that is a failure or a skip. A core read
    /// on demand is given as read (<paramref name="core"/>), for its stack walk.
    /// </summary>
    private (List<CaptureBuilder> Captures, InputStatus? Status) ReadCaptures(
        OpenedInput opened, string displayPath, DiagnosticBag diagnostics, ReadBudget budget, out ElfCoreFile? core)
    {
        var (captures, status) = ReadContent(opened, displayPath, diagnostics, budget, out core);
        // Damage shows at a compressed stream's end, which an importer that stopped early, or a skip, never reads.
        return (captures, opened.ReadToEnd(budget) || status is not InputStatus.Skipped ? status : InputStatus.Failed);
    }

    private (List<CaptureBuilder> Captures, InputStatus? Status) ReadContent(
        OpenedInput opened, string displayPath, DiagnosticBag diagnostics, ReadBudget budget, out ElfCoreFile? core)
    {
        core = null;
        if (!opened.IsReadable)
        {
            diagnostics.Error(DiagnosticCatalogue.NestedCompression, SourceLocation.None,
                $"compressed data nested more than [{OpenedInput.MaxCompressionDepth}] deep");
            return ([], InputStatus.Failed);
        }
        var compressed = opened.IsCompressed;
        var head = opened.Head;

        switch (ContentSniffer.Sniff(head))
        {
            case ContentKind.Empty:
                if (!diagnostics.HasErrors)
                    diagnostics.Error(DiagnosticCatalogue.EmptyInput, SourceLocation.None,
                        compressed ? "the compressed input holds [0] bytes" : "the input is empty: [0] bytes");
                return ([], InputStatus.Failed);
            case ContentKind.Elf:
                var content = opened.Read();
                CaptureBuilder capture;
                if (content.CanSeek)
                    capture = CoreImporter.Import(new SeekableStreamByteSource(content), displayPath, CoreLimits.Default, budget, out core);
                else
                {
                    capture = CoreImporter.ImportKeepingWhole(content, displayPath, CoreLimits.Default, budget, out var whole);
                    // What reading it again finds wrong was reported by the import. Its headers and notes, in memory and
                    // bounded by the same limits, are read off the budget: running out here would fail an imported core.
                    core = whole is null ? null : ElfCoreFile.Read(whole, new ElfDiagnosticList(), CoreLimits.Default);
                }
                ApplyFileNameHint(capture, displayPath);
                return ([capture], null);
            case ContentKind.Minidump:
                return ([MinidumpImporter.Import(opened.Read(), displayPath, budget)], null);
            case ContentKind.ApportReport:
                return ([ApportImporter.Import(opened.Read(), displayPath, budget)], null);
            case ContentKind.Text:
                var captures = ImportText(opened.Read(), budget, diagnostics);
                if (captures.Count > 0)
                    return ([.. captures], null);
                diagnostics.Info(DiagnosticCatalogue.NoCaptureInText, SourceLocation.None,
                    "text without any maps, smaps, pmap or gdb listing");
                return ([], diagnostics.HasErrors ? InputStatus.Failed : InputStatus.Skipped);
            default:
                var namedLikeCore = FileNameHint.FromFileName(displayPath).NamedLikeCore;
                var message = string.Create(CultureInfo.InvariantCulture,
                    $"binary data that is neither an ELF core nor text (first bytes [{Convert.ToHexStringLower(head[..Math.Min(8, head.Length)])}])");
                if (namedLikeCore)
                    diagnostics.Error(DiagnosticCatalogue.NotACapture, SourceLocation.AtOffset(0), "named like a core, but " + message);
                else
                    diagnostics.Info(DiagnosticCatalogue.NotACapture, SourceLocation.AtOffset(0), message);
                return ([], namedLikeCore || diagnostics.HasErrors ? InputStatus.Failed : InputStatus.Skipped);
        }
    }

    /// <summary>
    /// Reads the text and imports its captures. The bytes live in a <see cref="TextBuffer"/>, given back as the parse
    /// passes them and when the captures are made (they keep no slice of it). Text longer than <see cref="ImportOptions.MaxTextBytes"/> is
    /// read up to the limit, cut back to the end of its last whole line and imported; the rest is reported, not read.
    /// </summary>
    private IReadOnlyList<CaptureBuilder> ImportText(Stream content, ReadBudget budget, DiagnosticBag diagnostics)
    {
        var bytes = new TextBuffer(InitialTextBuffer(content));
        try
        {
            var (length, more) = ReadText(content, budget, ref bytes);
            var text = bytes.GetSpan()[..length];
            var wide = ContentSniffer.DetectWideText(text);
            var encoding = wide?.Encoding ?? Encoding.UTF8;
            if (more)
            {
                text = text[..WholeLines(text, encoding)];
                diagnostics.Error(DiagnosticCatalogue.TextTooLarge, SourceLocation.AtOffset((ulong)text.Length), string.Create(CultureInfo.InvariantCulture,
                    $"text input is larger than [{_options.MaxTextBytes}] bytes; reading stopped at offset [{text.Length}], the end of the last whole line within the limit, and the rest was not read"));
            }
            var byteOrderMark = 0;
            if (wide is { } found)
            {
                byteOrderMark = found.MarkLength;
                diagnostics.Info(DiagnosticCatalogue.WideText, SourceLocation.None, $"text is {found.Encoding.WebName}; read as such");
            }
            else if (text.StartsWith("\uFEFF"u8))
                byteOrderMark = 3;
            text = text[byteOrderMark..];
            if (wide is null && !System.Text.Unicode.Utf8.IsValid(text))
            {
                var line = 1 + text[..FirstInvalidUtf8(text)].Count((byte)'\n');
                diagnostics.Warning(DiagnosticCatalogue.InvalidUtf8, SourceLocation.AtLine(line),
                    "text is not valid UTF-8; invalid bytes were replaced by U+FFFD");
            }
            // UTF-8 is parsed as it is, a chunk of lines decoded at a time; UTF-16 and UTF-32 (rare, small) are made UTF-8 first.
            if (wide is not null)
                return TextDocumentImporter.Import(encoding.GetString(text), budget);
            using var pause = CollectionPause.For(text.Length);
            return TextDocumentImporter.ImportUtf8(bytes.Memory.Slice(byteOrderMark, text.Length), budget,
                (start, end) => bytes.Release(byteOrderMark + start, byteOrderMark + end));
        }
        finally
        {
            ((IDisposable)bytes).Dispose();
        }
    }

    /// <summary>
    /// Reads up to <see cref="TextLimit"/> bytes into <paramref name="bytes"/>, which grows as it fills but never past
    /// the limit; also says whether the content goes on beyond what was read.
    /// </summary>
    private (int Length, bool More) ReadText(Stream content, ReadBudget budget, ref TextBuffer bytes)
    {
        var limit = TextLimit;
        var length = 0;
        while (length < limit)
        {
            if (length == bytes.Length)
                Grow(ref bytes, length);
            var read = content.Read(bytes.GetSpan()[length..Math.Min(bytes.Length, limit)]);
            if (read == 0)
                return (length, false);
            length += read;
            budget.CheckAtOffset((ulong)length);
        }
        Span<byte> next = stackalloc byte[1];
        return (length, content.Read(next) > 0);
    }

    /// <summary>The length of <paramref name="text"/> up to the end of its last whole line; 0 when no line ends in it.</summary>
    private static int WholeLines(ReadOnlySpan<byte> text, Encoding encoding)
    {
        var newline = encoding.GetBytes("\n");
        if (newline.Length == 1)
            return text.LastIndexOf(newline[0]) + 1;
        // UTF-16 and UTF-32: a line end counts only where a character starts.
        for (var end = text.Length - text.Length % newline.Length; end >= newline.Length; end -= newline.Length)
        {
            if (text[(end - newline.Length)..end].SequenceEqual(newline))
                return end;
        }
        return 0;
    }

    /// <summary>The file's own length when it tells one (up to the limit), else a buffer that grows as it fills.</summary>
    private int InitialTextBuffer(Stream content)
    {
        const int Chunk = 1 << 16;
        if (!content.CanSeek || content.Length == 0)
            return Math.Min(Chunk, TextLimit);
        // One byte more than the file, so the read that finds its end needs no larger buffer.
        return (int)Math.Min(content.Length + 1, TextLimit);
    }

    /// <summary><see cref="ImportOptions.MaxTextBytes"/>, kept within the largest array .NET can make.</summary>
    private int TextLimit => (int)Math.Clamp(_options.MaxTextBytes, 0, Array.MaxLength);

    private void Grow(ref TextBuffer buffer, int length)
    {
        var larger = new TextBuffer((int)Math.Min((long)buffer.Length * 2, TextLimit));
        buffer.GetSpan()[..length].CopyTo(larger.GetSpan());
        ((IDisposable)buffer).Dispose();
        buffer = larger;
    }

    private static int FirstInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        var position = 0;
        while (position < bytes.Length)
        {
            if (System.Text.Rune.DecodeFromUtf8(bytes[position..], out _, out var consumed) != System.Buffers.OperationStatus.Done)
                return position;
            position += consumed;
        }
        return bytes.Length;
    }

    private static void ApplyFileNameHint(CaptureBuilder capture, string displayPath)
    {
        var hint = FileNameHint.FromFileName(displayPath);
        capture.Facts.AddRange(FileNameHint.SystemdFacts(displayPath));
        if (hint.Pid is { } pid && capture.Pid is null)
        {
            capture.Pid = pid;
            capture.Diagnostics.Info(DiagnosticCatalogue.FileNameHint, SourceLocation.None,
                string.Create(CultureInfo.InvariantCulture, $"PID [{pid}] taken from the file name"));
        }
        if (hint.ProcessName is { } name && capture.ProcessName is null)
        {
            capture.ProcessName = name;
            capture.Diagnostics.Info(DiagnosticCatalogue.FileNameHint, SourceLocation.None, $"process name [{name}] taken from the file name");
        }
    }
}
