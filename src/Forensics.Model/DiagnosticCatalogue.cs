using static Forensics.Model.DiagnosticSeverity;

namespace Forensics.Model;

/// <summary>
/// Every diagnostic the analyzer reports, one descriptor a line: id, default severity, the input problem it names
/// when it decides an input's status, and a title. Ranges: FX1xxx text captures, FX2xxx detection and the import
/// of one input, FX3xxx the ELF reader, FX4xxx the core importer, FX5xxx normalisation and merging, FX6xxx the crash containers (FX60xx apport, FX61xx minidumps, FX62xx ABRT, FX63xx systemd-coredump's attributes), FX7xxx the .NET
/// annotation. docs/diagnostics.md lists them (a test keeps it current).
/// </summary>
public static class DiagnosticCatalogue
{
    // Declared before the descriptors: static fields are initialised in the order they are written.
    private static readonly List<DiagnosticDescriptor> Defined = [];
    private static Dictionary<string, DiagnosticDescriptor>? s_byId;

    // Text captures: maps, smaps, pmap, gdb (FX1xxx).
    public static readonly DiagnosticDescriptor MapsLineMalformed = Define("FX1001", Error, InputProblem.Corrupt, "A maps (or smaps header) line could not be parsed");
    public static readonly DiagnosticDescriptor RangeReversed = Define("FX1002", Error, InputProblem.Corrupt, "A range ends before it starts");
    public static readonly DiagnosticDescriptor AnonymousOffset = Define("FX1003", Info, InputProblem.None, "An anonymous mapping printed a non-zero offset (very old kernels printed the page offset)");
    public static readonly DiagnosticDescriptor UnexpectedLine = Define("FX1004", Warning, InputProblem.None, "A line that no parser of the format expected (not reported at present)");
    public static readonly DiagnosticDescriptor NoRegions = Define("FX1005", Error, InputProblem.Corrupt, "The capture holds no region at all");
    public static readonly DiagnosticDescriptor RowsElided = Define("FX1006", Warning, InputProblem.None, "Rows were cut out of the listing here (..., <snip>); its totals cannot be checked");
    public static readonly DiagnosticDescriptor SmapsKeyMalformed = Define("FX1010", Error, InputProblem.Corrupt, "An smaps key line could not be parsed, or came before any mapping");
    public static readonly DiagnosticDescriptor SmapsSizeMismatch = Define("FX1011", Warning, InputProblem.None, "The smaps Size: key disagrees with the header's range");
    public static readonly DiagnosticDescriptor RollupRange = Define("FX1012", Info, InputProblem.None, "The range an smaps_rollup record covers");
    public static readonly DiagnosticDescriptor RollupTotalMismatch = Define("FX1013", Warning, InputProblem.None, "A smaps_rollup total differs from the sum of the same instance's smaps records");
    public static readonly DiagnosticDescriptor PmapRowMalformed = Define("FX1020", Error, InputProblem.Corrupt, "A pmap row could not be parsed");
    public static readonly DiagnosticDescriptor PmapTotalMismatch = Define("FX1021", Warning, InputProblem.None, "A total that pmap declares differs from the sum of its rows");
    public static readonly DiagnosticDescriptor PmapDuplicateRow = Define("FX1022", Info, InputProblem.None, "A pmap row repeats the address of an earlier row (procps-ng 3.3.x prints rows twice)");
    public static readonly DiagnosticDescriptor PmapFooterMissing = Define("FX1023", Warning, InputProblem.None, "A pmap capture ends without its footer");
    public static readonly DiagnosticDescriptor PmapHeaderMissing = Define("FX1024", Info, InputProblem.None, "The pmap header line (PID:   cmdline) is missing or malformed");
    public static readonly DiagnosticDescriptor PmapLineCut = Define("FX1025", Warning, InputProblem.None, "procps pmap cut a long maps line and printed its rest as a row: the name of the row before is cut");
    public static readonly DiagnosticDescriptor PmapRowAddressLost = Define("FX1026", Error, InputProblem.Corrupt, "A pmap row printed from the rest of a cut maps line: the mapping's address is lost");
    public static readonly DiagnosticDescriptor GdbRowMalformed = Define("FX1030", Error, InputProblem.Corrupt, "A gdb mapping row could not be parsed");
    public static readonly DiagnosticDescriptor GdbSizeMismatch = Define("FX1031", Warning, InputProblem.None, "gdb's Size column disagrees with End - Start");
    public static readonly DiagnosticDescriptor GdbNameContinued = Define("FX1032", Info, InputProblem.None, "A gdb core listing row was split by a newline inside the file name");
    public static readonly DiagnosticDescriptor GdbHeaderMissing = Define("FX1033", Error, InputProblem.Corrupt, "No Start Addr column header was found");
    public static readonly DiagnosticDescriptor GdbForeignSystem = Define("FX1034", Info, InputProblem.None, "A gdb listing from another system than Linux (Solaris and illumos procfs)");

