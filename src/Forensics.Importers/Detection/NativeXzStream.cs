using System.Runtime.InteropServices;

namespace Forensics.Importers.Detection;

/// <summary>
/// Decompresses <c>.xz</c> through the system's liblzma, about three times as fast as the managed decoder. It reads
/// concatenated streams as <c>xz -dc</c> does and verifies every block's check, the index and the footer; damage
/// or truncation throws <see cref="InvalidDataException"/>. Where liblzma is missing, <see cref="IsAvailable"/> is
/// false and the caller keeps the managed decoder.
/// </summary>
internal sealed unsafe partial class NativeXzStream : ForwardOnlyReadStream
{
    private const string Library = "liblzma.so.5";

    /// <summary>
    /// The decoder's memory, which the per-file allocation budget cannot see: a header may ask for a dictionary of
    /// up to 1.5 GiB. <c>xz -9</c> needs 65 MiB to decode.
    /// </summary>
    private const ulong MemoryLimit = 256UL << 20;

    private const uint Concatenated = 0x08;
    private const int Run = 0, Finish = 3;

    private static readonly Lazy<bool> Loaded = new(() => NativeLibrary.TryLoad(Library, out _));

    /// <summary>
    /// Decoders finished with, kept for the next inputs (one per core at most): liblzma reuses a decoder's dictionary
    /// when it is set up again, where a new one maps it afresh (64 MiB for <c>xz -9</c>) and faults in every page it
    /// fills, a third of the page faults of a batch with 379 compressed cores. <see cref="ReleaseIdle"/> frees them.
    /// </summary>
    private static readonly Stack<nint> Idle = new();

    /// <summary>A decoder that filled more of its dictionary than this is freed rather than kept: it would hold that much memory idle.</summary>
    private const ulong MaxKeptOutput = 32UL << 20;

    private readonly Stream _compressed;
    private const int InputBytes = 1 << 16;

    /// <summary>Native, not a pinned array: pinned arrays are collected with the oldest generation, and every compressed input makes one.</summary>
    private byte* _input = (byte*)NativeMemory.Alloc(InputBytes);
    private LzmaStream* _stream;
    private bool _inputEnded;
    private bool _ended;

    /// <summary>True when the system's liblzma can be loaded.</summary>
    public static bool IsAvailable => Loaded.Value;

    public NativeXzStream(Stream compressed)
    {
        _compressed = compressed;
        lock (Idle)
            _stream = Idle.TryPop(out var idle) ? (LzmaStream*)idle : null;
        if (_stream is null)
            _stream = (LzmaStream*)NativeMemory.AllocZeroed((nuint)sizeof(LzmaStream));
        // A kept decoder may have stopped with input left, in a buffer since freed.
        _stream->NextIn = null;
        _stream->AvailIn = 0;
        var result = StreamDecoder(_stream, MemoryLimit, Concatenated);
        if (result != Result.Ok)
        {
            Release(keep: false);
            throw new InvalidDataException(Describe(result));
        }
    }

    public override int Read(Span<byte> buffer)
    {
        if (_ended || buffer.IsEmpty)
            return 0;
        ObjectDisposedException.ThrowIf(_stream is null, this);
        fixed (byte* output = buffer)
        {
            _stream->NextOut = output;
            _stream->AvailOut = (nuint)buffer.Length;
            while (true)
            {
                if (_stream->AvailIn == 0 && !_inputEnded)
                {
                    var read = _compressed.Read(new Span<byte>(_input, InputBytes));
                    _inputEnded = read == 0;
                    _stream->NextIn = _input;
                    _stream->AvailIn = (nuint)read;
                }
                var result = Code(_stream, _inputEnded ? Finish : Run);
                var produced = buffer.Length - (int)_stream->AvailOut;
                if (result == Result.StreamEnd)
                {
                    _ended = true;
                    return produced;
                }
                if (result != Result.Ok)
                    throw new InvalidDataException(Describe(result));
                if (produced > 0)
                    return produced;
            }
        }
    }

    private static string Describe(Result result) => result switch
    {
        Result.BufferError => "the stream ends before its footer (truncated)",
        Result.DataError => "the compressed data, a check, the index or the footer is damaged",
        Result.FormatError => "not an xz stream",
        Result.OptionsError => "the stream uses options this decoder does not support",
        Result.MemoryLimitError => $"decoding needs more than {MemoryLimit >> 20} MiB of memory",
        Result.MemoryError => "out of memory",
        _ => "liblzma error " + (int)result,
    };

    /// <summary>Frees the decoder, or with <paramref name="keep"/> leaves it to a next input when fewer than one a core are kept.</summary>
    private void Release(bool keep)
    {
        NativeMemory.Free(_input);
        _input = null;
        if (_stream is null)
            return;
        lock (Idle)
        {
            if (keep && _stream->TotalOut <= MaxKeptOutput && Idle.Count < Environment.ProcessorCount)
            {
                Idle.Push((nint)_stream);
                _stream = null;
                return;
            }
        }
        Free(_stream);
        _stream = null;
    }

    /// <summary>Frees the decoders kept for next inputs and their dictionaries.</summary>
    public static void ReleaseIdle()
    {
        lock (Idle)
        {
            while (Idle.TryPop(out var idle))
                Free((LzmaStream*)idle);
        }
    }

    private static void Free(LzmaStream* stream)
    {
        End(stream);
        NativeMemory.Free(stream);
    }

    protected override void Dispose(bool disposing)
    {
        // Not from the finalizer's thread, which would keep it for nothing.
        Release(keep: disposing);
        base.Dispose(disposing);
    }

    ~NativeXzStream() => Dispose(false);

    private enum Result
    {
        Ok = 0,
        StreamEnd = 1,
        MemoryError = 5,
        MemoryLimitError = 6,
        FormatError = 7,
        OptionsError = 8,
        DataError = 9,
        BufferError = 10,
    }

    /// <summary><c>lzma_stream</c> as liblzma 5 lays it out; zero is its initial state.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct LzmaStream
    {
        public byte* NextIn;
        public nuint AvailIn;
        public ulong TotalIn;
        public byte* NextOut;
        public nuint AvailOut;
        public ulong TotalOut;
        public nint Allocator;
        public nint Internal;
        public nint Reserved1, Reserved2, Reserved3, Reserved4;
        public ulong SeekPosition, Reserved6;
        public nuint Reserved7, Reserved8;
        public int ReservedEnum1, ReservedEnum2;
    }

    [LibraryImport(Library, EntryPoint = "lzma_stream_decoder")]
    private static partial Result StreamDecoder(LzmaStream* stream, ulong memoryLimit, uint flags);

    [LibraryImport(Library, EntryPoint = "lzma_code")]
    private static partial Result Code(LzmaStream* stream, int action);

    [LibraryImport(Library, EntryPoint = "lzma_end")]
    private static partial void End(LzmaStream* stream);
}
