using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using Forensics.Model;

namespace Forensics.Importers.Containers.Minidump;

internal sealed partial class MinidumpReader
{
    /// <summary>MinidumpCrashpadInfo (crashpad minidump/minidump_extensions.h): version, report and client ids, then the
    /// process's simple annotations (a location descriptor at byte 36).</summary>
    private const int CrashpadInfoSize = 52, SimpleAnnotationsAt = 36, MaxAnnotations = 256;

    /// <summary>
    /// The process-wide simple annotations Crashpad keeps beside the dump (product, version, and what the embedder adds,
    /// as Chrome OS's board and builder path): a MinidumpSimpleStringDictionary of UTF-8 key and value strings.
    /// </summary>
    private void ReadCrashpadInfo(MinidumpFile file, uint rva, uint size)
    {
        if (size < CrashpadInfoSize || Bytes(rva, CrashpadInfoSize, "the Crashpad info") is not { } info)
            return;
        var dictionarySize = BinaryPrimitives.ReadUInt32LittleEndian(info.AsSpan(SimpleAnnotationsAt));
        var dictionary = BinaryPrimitives.ReadUInt32LittleEndian(info.AsSpan(SimpleAnnotationsAt + 4));
        if (dictionarySize == 0 || Count(dictionary, dictionarySize, 4, 8, MaxAnnotations, "the Crashpad annotations") is not { } count
            || Bytes(dictionary + 4UL, count * 8, "the Crashpad annotations") is not { } entries)
            return;
        for (var index = 0; index < count; index++)
        {
            var key = Utf8String(BinaryPrimitives.ReadUInt32LittleEndian(entries.AsSpan(index * 8)), "a Crashpad annotation key");
            var value = Utf8String(BinaryPrimitives.ReadUInt32LittleEndian(entries.AsSpan((index * 8) + 4)), "a Crashpad annotation value");
            if (key is { Length: > 0 } && value is not null)
                file.CrashpadAnnotations.Add((key, value));
        }
    }

    /// <summary>A MinidumpUTF8String: a 32-bit byte length, then UTF-8 (and a zero not counted).</summary>
    private string? Utf8String(uint rva, string what)
    {
        if (Bytes(rva, 4, what) is not { } lengthBytes)
            return null;
        var length = BinaryPrimitives.ReadUInt32LittleEndian(lengthBytes);
        if (length > (uint)_limits.MaxStringBytes)
        {
            _diagnostics.Warning(DiagnosticCatalogue.MinidumpBadCount, SourceLocation.AtOffset(rva), string.Create(CultureInfo.InvariantCulture,
                $"{what} declares [{length}] bytes, above the limit [{_limits.MaxStringBytes}]"));
            return null;
        }
        return Bytes(rva + 4UL, (int)length, what) is { } text ? Encoding.UTF8.GetString(text) : null;
    }
}