    // Detection, decompression, documents and the import of one input (FX2xxx).
    public static readonly DiagnosticDescriptor EmptyInput = Define("FX2001", Error, InputProblem.Empty, "The input holds no bytes");
    public static readonly DiagnosticDescriptor UnreadableInput = Define("FX2002", Error, InputProblem.Unreadable, "The input could not be read or listed: an I/O error");
    public static readonly DiagnosticDescriptor CorruptCompressedStream = Define("FX2003", Error, InputProblem.Corrupt, "A compressed stream is corrupt; what was decompressed before the damage is kept");
    public static readonly DiagnosticDescriptor NotACapture = Define("FX2004", Info, InputProblem.NotACapture, "Binary data that is neither an ELF file nor text");
    public static readonly DiagnosticDescriptor NoCaptureInText = Define("FX2005", Info, InputProblem.NotACapture, "Text in which no maps, smaps, pmap or gdb listing was found");
    public static readonly DiagnosticDescriptor TextTooLarge = Define("FX2006", Error, InputProblem.TooLarge, "Text larger than the size limit; the rest is not read");
    public static readonly DiagnosticDescriptor InvalidUtf8 = Define("FX2007", Warning, InputProblem.None, "Text that is not valid UTF-8; the invalid sequences were replaced");
    public static readonly DiagnosticDescriptor BrokenSymbolicLink = Define("FX2008", Error, InputProblem.BrokenLink, "A symbolic link whose target does not exist");
    public static readonly DiagnosticDescriptor DirectoryLoop = Define("FX2009", Warning, InputProblem.DirectoryLoop, "A directory reached again, or a directory not entered");
    public static readonly DiagnosticDescriptor FileNameHint = Define("FX2010", Info, InputProblem.None, "The PID or command name was taken from the file name (a hint only)");
    public static readonly DiagnosticDescriptor PidDisagreement = Define("FX2011", Warning, InputProblem.None, "A shell prompt or heading gives another PID than the capture itself");
    public static readonly DiagnosticDescriptor PathNotFound = Define("FX2012", Error, InputProblem.NotFound, "A path given does not exist, or went away before it was read");
    public static readonly DiagnosticDescriptor NotARegularFile = Define("FX2013", Info, InputProblem.Empty, "A path that is neither a regular file nor a directory (not reported at present)");
    public static readonly DiagnosticDescriptor UnusableCapture = Define("FX2014", Error, InputProblem.Corrupt, "A capture that holds nothing usable was dropped");
    public static readonly DiagnosticDescriptor NestedCompression = Define("FX2015", Error, InputProblem.TooDeep, "Compressed inputs nested deeper than the importer follows");
    public static readonly DiagnosticDescriptor PermissionDenied = Define("FX2016", Error, InputProblem.PermissionDenied, "The system refused to open the input or list the directory");
    public static readonly DiagnosticDescriptor ChangedWhileReading = Define("FX2017", Error, InputProblem.ChangedWhileReading, "The file's size or modification time changed between hashing and parsing it");
    public static readonly DiagnosticDescriptor TimeLimit = Define("FX2018", Error, InputProblem.TimeLimit, "Importing the file took longer than the per-file time limit");
    public static readonly DiagnosticDescriptor MemoryLimit = Define("FX2019", Error, InputProblem.MemoryLimit, "Importing the file allocated more than the per-file limit, or memory ran out");
    public static readonly DiagnosticDescriptor WideText = Define("FX2020", Info, InputProblem.None, "Text in UTF-16 or UTF-32, read in that encoding");
    public static readonly DiagnosticDescriptor LinkOutsideRoots = Define("FX2021", Warning, InputProblem.LinkOutsideRoots, "A symbolic link whose target lies outside the paths given; not followed");
    public static readonly DiagnosticDescriptor ImporterFault = Define("FX2099", Error, InputProblem.ImporterFault, "An importer threw: a bug, reported as that input's failure");

