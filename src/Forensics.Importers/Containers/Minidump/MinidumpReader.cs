using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using Forensics.Elf;
using Forensics.Importers.Budget;
using Forensics.Model;

namespace Forensics.Importers.Containers.Minidump;

/// <summary>
/// Reads a minidump's header, stream directory and the streams this tool uses, in the layouts of minidumpapiset.h and
/// Breakpad's minidump_format.h. Every RVA and size is checked against the file before it is read and every count
/// against its limit and the stream's size, so a lying directory gives diagnostics and what could be read.
/// </summary>
internal sealed partial class MinidumpReader
{
    private const uint Signature = 0x504d444d; // "MDMP"
    private const ushort Version = 0xa793;
    private const int HeaderSize = 32, DirectoryEntrySize = 12;

    private readonly IByteSource _source;
    private readonly ulong _length;
    private readonly MinidumpLimits _limits;
    private readonly ReadBudget _budget;
    private readonly DiagnosticBag _diagnostics;

    private MinidumpReader(IByteSource source, ulong length, MinidumpLimits limits, ReadBudget budget, DiagnosticBag diagnostics)
    {
        _source = source;
        _length = length;
        _limits = limits;
        _budget = budget;
        _diagnostics = diagnostics;
    }

    public static MinidumpFile Read(IByteSource source, ulong length, MinidumpLimits limits, ReadBudget budget, DiagnosticBag diagnostics) =>
        new MinidumpReader(source, length, limits, budget, diagnostics).Read();

