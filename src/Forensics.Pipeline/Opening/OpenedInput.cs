using Forensics.Importers.Budget;
using Forensics.Importers.Detection;
using Forensics.Model;

namespace Forensics.Pipeline.Opening;

/// <summary>
/// One input opened by <see cref="InputOpener"/>: the content under its compression layers, and the content's first
/// bytes (<see cref="Head"/>) that say what it is. Disposing it closes the file and every layer.
/// </summary>
public sealed class OpenedInput : IDisposable
{
    /// <summary>How many leading bytes are read to recognise compression and content.</summary>
    public const int HeadLength = 4096;

    /// <summary>A compressed file inside a compressed file is followed this deep.</summary>
    public const int MaxCompressionDepth = 2;

    private readonly Stream _file;
    private readonly List<Stream> _layers = [];
    private readonly Stream? _content;
    private int _reads;

    internal OpenedInput(Stream file, DiagnosticBag diagnostics)
    {
        _file = file;
        var head = ReadHead(file);
        _content = Unwrap(file, ref head, diagnostics, _layers);
        Head = head;
    }

    /// <summary>The content's first bytes (up to <see cref="HeadLength"/>), after the compression layers.</summary>
    public byte[] Head { get; }

    /// <summary>False when compression nests deeper than <see cref="MaxCompressionDepth"/>: the content is not read.</summary>
    public bool IsReadable => _content is not null;

    /// <summary>Whether at least one compression layer was unwrapped.</summary>
    public bool IsCompressed => _layers.Count > 0;

    /// <summary>
    /// The content from its start. A seekable content (a plain file) is rewound each time; a compressed one is
    /// unwrapped again from the start of the same file for a second reader (such as ClrMD after the importer), since
    /// keeping every decompressed core in case it is a .NET one would cost more memory than decompressing twice.
    /// </summary>
    public Stream Read()
    {
        if (_content is null)
            throw new InvalidOperationException("the content nests compression deeper than it is read");
        if (_reads++ == 0 || _content.CanSeek)
            return Rewind(_content, Head);
        _file.Position = 0;
        var head = ReadHead(_file);
        // Layers that opened once open again the same way; their diagnostics were reported with the first read.
        return Unwrap(_file, ref head, new DiagnosticBag(), _layers) is { } again ? Rewind(again, head) : Stream.Null;
    }

    /// <summary>
    /// Reads every compression layer to its end, innermost first, so that a stream that does not end whole and verify
    /// (its CRC, check or footer) says so in the diagnostics; false when one does not. The reading passes the
    /// checkpoints of <paramref name="budget"/>.
    /// </summary>
    public bool ReadToEnd(ReadBudget budget)
    {
        var whole = true;
        for (var index = _layers.Count - 1; index >= 0; index--)
            whole &= _layers[index] is not DecompressionStream decompressed || decompressed.ReadToEnd(budget);
        return whole;
    }

    public void Dispose()
    {
        for (var i = _layers.Count - 1; i >= 0; i--)
            _layers[i].Dispose();
        _file.Dispose();
    }

    /// <summary>
    /// Unwraps the compression layers that magic bytes show, leaving the content's first bytes in <paramref name="head"/>;
    /// null when they nest deeper than <see cref="MaxCompressionDepth"/>. Every stream opened goes to <paramref name="layers"/>.
    /// </summary>
    private static Stream? Unwrap(Stream content, ref byte[] head, DiagnosticBag diagnostics, List<Stream> layers)
    {
        for (var depth = 0; ContentSniffer.DetectCompression(head) is var format and not CompressionFormat.None; depth++)
        {
            if (depth == MaxCompressionDepth)
                return null;
            var decompressed = DecompressionStream.Open(Rewind(content, head), format, diagnostics);
            layers.Add(decompressed);
            content = decompressed;
            head = ReadHead(content);
        }
        return content;
    }

    private static byte[] ReadHead(Stream stream)
    {
        var buffer = new byte[HeadLength];
        var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        return read == buffer.Length ? buffer : buffer[..read];
    }

    /// <summary>The content from its start again: a seekable file is rewound, a stream replays the head it gave.</summary>
    private static Stream Rewind(Stream content, byte[] head)
    {
        if (content.CanSeek)
        {
            content.Position = 0;
            return content;
        }
        return new PrefixedStream(head, head.Length, content);
    }
}