    // The ELF reader (FX3xxx).
    public static readonly DiagnosticDescriptor NotElf = Define("FX3001", Error, InputProblem.NotACapture, "No ELF magic at the start");
    public static readonly DiagnosticDescriptor UnsupportedClass = Define("FX3002", Error, InputProblem.Unsupported, "EI_CLASS is neither ELFCLASS32 nor ELFCLASS64");
    public static readonly DiagnosticDescriptor UnsupportedByteOrder = Define("FX3003", Error, InputProblem.Unsupported, "EI_DATA is not little-endian");
    public static readonly DiagnosticDescriptor TruncatedHeader = Define("FX3004", Error, InputProblem.Truncated, "The ELF identification or header is shorter than its class requires");
    public static readonly DiagnosticDescriptor BadProgramHeaderSize = Define("FX3005", Error, InputProblem.Corrupt, "e_phentsize is not the size of a program header of the class");
    public static readonly DiagnosticDescriptor BadExtendedNumbering = Define("FX3006", Error, InputProblem.Corrupt, "PN_XNUM is set but section header 0 does not give the count");
    public static readonly DiagnosticDescriptor TooManyProgramHeaders = Define("FX3007", Error, InputProblem.Corrupt, "More program headers than the reader's limit");
    public static readonly DiagnosticDescriptor ProgramHeadersPastEnd = Define("FX3008", Error, InputProblem.Truncated, "The program header table extends past the end of the file");
    public static readonly DiagnosticDescriptor FileSizeAboveMemorySize = Define("FX3009", Warning, InputProblem.None, "A segment's p_filesz is larger than its p_memsz");
    public static readonly DiagnosticDescriptor SegmentPastEnd = Define("FX3010", Error, InputProblem.Truncated, "A segment's data extends past the end of the file");
    public static readonly DiagnosticDescriptor SegmentAddressOverflow = Define("FX3011", Error, InputProblem.Corrupt, "A segment wraps the end of the address space");
    public static readonly DiagnosticDescriptor OverlappingSegments = Define("FX3012", Warning, InputProblem.None, "A PT_LOAD segment overlaps the one before it");
    public static readonly DiagnosticDescriptor NoteSegmentTooLarge = Define("FX3013", Error, InputProblem.Corrupt, "Note segments hold more bytes than the file or the reader's limit allows; the rest is not read");
    public static readonly DiagnosticDescriptor NoteSegmentTruncated = Define("FX3014", Error, InputProblem.Truncated, "A note segment extends past the end of the file");
    public static readonly DiagnosticDescriptor NoteRunsPastSegment = Define("FX3015", Error, InputProblem.Corrupt, "A note runs past the end of its segment");
    public static readonly DiagnosticDescriptor TooManyNotes = Define("FX3016", Error, InputProblem.Corrupt, "More notes than the reader's limit; the rest are ignored");
    public static readonly DiagnosticDescriptor NoteTrailingBytes = Define("FX3017", Warning, InputProblem.None, "Bytes after the last note are too short for a note header");
    public static readonly DiagnosticDescriptor TooManySegments = Define("FX3018", Error, InputProblem.Corrupt, "More segments than the reader's limit (not reported at present)");
    public static readonly DiagnosticDescriptor StreamOutOfOrder = Define("FX3019", Warning, InputProblem.None, "An offset a forward-only stream has already passed cannot be read");
    public static readonly DiagnosticDescriptor RetainedBytesLimit = Define("FX3020", Error, InputProblem.Corrupt, "Keeping more of a streamed core would exceed the reader's limit; the rest is not read");
    public static readonly DiagnosticDescriptor StreamReadFailed = Define("FX3021", Error, InputProblem.Corrupt, "Reading a streamed core failed");

