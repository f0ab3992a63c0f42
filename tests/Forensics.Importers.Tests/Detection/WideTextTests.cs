using System.Text;
using Forensics.Importers.Detection;
using Forensics.Model;
using Forensics.Pipeline;
using Forensics.Pipeline.Importing;
using Forensics.TestSupport;

namespace Forensics.Importers.Tests.Detection;

/// <summary>
/// Issue 13, point 9: a maps file saved as UTF-16 or UTF-32 (a Windows shell redirect writes UTF-16LE with a byte
/// order mark) is read as the same capture as its UTF-8 original, with or without the mark.
/// </summary>
public sealed class WideTextTests
{
    private static readonly string Maps = File.ReadAllText(TestPaths.CorpusFile("sets", "set-hello", "maps"));

    public static TheoryData<string, bool> Encodings => new()
    {
        { "utf-16", true }, { "utf-16", false }, { "utf-16BE", true }, { "utf-16BE", false },
        { "utf-32", true }, { "utf-32", false }, { "utf-32BE", true }, { "utf-32BE", false },
    };

    private static byte[] Encode(string text, string name, bool mark)
    {
        var encoding = Encoding.GetEncoding(name);
        return [.. mark ? encoding.GetPreamble() : [], .. encoding.GetBytes(text)];
    }

    [Theory]
    [MemberData(nameof(Encodings))]
    public void Wide_text_is_text_in_its_encoding(string name, bool mark)
    {
        var bytes = Encode(Maps, name, mark);

        Assert.Equal(ContentKind.Text, ContentSniffer.Sniff(bytes));
        var (encoding, markLength) = ContentSniffer.DetectWideText(bytes)!.Value;
        Assert.Equal(Encoding.GetEncoding(name).WebName, encoding.WebName);
        Assert.Equal(mark ? Encoding.GetEncoding(name).GetPreamble().Length : 0, markLength);
    }

    [Fact]
    public void Utf8_text_and_binary_with_zero_bytes_are_not_wide_text()
    {
        var binary = new byte[1024];
        for (var index = 0; index < binary.Length; index += 2)
            binary[index] = (byte)(index % 7);
        Assert.Null(ContentSniffer.DetectWideText(Encoding.UTF8.GetBytes(Maps)));
        Assert.Null(ContentSniffer.DetectWideText(binary));
        Assert.Equal(ContentKind.Binary, ContentSniffer.Sniff(binary));
    }

    [Fact]
    public void Wide_captures_import_as_their_utf8_original_and_the_rest_of_the_batch_is_whole()
    {
        using var folder = new TemporaryFolder();
        folder.Write("utf8.maps", Encoding.UTF8.GetBytes(Maps));
        folder.Write("utf16.maps", Encode(Maps, "utf-16", mark: true));
        folder.Write("utf16be-no-mark.maps", Encode(Maps, "utf-16BE", mark: false));
        folder.Write("utf32.maps.gz", Compressors.Gzip(Encode(Maps, "utf-32", mark: true)));

        var batch = new BatchImporter(new ImportOptions { MergeInstances = false }).Import([folder.Path]);

        var expected = Assert.Single(batch.Captures, c => c.InputPath == "utf8.maps").Regions.Select(r => (r.Start, r.End, r.Name, r.Permissions));
        foreach (var path in new[] { "utf16.maps", "utf16be-no-mark.maps", "utf32.maps.gz" })
        {
            Assert.Equal(InputStatus.Ok, Assert.Single(batch.Inputs, i => i.Path == path).Status);
            var capture = Assert.Single(batch.Captures, c => c.InputPath == path);
            Assert.Equal(expected, capture.Regions.Select(r => (r.Start, r.End, r.Name, r.Permissions)));
            Assert.Contains(capture.Diagnostics.Items, d => d.Id == DiagnosticCatalogue.WideText.Id);
        }
        Assert.Equal(InputStatus.Ok, Assert.Single(batch.Inputs, i => i.Path == "utf8.maps").Status);
    }
}
