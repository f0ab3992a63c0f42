using System.Buffers.Binary;
using System.Globalization;
using Forensics.Importers.Budget;
using Forensics.Model;

namespace Forensics.Importers.Containers.Minidump;

internal sealed partial class MinidumpReader
{
    private const int SystemInfoSize = 56, ThreadSize = 48, ExceptionSize = 168, ModuleSize = 108, MemoryDescriptorSize = 16;
    /// <summary>The largest CONTEXT read: AMD64's is 1232 bytes, x86's 716 (with extended registers); ARM64's 912.</summary>
    private const int MaxContextSize = 4096;
    private const int MaxCodeViewSize = 1024;
    private const uint CodeViewElf = 0x4270454c, CodeViewPdb70 = 0x53445352; // "LEpB", "RSDS"
    private const uint MiscProcessIdValid = 1;

    private MinidumpSystemInfo? ReadSystemInfo(uint rva, uint size)
    {
        if (size < SystemInfoSize || Bytes(rva, SystemInfoSize, "system info") is not { } info)
            return null;
        var version = OsVersion(info, String(BinaryPrimitives.ReadUInt32LittleEndian(info.AsSpan(24)), "the OS version string"));
        return new MinidumpSystemInfo(BinaryPrimitives.ReadUInt16LittleEndian(info), info[6], BinaryPrimitives.ReadUInt32LittleEndian(info.AsSpan(20)), version);
    }

    /// <summary>
    /// Breakpad leaves the version numbers 0 and writes <c>uname</c> whole into the CSD string ("Linux 3.8.11 #1 SMP …");
    /// Crashpad writes the release's numbers apart and the rest of it into the string ("-17520-gcb634ab431cd #1 SMP …").
    /// </summary>
    private static string? OsVersion(byte[] info, string? text)
    {
        var (major, minor, build) = (BinaryPrimitives.ReadUInt32LittleEndian(info.AsSpan(8)), BinaryPrimitives.ReadUInt32LittleEndian(info.AsSpan(12)),
            BinaryPrimitives.ReadUInt32LittleEndian(info.AsSpan(16)));
        if (major == 0 && minor == 0 && build == 0)
            return text;
        var numbers = string.Create(CultureInfo.InvariantCulture, $"{major}.{minor}.{build}");
        return text is not { Length: > 0 } ? numbers : text[0] is '-' or '+' or '.' or '_' ? numbers + text : numbers + " " + text;
    }

    private void ReadThreads(MinidumpFile file, uint rva, uint size)
    {
        if (Count(rva, size, 4, ThreadSize, _limits.MaxThreads, "thread list") is not { } count
            || Bytes(rva + 4UL, count * ThreadSize, "thread list") is not { } threads)
            return;
        for (var index = 0; index < count; index++)
        {
            if (index % ReadBudget.EntriesPerCheck == 0)
                _budget.Check();
            var thread = threads.AsSpan(index * ThreadSize, ThreadSize);
            var context = Location(thread[40..], MaxContextSize, "a thread context");
            file.Threads.Add(new MinidumpThread(BinaryPrimitives.ReadUInt32LittleEndian(thread),
                BinaryPrimitives.ReadUInt64LittleEndian(thread[24..]), BinaryPrimitives.ReadUInt32LittleEndian(thread[32..]), context));
        }
    }

    private MinidumpException? ReadException(uint rva, uint size)
    {
        if (size < ExceptionSize || Bytes(rva, ExceptionSize, "exception stream") is not { } exception)
        {
            if (size < ExceptionSize)
                _diagnostics.Error(DiagnosticCatalogue.MinidumpBadCount, SourceLocation.AtOffset(rva), string.Create(CultureInfo.InvariantCulture,
                    $"exception stream of [{size}] bytes, less than the [{ExceptionSize}] of MINIDUMP_EXCEPTION_STREAM"));
            return null;
        }
        var span = exception.AsSpan();
        return new MinidumpException(BinaryPrimitives.ReadUInt32LittleEndian(span), BinaryPrimitives.ReadUInt32LittleEndian(span[8..]),
            BinaryPrimitives.ReadUInt32LittleEndian(span[12..]), BinaryPrimitives.ReadUInt64LittleEndian(span[24..]),
            Location(span[160..], MaxContextSize, "the exception context"));
    }

    private void ReadModules(MinidumpFile file, uint rva, uint size)
    {
        if (Count(rva, size, 4, ModuleSize, _limits.MaxModules, "module list") is not { } count
            || Bytes(rva + 4UL, count * ModuleSize, "module list") is not { } modules)
            return;
        for (var index = 0; index < count; index++)
        {
            if (index % 64 == 0)
                _budget.Check();
            var module = modules.AsSpan(index * ModuleSize, ModuleSize);
            var name = String(BinaryPrimitives.ReadUInt32LittleEndian(module[20..]), "a module name") ?? "";
            var (form, identifier) = CodeView(Location(module[76..], MaxCodeViewSize, "a CodeView record"));
            file.Modules.Add(new MinidumpModule(BinaryPrimitives.ReadUInt64LittleEndian(module),
                BinaryPrimitives.ReadUInt32LittleEndian(module[8..]), name, form, identifier));
        }
    }

    private static (string? Form, string? Identifier) CodeView(byte[]? record)
    {
        if (record is null || record.Length < 4)
            return (null, null);
        return BinaryPrimitives.ReadUInt32LittleEndian(record) switch
        {
            CodeViewElf when record.Length > 4 => ("LEpB", Convert.ToHexStringLower(record.AsSpan(4))),
            CodeViewPdb70 when record.Length >= 20 => ("RSDS", Convert.ToHexStringLower(record.AsSpan(4, 16))),
            _ => (null, null),
        };
    }

    private void ReadMemory(MinidumpFile file, uint rva, uint size, int entrySize, string what)
    {
        var is64 = what.StartsWith("memory64", StringComparison.Ordinal);
        var header = is64 ? 16 : 4;
        if (is64 && Bytes(rva, 8, what) is { } high && BinaryPrimitives.ReadUInt32LittleEndian(high.AsSpan(4)) != 0)
        {
            _diagnostics.Error(DiagnosticCatalogue.MinidumpBadCount, SourceLocation.AtOffset(rva), $"{what} declares more than 2^32 ranges");
            return;
        }
        if (Count(rva, size, header, entrySize, _limits.MaxMemoryRanges, what) is not { } count
            || Bytes(rva + (ulong)header, count * entrySize, what) is not { } ranges)
            return;
        for (var index = 0; index < count; index++)
        {
            if (index % ReadBudget.EntriesPerCheck == 0)
                _budget.Check();
            var range = ranges.AsSpan(index * entrySize, entrySize);
            var length = is64 ? BinaryPrimitives.ReadUInt64LittleEndian(range[8..]) : BinaryPrimitives.ReadUInt32LittleEndian(range[8..]);
            file.Memory.Add((BinaryPrimitives.ReadUInt64LittleEndian(range), length));
        }
    }

    private void ReadMiscInfo(MinidumpFile file, uint rva, uint size)
    {
        if (size < 12 || Bytes(rva, 12, "misc info") is not { } misc)
            return;
        if ((BinaryPrimitives.ReadUInt32LittleEndian(misc.AsSpan(4)) & MiscProcessIdValid) != 0)
            file.ProcessId = BinaryPrimitives.ReadUInt32LittleEndian(misc.AsSpan(8));
    }
}