    // The core importer (FX4xxx).
    public static readonly DiagnosticDescriptor NotCore = Define("FX4001", Error, InputProblem.NotACapture, "An ELF file that is not a core dump (e_type is not ET_CORE)");
    public static readonly DiagnosticDescriptor UnsupportedMachine = Define("FX4002", Error, InputProblem.Unsupported, "e_machine is not EM_386 or EM_X86_64: only regions and mapped files are read");
    public static readonly DiagnosticDescriptor NonLinux = Define("FX4004", Warning, InputProblem.None, "Not a Linux process core as far as can be told (no CORE notes)");
    public static readonly DiagnosticDescriptor KernelDump = Define("FX4005", Error, InputProblem.Unsupported, "A kdump vmcore of the whole kernel, not a process core");
    public static readonly DiagnosticDescriptor ShortNote = Define("FX4006", Error, InputProblem.Corrupt, "A note is shorter than its type requires; ignored");
    public static readonly DiagnosticDescriptor FileNoteProblem = Define("FX4007", Error, InputProblem.Corrupt, "The NT_FILE note is malformed; what was readable is kept");
    public static readonly DiagnosticDescriptor FileEntriesOverlap = Define("FX4008", Error, InputProblem.Corrupt, "An NT_FILE entry overlaps another; mappings never do");
    public static readonly DiagnosticDescriptor FileEntryInvalid = Define("FX4009", Error, InputProblem.Corrupt, "An NT_FILE entry's range is empty or reversed");
    public static readonly DiagnosticDescriptor NoThreads = Define("FX4010", Warning, InputProblem.None, "The core has no readable NT_PRSTATUS note, so no threads");
    public static readonly DiagnosticDescriptor DuplicateNote = Define("FX4011", Warning, InputProblem.None, "A second note of a type that occurs once; the first is used");
    public static readonly DiagnosticDescriptor CoreTruncated = Define("FX4012", Error, InputProblem.Truncated, "The core is cut short: segment data is missing");
    public static readonly DiagnosticDescriptor ForeignSystemCore = Define("FX4013", Error, InputProblem.Unsupported, "A core of another system than Linux (notes named NetBSD-CORE, FreeBSD, OpenBSD; a foreign EI_OSABI)");

