using System.Globalization;
using System.Text;
using Forensics.Importers.Detection;
using Forensics.Model;

namespace Forensics.Benchmarks;

/// <summary>The maps of 2,000,000 anonymous lines that <c>tests/batch/make-large-maps.sh</c> writes, made in memory byte for byte the same.</summary>
internal static class LargeMapsInput
{
    public const int Lines = 2_000_000;

    /// <summary>The text's 98,000,000 UTF-8 bytes.</summary>
    public static byte[] Make()
    {
        var text = new StringBuilder(Lines * 49);
        var start = 0x7f0000000000UL;
        for (var i = 0; i < Lines; i++, start += 0x2000)
            text.Append(CultureInfo.InvariantCulture, $"{start:x}-{start + 0x1000:x} rw-p 00000000 00:00 0 \n");
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>The one capture of <paramref name="maps"/>, parsed as <c>analyze</c> does it.</summary>
    public static CaptureBuilder Import(byte[] maps) => TextDocumentImporter.ImportUtf8(maps).Single();
}