    private MinidumpFile Read()
    {
        var file = new MinidumpFile();
        if (Bytes(0, HeaderSize, "the header") is not { } header)
            return file;
        var version = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(4));
        if (BinaryPrimitives.ReadUInt32LittleEndian(header) != Signature || (ushort)version != Version)
        {
            _diagnostics.Error(DiagnosticCatalogue.MinidumpBadHeader, SourceLocation.AtOffset(0),
                string.Create(CultureInfo.InvariantCulture, $"not a minidump header: signature and version [{Convert.ToHexStringLower(header.AsSpan(0, 8))}]"));
            return file;
        }
        var count = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(8));
        var directory = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(12));
        file.TimeDateStamp = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(20));
        if (count > (uint)_limits.MaxStreams)
        {
            _diagnostics.Error(DiagnosticCatalogue.MinidumpBadDirectory, SourceLocation.AtOffset(8), string.Create(CultureInfo.InvariantCulture,
                $"the header declares [{count}] streams, more than the limit [{_limits.MaxStreams}]"));
            return file;
        }
        if (Bytes(directory, (int)count * DirectoryEntrySize, "the stream directory") is not { } entries)
            return file;
        var seen = new HashSet<uint>();
        for (var index = 0; index < (int)count; index++)
        {
            var entry = entries.AsSpan(index * DirectoryEntrySize);
            var type = BinaryPrimitives.ReadUInt32LittleEndian(entry);
            var size = BinaryPrimitives.ReadUInt32LittleEndian(entry[4..]);
            var rva = BinaryPrimitives.ReadUInt32LittleEndian(entry[8..]);
            if (type == 0)
                continue; // UnusedStream
            file.StreamTypes.Add(type);
            if (!seen.Add(type))
            {
                _diagnostics.Warning(DiagnosticCatalogue.MinidumpDuplicateStream, SourceLocation.AtOffset(directory + ((ulong)index * DirectoryEntrySize)),
                    string.Create(CultureInfo.InvariantCulture, $"stream type [0x{type:x}] is listed again; the first is read"));
                continue;
            }
            _budget.CheckAtOffset(rva);
            ReadStream(file, type, rva, size);
        }
        return file;
    }

    private void ReadStream(MinidumpFile file, uint type, uint rva, uint size)
    {
        switch (type)
        {
            case MinidumpStreamTypes.SystemInfo:
                file.System = ReadSystemInfo(rva, size);
                break;
            case MinidumpStreamTypes.ThreadList:
                ReadThreads(file, rva, size);
                break;
            case MinidumpStreamTypes.Exception:
                file.Exception = ReadException(rva, size);
                break;
            case MinidumpStreamTypes.ModuleList:
                ReadModules(file, rva, size);
                break;
            case MinidumpStreamTypes.MemoryList:
                ReadMemory(file, rva, size, 16, "memory list");
                break;
            case MinidumpStreamTypes.Memory64List:
                ReadMemory(file, rva, size, 16, "memory64 list");
                break;
            case MinidumpStreamTypes.MiscInfo:
                ReadMiscInfo(file, rva, size);
                break;
            case MinidumpStreamTypes.CrashpadInfo:
                ReadCrashpadInfo(file, rva, size);
                break;
            case MinidumpStreamTypes.LinuxMaps or MinidumpStreamTypes.LinuxProcStatus or MinidumpStreamTypes.LinuxCmdLine
                or MinidumpStreamTypes.LinuxEnviron or MinidumpStreamTypes.LinuxAuxv or MinidumpStreamTypes.LinuxLsbRelease:
                if (size > (uint)_limits.MaxTextStreamBytes)
                {
                    _diagnostics.Warning(DiagnosticCatalogue.MinidumpBadCount, SourceLocation.AtOffset(rva), string.Create(CultureInfo.InvariantCulture,
                        $"stream [0x{type:x}] of [{size}] bytes is larger than the limit [{_limits.MaxTextStreamBytes}]; not read"));
                    break;
                }
                if (Bytes(rva, (int)size, string.Create(CultureInfo.InvariantCulture, $"stream [0x{type:x}]")) is { } bytes)
                    file.LinuxStreams[type] = bytes;
                break;
        }
    }

    /// <summary>
    /// <paramref name="count"/> bytes at <paramref name="offset"/>, or null with a diagnostic naming <paramref name="what"/>
    /// when they do not all lie within the file.
    /// </summary>
    private byte[]? Bytes(ulong offset, int count, string what)
    {
        if (count < 0 || offset > _length || (ulong)count > _length - offset)
        {
            _diagnostics.Error(DiagnosticCatalogue.MinidumpPastEnd, SourceLocation.AtOffset(offset), string.Create(CultureInfo.InvariantCulture,
                $"{what} [0x{offset:x}+0x{count:x}] extends past the end of the file [0x{_length:x}]"));
            return null;
        }
        var bytes = new byte[count];
        if (_source.Read(offset, bytes) != count)
        {
            _diagnostics.Error(DiagnosticCatalogue.MinidumpPastEnd, SourceLocation.AtOffset(offset), string.Create(CultureInfo.InvariantCulture,
                $"{what} [0x{offset:x}+0x{count:x}] could not be read whole"));
            return null;
        }
        return bytes;
    }

    /// <summary>
    /// The record count that starts a list stream, checked against <paramref name="limit"/> and against the stream's size
    /// (<paramref name="header"/> bytes, then <paramref name="entrySize"/> per record); null with a diagnostic when it lies.
    /// </summary>
    private int? Count(uint rva, uint size, int header, int entrySize, int limit, string what)
    {
        if (Bytes(rva, 4, what) is not { } bytes)
            return null;
        var count = BinaryPrimitives.ReadUInt32LittleEndian(bytes);
        var fits = size < header ? 0 : (size - (uint)header) / (uint)entrySize;
        if (count > fits || count > (uint)limit)
        {
            _diagnostics.Error(DiagnosticCatalogue.MinidumpBadCount, SourceLocation.AtOffset(rva), string.Create(CultureInfo.InvariantCulture,
                $"{what} declares [{count}] records but its [{size}] bytes hold [{fits}] (limit [{limit}]); [{Math.Min(fits, (uint)limit)}] are read"));
            count = Math.Min(fits, (uint)limit);
        }
        return (int)count;
    }

    /// <summary>A MINIDUMP_STRING: a 32-bit byte length, then UTF-16LE.</summary>
    private string? String(uint rva, string what)
    {
        if (Bytes(rva, 4, what) is not { } lengthBytes)
            return null;
        var length = BinaryPrimitives.ReadUInt32LittleEndian(lengthBytes);
        if (length > (uint)_limits.MaxStringBytes || length % 2 != 0)
        {
            _diagnostics.Warning(DiagnosticCatalogue.MinidumpBadCount, SourceLocation.AtOffset(rva), string.Create(CultureInfo.InvariantCulture,
                $"{what} declares [{length}] bytes (odd, or above the limit [{_limits.MaxStringBytes}])"));
            return null;
        }
        return Bytes(rva + 4UL, (int)length, what) is { } text ? Encoding.Unicode.GetString(text) : null;
    }

    /// <summary>A MINIDUMP_LOCATION_DESCRIPTOR's bytes: size, then RVA.</summary>
    private byte[]? Location(ReadOnlySpan<byte> descriptor, int maxSize, string what)
    {
        var size = BinaryPrimitives.ReadUInt32LittleEndian(descriptor);
        var rva = BinaryPrimitives.ReadUInt32LittleEndian(descriptor[4..]);
        if (size == 0)
            return null;
        if (size > (uint)maxSize)
        {
            _diagnostics.Warning(DiagnosticCatalogue.MinidumpBadContext, SourceLocation.AtOffset(rva), string.Create(CultureInfo.InvariantCulture,
                $"{what} declares [{size}] bytes, more than the [{maxSize}] it may hold"));
            return null;
        }
        return Bytes(rva, (int)size, what);
    }
}