    // Normalisation and merging (FX5xxx).
    public static readonly DiagnosticDescriptor RegionsOutOfOrder = Define("FX5001", Warning, InputProblem.None, "A region starts below the region listed before it in the source");
    public static readonly DiagnosticDescriptor RegionsOverlap = Define("FX5002", Warning, InputProblem.None, "A region starts before the previous region (in address order) ends");
    public static readonly DiagnosticDescriptor MoreOmitted = Define("FX5003", Warning, InputProblem.None, "More diagnostics of one id than are listed one by one");
    public static readonly DiagnosticDescriptor ArchitectureContradiction = Define("FX5010", Warning, InputProblem.None, "The layout contradicts the architecture the importer set");
    public static readonly DiagnosticDescriptor MergeRangeMissing = Define("FX5020", Warning, InputProblem.None, "Merged sources: a range only one side has");
    public static readonly DiagnosticDescriptor MergeRangeBounds = Define("FX5021", Warning, InputProblem.None, "Merged sources: ranges that overlap with different bounds");
    public static readonly DiagnosticDescriptor MergePermissions = Define("FX5022", Warning, InputProblem.None, "Merged sources: different permissions for one range");
    public static readonly DiagnosticDescriptor MergeName = Define("FX5023", Warning, InputProblem.None, "Merged sources: different names for one range");
    public static readonly DiagnosticDescriptor MergeOffset = Define("FX5024", Warning, InputProblem.None, "Merged sources: different file offsets for one range");
    public static readonly DiagnosticDescriptor MergeFileIdentity = Define("FX5025", Warning, InputProblem.None, "Merged sources: different device or inode for one range");
    public static readonly DiagnosticDescriptor MergedInputDiagnostic = Define("FX5026", Info, InputProblem.None, "A diagnostic of an input merged into another capture, carried over (not reported at present)");
    public static readonly DiagnosticDescriptor ChangedBetweenCaptures = Define("FX5027", Info, InputProblem.None, "Merged sources: a private writable anonymous range that grew or appeared between a text capture and the core written after it (changed between captures)");
    public static readonly DiagnosticDescriptor KeptApartFromCore = Define("FX5028", Info, InputProblem.None, "A text capture beside a core of the same process is not merged with it: the range that kept them apart");

