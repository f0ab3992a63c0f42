using System.Buffers.Binary;
using System.Text;

namespace Forensics.BatchGenerator;

/// <summary>The damaged files a real batch contains: cut copies, random bytes, empty files, a garbled line, a core cut inside its notes.</summary>
internal static class BrokenInputMaker
{
    private const uint PtNote = 4;

    public static (string Kind, byte[] Bytes) Make(CorpusTemplates corpus, ref SplitMix64 random)
    {
        var group = corpus.TextByFormat[random.Next(corpus.TextByFormat.Count)];
        var template = group[random.Next(group.Count)];
        switch (random.Next(6))
        {
            case 0:
                return ("truncated", Truncated(TextCaptureMutator.Mutate(template.Text, ref random), ref random));
            case 1:
                var bytes = new byte[random.Between(256, 8192)];
                for (var i = 0; i < bytes.Length; i++)
                    bytes[i] = (byte)random.NextUInt64();
                return ("random", bytes);
            case 2:
                return ("empty", []);
            case 3:
                return ("corrupted-line", CorruptedLine(TextCaptureMutator.Mutate(template.Text, ref random), ref random));
            case 4:
                return ("core-cut-in-notes", CoreCutInNotes(corpus.PickCore(ref random).Raw, ref random));
            default:
                var core = corpus.PickCore(ref random).Stored;
                return ("compressed-core-cut", core[..(int)random.Between(core.Length / 4, core.Length * 3 / 4)]);
        }
    }

    /// <summary>Cut in the middle of a line, never at a line end.</summary>
    private static byte[] Truncated(string text, ref SplitMix64 random)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var cut = (int)random.Between(bytes.Length / 10, bytes.Length * 9 / 10);
        while (cut > 1 && bytes[cut - 1] == (byte)'\n')
            cut--;
        return bytes[..cut];
    }

    /// <summary>One region line with a character of its address range replaced by a non-hex letter.</summary>
    private static byte[] CorruptedLine(string text, ref SplitMix64 random)
    {
        var lines = text.Split('\n');
        var rows = RegionRowParser.Parse(lines);
        if (rows.Count > 0)
        {
            var row = rows[random.Next(rows.Count)];
            var line = lines[row.Line];
            var at = row.StartField.Index + random.Next(row.StartField.Length);
            lines[row.Line] = string.Concat(line.AsSpan(0, at), "z", line.AsSpan(at + 1));
        }
        return Encoding.UTF8.GetBytes(string.Join('\n', lines));
    }

    /// <summary>A 64-bit little-endian core cut at a point inside its PT_NOTE segment (the corpus cores are all x86_64).</summary>
    private static byte[] CoreCutInNotes(byte[] core, ref SplitMix64 random)
    {
        var programHeaders = (long)BinaryPrimitives.ReadUInt64LittleEndian(core.AsSpan(0x20));
        var entrySize = BinaryPrimitives.ReadUInt16LittleEndian(core.AsSpan(0x36));
        var count = BinaryPrimitives.ReadUInt16LittleEndian(core.AsSpan(0x38));
        for (var i = 0; i < count; i++)
        {
            var header = core.AsSpan((int)(programHeaders + i * entrySize));
            if (BinaryPrimitives.ReadUInt32LittleEndian(header) != PtNote)
                continue;
            var offset = (long)BinaryPrimitives.ReadUInt64LittleEndian(header[8..]);
            var size = (long)BinaryPrimitives.ReadUInt64LittleEndian(header[32..]);
            return core[..(int)(offset + random.Between(16, Math.Max(16, size - 16)))];
        }
        throw new InvalidDataException("corpus core without PT_NOTE");
    }
}
