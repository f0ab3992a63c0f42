using System.Runtime.InteropServices;

namespace Forensics.Symbols.ModuleFiles;

/// <summary>
/// Decodes a small xz stream held whole in memory (a <c>.gnu_debugdata</c> section) through the system's liblzma in
/// one call, <c>lzma_stream_buffer_decode</c>, with the decoder's memory and the output both capped. The streaming
/// decoder of the core importers reads files of gigabytes; this one needs no stream, and Symbols does not reference
/// the importers.
/// </summary>
internal static unsafe partial class XzSectionDecoder
{
    private const string Library = "liblzma.so.5";

    /// <summary>
    /// The decoder's memory, which a header may ask up to 1.5 GiB of: <c>xz -9</c> (64 MiB dictionary) needs 65 MiB,
    /// the default preset 9 MiB.
    /// </summary>
    private const ulong MemoryLimit = 96UL << 20;

    private const int Ok = 0, StreamEnd = 1, MemoryLimitError = 6, BufferError = 10;

    private static readonly Lazy<bool> Loaded = new(() => NativeLibrary.TryLoad(Library, out _));

    /// <summary>The decoded bytes, or null with <paramref name="problem"/> saying why (damage, a limit, no liblzma).</summary>
    public static byte[]? TryDecode(ReadOnlySpan<byte> compressed, long maxOutputBytes, out string? problem)
    {
        problem = null;
        if (!Loaded.Value)
        {
            problem = $"[{Library}] cannot be loaded";
            return null;
        }
        // Start at sixteen times the input (MiniDebugInfo compresses about 4:1) and double up to the cap.
        var size = (int)Math.Min(maxOutputBytes, Math.Max(4096L, compressed.Length * 16L));
        while (true)
        {
            var output = new byte[size];
            var memoryLimit = MemoryLimit;
            nuint inputPosition = 0, outputPosition = 0;
            int result;
            fixed (byte* input = compressed)
            fixed (byte* target = output)
            {
                result = StreamBufferDecode(&memoryLimit, 0, 0, input, &inputPosition, (nuint)compressed.Length, target, &outputPosition, (nuint)output.Length);
            }
            if (result is Ok or StreamEnd)
                return output.AsSpan(0, (int)outputPosition).ToArray();
            if (result == BufferError && outputPosition == (nuint)output.Length && size < maxOutputBytes)
            {
                size = (int)Math.Min(maxOutputBytes, size * 2L);
                continue;
            }
            problem = result switch
            {
                BufferError when outputPosition == (nuint)output.Length => $"decodes to more than [{maxOutputBytes}] bytes",
                BufferError => "the xz stream is truncated",
                MemoryLimitError => $"decoding needs more than [{MemoryLimit >> 20}] MiB of memory",
                _ => $"not a valid xz stream (liblzma error [{result}])",
            };
            return null;
        }
    }

    [LibraryImport(Library, EntryPoint = "lzma_stream_buffer_decode")]
    private static partial int StreamBufferDecode(ulong* memoryLimit, uint flags, nint allocator, byte* input, nuint* inputPosition,
        nuint inputSize, byte* output, nuint* outputPosition, nuint outputSize);
}