    // Crash containers: apport reports (FX60xx), minidumps (FX61xx).
    public static readonly DiagnosticDescriptor ApportNotAField = Define("FX6001", Warning, InputProblem.None, "An apport report line that is neither a Key: value field nor a continuation line");
    public static readonly DiagnosticDescriptor ApportFieldTooLong = Define("FX6002", Warning, InputProblem.None, "An apport field or line longer than its limit; the rest is not kept");
    public static readonly DiagnosticDescriptor ApportNoMaps = Define("FX6003", Warning, InputProblem.None, "ProcMaps holds no maps (apport wrote the error it met instead)");
    public static readonly DiagnosticDescriptor ApportBadBase64 = Define("FX6004", Error, InputProblem.Corrupt, "The base64 of CoreDump does not decode; the core ends there");
    public static readonly DiagnosticDescriptor ApportUnknownCoreEncoding = Define("FX6005", Error, InputProblem.Corrupt, "CoreDump is neither gzip, zlib, zstd nor ELF");
    public static readonly DiagnosticDescriptor ApportCoreTooLarge = Define("FX6006", Error, InputProblem.TooLarge, "CoreDump decompresses past its limit (a zip bomb); the rest is not read");
    public static readonly DiagnosticDescriptor ApportCoreDisagrees = Define("FX6007", Warning, InputProblem.None, "An apport field disagrees with the report's core (PID, signal)");
    public static readonly DiagnosticDescriptor ApportBadNumber = Define("FX6008", Warning, InputProblem.None, "An apport field that should hold a number does not");
    public static readonly DiagnosticDescriptor ApportNoCore = Define("FX6009", Warning, InputProblem.None, "CoreDump holds no core: no data, or a compression header alone (a report pasted without its core)");
    public static readonly DiagnosticDescriptor MinidumpBadHeader = Define("FX6101", Error, InputProblem.Corrupt, "The minidump header is cut short or its version is not 0xa793");
    public static readonly DiagnosticDescriptor MinidumpBadDirectory = Define("FX6102", Error, InputProblem.Corrupt, "The stream directory lies outside the file or holds more streams than the limit");
    public static readonly DiagnosticDescriptor MinidumpPastEnd = Define("FX6103", Error, InputProblem.Truncated, "A minidump stream, or a record it points at, extends past the end of the file");
    public static readonly DiagnosticDescriptor MinidumpBadCount = Define("FX6104", Error, InputProblem.Corrupt, "A minidump stream's record count or size does not fit it, or exceeds its limit");
    public static readonly DiagnosticDescriptor MinidumpBadContext = Define("FX6105", Warning, InputProblem.None, "A thread or exception context of an unexpected size");
    public static readonly DiagnosticDescriptor MinidumpUnsupportedCpu = Define("FX6106", Warning, InputProblem.None, "A minidump of another CPU than x86 and x86_64: threads keep their ids but no registers");
    public static readonly DiagnosticDescriptor MinidumpDuplicateStream = Define("FX6107", Warning, InputProblem.None, "A minidump stream type given twice; the first is read");
    public static readonly DiagnosticDescriptor MinidumpDuplicateModule = Define("FX6108", Info, InputProblem.None, "The same module listed twice in a minidump, kept as one");
    public static readonly DiagnosticDescriptor MinidumpTooLarge = Define("FX6109", Error, InputProblem.TooLarge, "A compressed minidump larger than the in-memory limit; only its start is read");
    public static readonly DiagnosticDescriptor MinidumpModuleOutsideMaps = Define("FX6110", Warning, InputProblem.None, "A minidump module whose base starts no mapping of its maps stream");
    public static readonly DiagnosticDescriptor AbrtItemNotRegular = Define("FX6201", Error, InputProblem.Corrupt, "An item of an ABRT problem directory that is a symbolic link or not a regular file: not followed, as libreport opens items with O_NOFOLLOW");
    public static readonly DiagnosticDescriptor AbrtItemEmpty = Define("FX6202", Warning, InputProblem.None, "An ABRT item that should hold data is empty (a coredump of 0 bytes)");
    public static readonly DiagnosticDescriptor AbrtItemTooLarge = Define("FX6203", Warning, InputProblem.None, "An ABRT text item larger than its limit: only its start is read");
    public static readonly DiagnosticDescriptor AbrtCoreNotElf = Define("FX6204", Error, InputProblem.Corrupt, "An ABRT coredump that is not an ELF core");
    public static readonly DiagnosticDescriptor AbrtBadBacktrace = Define("FX6205", Warning, InputProblem.None, "A core_backtrace that is neither satyr's JSON nor its old text form, or holds more frames than the limit");
    public static readonly DiagnosticDescriptor AbrtDisagrees = Define("FX6206", Warning, InputProblem.None, "An ABRT item disagrees with the problem directory's core (PID, signal)");
    public static readonly DiagnosticDescriptor AbrtMapsCut = Define("FX6207", Warning, InputProblem.None, "The maps item ends inside a line: maps collected through the journal are cut at its field limit");
    public static readonly DiagnosticDescriptor AbrtItemsSkipped = Define("FX6208", Info, InputProblem.None, "Items of an ABRT problem directory not read: subfolders (.libreport), or more items than the limit");
    public static readonly DiagnosticDescriptor CoredumpAttributes = Define("FX6301", Info, InputProblem.None, "A core file carries systemd-coredump's user.coredump.* extended attributes, read as facts");
    public static readonly DiagnosticDescriptor CoredumpAttributeBad = Define("FX6302", Warning, InputProblem.None, "A user.coredump.* extended attribute that is too long, or not the number it should be");

