using System.Buffers.Binary;
using System.Globalization;

namespace Forensics.Importers.Detection;

/// <summary>
/// Decompresses the LZ4 frame format (lz4_Frame_format.md, v1.6), which systemd-coredump writes with Compress=lz4 on
/// older systems: a frame header, blocks each compressed (LZ4 block format) or stored, an end mark; concatenated and
/// skippable frames are followed. Checksums (xxHash32) are not verified; damage that breaks the block format throws
/// <see cref="InvalidDataException"/>, which <see cref="DecompressionStream"/> reports.
/// </summary>
internal sealed class Lz4FrameStream(Stream compressed) : ForwardOnlyReadStream
{
    private const uint FrameMagic = 0x184d2204, SkippableMagic = 0x184d2a50, SkippableMask = 0xfffffff0;
    /// <summary>A match reaches at most 64 KiB back, into earlier blocks of a frame with linked blocks.</summary>
    private const int History = 64 << 10;

    private byte[] _window = [];
    private int _start, _end;
    private int _blockMaximum;
    private bool _blockChecksum, _contentChecksum, _inFrame, _finished;

    public override int Read(Span<byte> buffer)
    {
        while (_start == _end && !_finished)
            DecodeNext();
        var count = Math.Min(buffer.Length, _end - _start);
        _window.AsSpan(_start, count).CopyTo(buffer);
        _start += count;
        return count;
    }

    private void DecodeNext()
    {
        if (!_inFrame)
        {
            StartFrame();
            return;
        }
        var size = ReadUInt32();
        if (size == 0)
        {
            if (_contentChecksum)
                Skip(4);
            _inFrame = false;
            return;
        }
        var stored = (size & 0x8000_0000) != 0;
        var length = (int)(size & 0x7fff_ffff);
        if (length > _blockMaximum)
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"an LZ4 block of [{length}] bytes exceeds the frame's maximum [{_blockMaximum}]"));
        var block = new byte[length];
        compressed.ReadExactly(block);
        if (_blockChecksum)
            Skip(4);
        Slide();
        if (stored)
        {
            block.CopyTo(_window, _end);
            _end += length;
        }
        else
        {
            _end = DecodeBlock(block, _window, _end, _end + _blockMaximum);
        }
    }

    /// <summary>Keeps the last 64 KiB decoded, for matches of the next block, at the start of the window.</summary>
    private void Slide()
    {
        var keep = Math.Min(History, _end);
        if (_end > keep)
            _window.AsSpan(_end - keep, keep).CopyTo(_window);
        _start = _end = keep;
    }

    private void StartFrame()
    {
        var magic = TryReadUInt32();
        if (magic is null)
        {
            _finished = true;
            return;
        }
        if ((magic.Value & SkippableMask) == SkippableMagic)
        {
            Skip((int)Math.Min(ReadUInt32(), int.MaxValue));
            return;
        }
        if (magic != FrameMagic)
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"not an LZ4 frame: magic [0x{magic:x8}]"));
        Span<byte> descriptor = stackalloc byte[2];
        compressed.ReadExactly(descriptor);
        var flags = descriptor[0];
        if (flags >> 6 != 1)
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"LZ4 frame version [{flags >> 6}] is not 1"));
        _blockChecksum = (flags & 0x10) != 0;
        _contentChecksum = (flags & 0x04) != 0;
        _blockMaximum = ((descriptor[1] >> 4) & 7) switch
        {
            4 => 64 << 10, 5 => 256 << 10, 6 => 1 << 20, 7 => 4 << 20,
            var other => throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"LZ4 block maximum size code [{other}] is reserved")),
        };
        Skip(((flags & 0x08) != 0 ? 8 : 0) + ((flags & 0x01) != 0 ? 4 : 0) + 1); // content size, dictionary id, header checksum
        if (_window.Length < History + _blockMaximum)
            Array.Resize(ref _window, History + _blockMaximum);
        _inFrame = true;
    }

    /// <summary>Decodes one LZ4 block into <paramref name="output"/> from <paramref name="position"/>; returns the end.</summary>
    private static int DecodeBlock(ReadOnlySpan<byte> block, byte[] output, int position, int limit)
    {
        var input = 0;
        while (true)
        {
            if (input >= block.Length)
                throw new InvalidDataException("an LZ4 block ends before its last sequence");
            var token = block[input++];
            var literals = RunLength(block, ref input, token >> 4);
            if (literals > block.Length - input || literals > limit - position)
                throw new InvalidDataException("an LZ4 literal run extends past its block");
            block.Slice(input, literals).CopyTo(output.AsSpan(position));
            input += literals;
            position += literals;
            if (input == block.Length)
                return position; // The last sequence has literals only.
            if (block.Length - input < 2)
                throw new InvalidDataException("an LZ4 match offset is cut");
            var offset = BinaryPrimitives.ReadUInt16LittleEndian(block[input..]);
            input += 2;
            var match = RunLength(block, ref input, token & 0x0f) + 4;
            if (offset == 0 || offset > position || match > limit - position)
                throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"an LZ4 match at offset [{offset}] of length [{match}] lies outside the data"));
            // Byte by byte: a match may overlap the bytes it writes (a run).
            for (var index = 0; index < match; index++)
                output[position + index] = output[position - offset + index];
            position += match;
        }
    }

    private static int RunLength(ReadOnlySpan<byte> block, ref int input, int nibble)
    {
        var length = nibble;
        if (nibble != 15)
            return length;
        byte next;
        do
        {
            if (input >= block.Length)
                throw new InvalidDataException("an LZ4 length is cut");
            next = block[input++];
            length += next;
            if (length > 1 << 30)
                throw new InvalidDataException("an LZ4 length is larger than any block");
        }
        while (next == 255);
        return length;
    }

    private uint ReadUInt32() => TryReadUInt32() ?? throw new InvalidDataException("the LZ4 stream is cut short");

    /// <summary>The next 32-bit word; null at the end of the stream, before its first byte.</summary>
    private uint? TryReadUInt32()
    {
        Span<byte> bytes = stackalloc byte[4];
        var read = compressed.ReadAtLeast(bytes, 4, throwOnEndOfStream: false);
        if (read == 0)
            return null;
        if (read < 4)
            throw new InvalidDataException("the LZ4 stream is cut short");
        return BinaryPrimitives.ReadUInt32LittleEndian(bytes);
    }

    private void Skip(int count)
    {
        Span<byte> scratch = stackalloc byte[256];
        while (count > 0)
        {
            var read = compressed.Read(scratch[..Math.Min(count, scratch.Length)]);
            if (read == 0)
                throw new InvalidDataException("the LZ4 stream is cut short");
            count -= read;
        }
    }
}
