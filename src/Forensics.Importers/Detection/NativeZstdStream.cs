using System.Runtime.InteropServices;

namespace Forensics.Importers.Detection;

/// <summary>
/// Decompresses <c>.zst</c> through the system's libzstd, as <c>zstd -dc</c> does: concatenated and skippable frames,
/// each frame's checksum verified when it has one. Damage throws <see cref="InvalidDataException"/>, and so does input
/// that ends inside a frame. Where libzstd is missing, <see cref="IsAvailable"/> is false and the caller keeps the
/// managed decoder.
/// </summary>
internal sealed unsafe partial class NativeZstdStream : ForwardOnlyReadStream
{
    private const string Library = "libzstd.so.1";

    /// <summary>
    /// The largest window a frame may ask for, as a power of two: the decoder's memory, which the per-file allocation
    /// budget cannot see. 2^27 (128 MiB) is <c>zstd</c>'s own default limit; larger windows need <c>--long</c>.
    /// </summary>
    private const int WindowLogMax = 27;

    /// <summary><c>ZSTD_d_windowLogMax</c> of zstd.h.</summary>
    private const int WindowLogMaxParameter = 100;

    private static readonly Lazy<bool> Loaded = new(() => NativeLibrary.TryLoad(Library, out _));

    private readonly Stream _compressed;
    private const int InputBytes = 1 << 17;

    /// <summary>Native, not a pinned array: pinned arrays are collected with the oldest generation, and every compressed input makes one.</summary>
    private byte* _input = (byte*)NativeMemory.Alloc(InputBytes);
    private Buffer _in;
    private nint _context;
    private bool _inputEnded;

    /// <summary>Zero at a frame's end (or before the first); otherwise the frame is still being read.</summary>
    private nuint _lastResult;

    /// <summary>True when the system's libzstd can be loaded.</summary>
    public static bool IsAvailable => Loaded.Value;

    public NativeZstdStream(Stream compressed)
    {
        _compressed = compressed;
        _context = CreateContext();
        if (_context == 0)
            throw new InvalidDataException("zstd: out of memory");
        Check(SetParameter(_context, WindowLogMaxParameter, WindowLogMax));
        _in.Source = _input;
    }

    public override int Read(Span<byte> buffer)
    {
        if (buffer.IsEmpty)
            return 0;
        ObjectDisposedException.ThrowIf(_context == 0, this);
        fixed (byte* output = buffer)
        {
            var outBuffer = new Buffer { Source = output, Size = (nuint)buffer.Length, Position = 0 };
            while (true)
            {
                if (_in.Position == _in.Size && !_inputEnded)
                {
                    var read = _compressed.Read(new Span<byte>(_input, InputBytes));
                    _inputEnded = read == 0;
                    _in.Size = (nuint)read;
                    _in.Position = 0;
                }
                if (_in.Position == _in.Size && _inputEnded)
                {
                    if (outBuffer.Position > 0)
                        return (int)outBuffer.Position;
                    // Data the decoder holds back is flushed by a call with no input; a frame left open is truncated.
                    if (_lastResult == 0)
                        return 0;
                    _lastResult = Check(Decompress(_context, &outBuffer, ref _in));
                    if (outBuffer.Position > 0)
                        return (int)outBuffer.Position;
                    if (_lastResult != 0)
                        throw new InvalidDataException("the stream ends inside a zstd frame (truncated)");
                    return 0;
                }
                _lastResult = Check(Decompress(_context, &outBuffer, ref _in));
                if (outBuffer.Position == outBuffer.Size || (outBuffer.Position > 0 && _in.Position == _in.Size))
                    return (int)outBuffer.Position;
            }
        }
    }

    private static nuint Check(nuint result) =>
        IsError(result) != 0 ? throw new InvalidDataException("zstd: " + Marshal.PtrToStringUTF8(ErrorName(result))) : result;

    protected override void Dispose(bool disposing)
    {
        if (_context != 0)
        {
            FreeContext(_context);
            _context = 0;
        }
        NativeMemory.Free(_input);
        _input = null;
        base.Dispose(disposing);
    }

    ~NativeZstdStream() => Dispose(false);

    /// <summary><c>ZSTD_inBuffer</c> and <c>ZSTD_outBuffer</c>, which zstd.h lays out alike.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct Buffer
    {
        public byte* Source;
        public nuint Size;
        public nuint Position;
    }

    [LibraryImport(Library, EntryPoint = "ZSTD_createDCtx")]
    private static partial nint CreateContext();

    [LibraryImport(Library, EntryPoint = "ZSTD_freeDCtx")]
    private static partial nuint FreeContext(nint context);

    [LibraryImport(Library, EntryPoint = "ZSTD_DCtx_setParameter")]
    private static partial nuint SetParameter(nint context, int parameter, int value);

    [LibraryImport(Library, EntryPoint = "ZSTD_decompressStream")]
    private static partial nuint Decompress(nint context, Buffer* output, ref Buffer input);

    [LibraryImport(Library, EntryPoint = "ZSTD_isError")]
    private static partial uint IsError(nuint result);

    [LibraryImport(Library, EntryPoint = "ZSTD_getErrorName")]
    private static partial nint ErrorName(nuint result);
}