    // The .NET runtime annotation with ClrMD (FX7xxx).
    public static readonly DiagnosticDescriptor DumpUnreadable = Define("FX7001", Error, InputProblem.Corrupt, "ClrMD could not open the dump at all");
    public static readonly DiagnosticDescriptor RuntimeNotFound = Define("FX7002", Error, InputProblem.Corrupt, "ClrMD found no .NET runtime in the dump");
    public static readonly DiagnosticDescriptor DacNotFound = Define("FX7003", Error, InputProblem.Corrupt, "No data-access library (DAC) for the dump's runtime was found on this machine");
    public static readonly DiagnosticDescriptor DacVersionMismatch = Define("FX7004", Warning, InputProblem.None, "The DAC used is of a different runtime build than the dump's");
    public static readonly DiagnosticDescriptor RuntimeUnreadable = Define("FX7005", Error, InputProblem.Corrupt, "ClrMD could not build the runtime view: memory it needs is not in the dump");
    public static readonly DiagnosticDescriptor DumpTooLargeForMemory = Define("FX7006", Error, InputProblem.Corrupt, "A compressed dump was larger than the in-memory limit for random access");
    public static readonly DiagnosticDescriptor GcHeapMissing = Define("FX7007", Warning, InputProblem.None, "The dump holds no GC heap (a triage or mini dump)");
    public static readonly DiagnosticDescriptor RuntimePartlyUnreadable = Define("FX7008", Warning, InputProblem.None, "Part of the runtime could not be read; the rest was annotated");
    public static readonly DiagnosticDescriptor ModuleMissingFromCapture = Define("FX7010", Warning, InputProblem.None, "An image in ClrMD's module list is not in ours");
    public static readonly DiagnosticDescriptor ModuleMissingFromClrMD = Define("FX7011", Info, InputProblem.None, "An image in our module list is not in ClrMD's");
    public static readonly DiagnosticDescriptor ModuleSizeMismatch = Define("FX7012", Warning, InputProblem.None, "ClrMD and our module list disagree on an image's size");
    public static readonly DiagnosticDescriptor ModuleBuildIdMismatch = Define("FX7013", Warning, InputProblem.None, "ClrMD and our module list disagree on an image's build-id");
    public static readonly DiagnosticDescriptor ModulePathMismatch = Define("FX7014", Warning, InputProblem.None, "ClrMD and our module list disagree on an image's path");

    // Stack walking and symbols (Forensics.Symbols).
    public static readonly DiagnosticDescriptor SymbolFileBuildIdMismatch = Define("FX8001", Warning, InputProblem.None, "A file offered for a module has another build-id: it is not used, so no name comes from it");
    public static readonly DiagnosticDescriptor MalformedModuleFile = Define("FX8002", Warning, InputProblem.None, "A module file or its CFI is malformed (a lying entry length, an unknown opcode, an unreadable ELF, a DWARF expression stopped by its step or stack bound)");
    public static readonly DiagnosticDescriptor StackWalkStopped = Define("FX8003", Warning, InputProblem.None, "A thread's stack walk stopped early: a stack pointer that does not grow, or the frame limit");
    public static readonly DiagnosticDescriptor DebugLinkCrcMismatch = Define("FX8005", Warning, InputProblem.None, "A file found by a module's .gnu_debuglink name has another CRC-32: it is not used, so no name or line comes from it");
    public static readonly DiagnosticDescriptor DebuginfodGaveNoFile = Define("FX8006", Info, InputProblem.None, "debuginfod (asked with --debuginfod or --offline) gave no file for a module: not in its cache, not on its servers, or the network is off");
    public static readonly DiagnosticDescriptor ModuleFilesNotFound = Define("FX8004", Info, InputProblem.None, "No file with a matching build-id was found for modules on the stacks: their frames are module+offset");

    /// <summary>Every descriptor, in the order declared.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> All => Defined;

    /// <summary>The descriptor with <paramref name="id"/> (the first declared, should two share it); null when there is none.</summary>
    public static DiagnosticDescriptor? Find(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var byId = s_byId;
        if (byId is null)
        {
            byId = new Dictionary<string, DiagnosticDescriptor>(StringComparer.Ordinal);
            foreach (var descriptor in Defined)
                byId.TryAdd(descriptor.Id, descriptor);
            s_byId = byId;
        }
        return byId.GetValueOrDefault(id);
    }

    private static DiagnosticDescriptor Define(string id, DiagnosticSeverity defaultSeverity, InputProblem problem, string title)
    {
        var descriptor = new DiagnosticDescriptor(id, defaultSeverity, problem, title);
        Defined.Add(descriptor);
        return descriptor;
    }
}
