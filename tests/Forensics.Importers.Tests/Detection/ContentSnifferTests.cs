using Forensics.Importers.Detection;
using Forensics.TestSupport;

namespace Forensics.Importers.Tests.Detection;

public sealed class ContentSnifferTests
{
    [Theory]
    [InlineData("maps")]
    [InlineData("smaps")]
    [InlineData("pmap-x.txt")]
    [InlineData("gdb-mappings.txt")]
    public void Sample_text_captures_are_text(string file)
    {
        var bytes = File.ReadAllBytes(TestPaths.CorpusFile("sets", "set-hello", file));

        Assert.Equal(CompressionFormat.None, ContentSniffer.DetectCompression(bytes));
        Assert.Equal(ContentKind.Text, ContentSniffer.Sniff(bytes));
    }

    [Fact]
    public void Core_sample_is_elf()
    {
        var bytes = File.ReadAllBytes(TestPaths.CorpusFile("public", "cores", "lldb", "elf-core", "linux-i386.core"));

        Assert.Equal(ContentKind.Elf, ContentSniffer.Sniff(bytes));
    }

    [Fact]
    public void Random_bytes_are_binary()
    {
        var bytes = new byte[4096];
        new Random(1234).NextBytes(bytes);
        bytes[0] = 0x42; // Not a compression magic.

        Assert.Equal(CompressionFormat.None, ContentSniffer.DetectCompression(bytes));
        Assert.Equal(ContentKind.Binary, ContentSniffer.Sniff(bytes));
    }

    [Fact]
    public void Empty_input_is_empty() => Assert.Equal(ContentKind.Empty, ContentSniffer.Sniff([]));

    [Fact]
    public void Text_with_a_latin1_file_name_is_still_text()
    {
        var line = "7f1f1f1ab000-7f1f1f1ae000 r--p 00000000 fe:00 11665605                   /tmp/caf"u8.ToArray();

        Assert.Equal(ContentKind.Text, ContentSniffer.Sniff([.. line, 0xe9, (byte)'\n']));
    }

    [Fact]
    public void Text_starting_with_BZh_but_no_block_size_is_not_bzip2() =>
        Assert.Equal(CompressionFormat.None, ContentSniffer.DetectCompression("BZh is a prefix"u8));
}
