using System.Globalization;
using Forensics.Importers.Detection;
using Forensics.Model;

namespace Forensics.Importers.Containers.Apport;

/// <summary>
/// The bytes of a binary apport field (<c>CoreDump: base64</c>), decoded as they are read. Each continuation line is
/// its own padded base64 block (problem_report.py encodes every compressed block apart), so lines are decoded one by
/// one and never joined; the stream ends at the first line that does not start with a space. A character outside the
/// base64 alphabet, or a line whose length is not a multiple of four, ends the stream with <see cref="Problem"/> set.
/// </summary>
internal sealed class Base64LinesStream(ReportLineReader reader) : ForwardOnlyReadStream
{
    private readonly byte[] _quad = new byte[4];
    private readonly byte[] _decoded = new byte[3];
    private byte[] _replay = [];
    private int _replayPosition;
    private int _quadLength, _decodedPosition, _decodedLength;
    private bool _atLineStart = true, _ended, _paddingSeen;

    /// <summary>What ended the stream early, at its line; null while the field decodes cleanly.</summary>
    public Diagnostic? Problem { get; private set; }

    /// <summary>The line of the field's key.</summary>
    public int StartLine { get; } = reader.Line - 1;

    /// <summary>Decoded bytes handed out so far.</summary>
    public long DecodedBytes { get; private set; }

    /// <summary>
    /// The first <paramref name="count"/> decoded bytes (fewer when the field is shorter), which the next reads give
    /// again; called before any read, to recognise the compression.
    /// </summary>
    public ReadOnlySpan<byte> Head(int count)
    {
        if (DecodedBytes != 0 || _replay.Length != 0)
            throw new InvalidOperationException("The head is read before anything else.");
        var head = new byte[count];
        var length = this.ReadAtLeast(head, count, throwOnEndOfStream: false);
        DecodedBytes = 0;
        _replay = head[..length];
        return _replay;
    }

    public override int Read(Span<byte> buffer)
    {
        var written = 0;
        if (_replayPosition < _replay.Length)
        {
            written = Math.Min(buffer.Length, _replay.Length - _replayPosition);
            _replay.AsSpan(_replayPosition, written).CopyTo(buffer);
            _replayPosition += written;
        }
        while (written < buffer.Length)
        {
            if (_decodedPosition < _decodedLength)
            {
                var count = Math.Min(_decodedLength - _decodedPosition, buffer.Length - written);
                _decoded.AsSpan(_decodedPosition, count).CopyTo(buffer[written..]);
                _decodedPosition += count;
                written += count;
                continue;
            }
            if (!DecodeNextQuad())
                break;
        }
        DecodedBytes += written;
        return written;
    }

    /// <summary>Skips the field's remaining lines undecoded, so that the report's next field can be read.</summary>
    public void SkipRest()
    {
        if (!_atLineStart)
            reader.SkipLine();
        while (reader.Peek() == ' ')
            reader.SkipLine();
        _ended = true;
    }

    private bool DecodeNextQuad()
    {
        while (!_ended)
        {
            if (_atLineStart)
            {
                if (reader.Peek() != ' ')
                {
                    _ended = true;
                    return false;
                }
                reader.Read();
                _atLineStart = false;
                _paddingSeen = false;
            }
            var line = reader.Line;
            var value = reader.Read();
            if (value is -1 or '\n')
            {
                _atLineStart = true;
                if (_quadLength != 0)
                    return Fail(line, $"a base64 line ends inside a block of four characters ([{_quadLength}] left over)");
                if (value == -1)
                    _ended = true;
                continue;
            }
            if (value == '\r')
                continue;
            if (!IsBase64(value) || (_paddingSeen && value != '='))
                return Fail(line, string.Create(CultureInfo.InvariantCulture, $"byte [0x{value:x2}] is not base64"));
            _paddingSeen |= value == '=';
            _quad[_quadLength++] = (byte)value;
            if (_quadLength == 4)
            {
                _quadLength = 0;
                if (!Decode(line))
                    return false;
                if (_decodedLength > 0)
                    return true;
            }
        }
        return false;
    }

    private bool Decode(int line)
    {
        if (Convert.TryFromBase64Chars(
                [(char)_quad[0], (char)_quad[1], (char)_quad[2], (char)_quad[3]], _decoded, out var length))
        {
            _decodedPosition = 0;
            _decodedLength = length;
            return true;
        }
        return Fail(line, $"[{System.Text.Encoding.ASCII.GetString(_quad)}] is not a valid base64 block");
    }

    private bool Fail(int line, string reason)
    {
        _ended = true;
        _decodedLength = _decodedPosition = 0;
        Problem = new Diagnostic(DiagnosticCatalogue.ApportBadBase64, DiagnosticSeverity.Error,
            string.Create(CultureInfo.InvariantCulture, $"the base64 field stops decoding after [{DecodedBytes}] bytes: {reason}"),
            SourceLocation.AtLine(line));
        return false;
    }

    private static bool IsBase64(int value) =>
        value is >= 'A' and <= 'Z' or >= 'a' and <= 'z' or >= '0' and <= '9' or '+' or '/' or '=';
}
