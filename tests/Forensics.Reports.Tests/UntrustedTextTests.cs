using Forensics.Reports.Escaping;

namespace Forensics.Reports.Tests;

public sealed class UntrustedTextTests
{
    [Theory]
    [InlineData("a|b", "a\\|b")]
    [InlineData("`rm -rf`", "\\`rm -rf\\`")]
    [InlineData("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;")]
    [InlineData("[x](http://e)", "\\[x\\](http\\://e)")]
    [InlineData("![img](http://e/i.png)", "\\!\\[img\\](http\\://e/i.png)")]
    [InlineData("line\\012break", "line\\\\012break")]
    [InlineData("line\nbreak", "line\\\\nbreak")]
    [InlineData("a\r\nb\tc", "a\\\\r\\\\nb\\\\tc")]
    [InlineData("=cmd|x", "\\=cmd\\|x")]
    [InlineData("# heading", "\\# heading")]
    [InlineData("- item", "\\- item")]
    [InlineData("1. item", "1\\. item")]
    [InlineData("*em* _em_ ~~del~~", "\\*em\\* \\_em\\_ \\~\\~del\\~\\~")]
    [InlineData("www.example.com", "www\\.example.com")]
    [InlineData("user@example.com", "user\\@example.com")]
    [InlineData("a\u202eb\u200bc\u0007d", "a\\\\u202eb\\\\u200bc\\\\u0007d")]
    [InlineData("/usr/lib/x86_64-linux-gnu/libc.so.6", "/usr/lib/x86\\_64-linux-gnu/libc.so.6")]
    [InlineData("&amp;", "&amp;amp;")]
    public void Markdown_escaping_renders_hostile_text_inert(string text, string expected) =>
        Assert.Equal(expected, UntrustedText.Markdown(text));

    [Fact]
    public void Markdown_escaping_leaves_no_raw_pipe_newline_or_angle_bracket()
    {
        foreach (var name in HostileCaptures.Names)
        {
            var escaped = UntrustedText.Markdown(name);
            Assert.DoesNotContain('\n', escaped);
            Assert.DoesNotContain('<', escaped);
            for (var i = escaped.IndexOf('|', StringComparison.Ordinal); i >= 0; i = escaped.IndexOf('|', i + 1))
                Assert.Equal('\\', escaped[i - 1]);
        }
    }

    [Theory]
    [InlineData("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0")]
    [InlineData("+1+cmd", "'+1+cmd")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\uff1dcmd|' /C calc'!A0", "'\uff1dcmd|' /C calc'!A0")]
    [InlineData("\uff20SUM(A1)", "'\uff20SUM(A1)")]
    [InlineData("\tx", "\\tx")]
    [InlineData("\rx", "\\rx")]
    [InlineData("/tmp/\u001b]0;pwned\u0007\u001b[2J", "/tmp/\\u001b]0;pwned\\u0007\\u001b[2J")]
    [InlineData("invoice\u202egpj.exe", "invoice\\u202egpj.exe")]
    [InlineData("a\nb", "a\\nb")]
    [InlineData("-4096", "-4096")]
    [InlineData("+0x1000", "+0x1000")]
    [InlineData("-0x2000", "-0x2000")]
    [InlineData("0x7f0000000000", "0x7f0000000000")]
    [InlineData("/usr/lib/libc.so.6", "/usr/lib/libc.so.6")]
    [InlineData("", "")]
    public void Csv_cells_are_inert_in_a_spreadsheet_and_on_a_terminal(string text, string expected) =>
        Assert.Equal(expected, UntrustedText.Csv(text));

    [Theory]
    [InlineData("../../etc/passwd", "etc-passwd")]
    [InlineData("set-hello/maps#L3-L40", "set-hello-maps-l3-l40")]
    [InlineData("..", "capture")]
    [InlineData("", "capture")]
    [InlineData("/", "capture")]
    [InlineData("Core.1234.XZ", "core-1234-xz")]
    [InlineData("a\\b/c:d", "a-b-c-d")]
    public void Slugs_hold_only_lower_case_letters_digits_and_dashes(string text, string expected) =>
        Assert.Equal(expected, UntrustedText.Slug(text));

    [Theory]
    [InlineData("crash+null.core.xz", "crash+null.core.xz")]
    [InlineData("notes.md~l3-41", "notes.md~l3-41")]
    [InlineData("public+text+angr_binaries+procmap.txt", "public+text+angr_binaries+procmap.txt")]
    [InlineData("..", "capture")]
    [InlineData(".hidden", "hidden")]
    [InlineData("../etc", "etc")]
    [InlineData("A.maps", "a-maps")]
    public void A_plain_id_names_its_report_files_as_it_is_and_any_other_id_by_its_slug(string id, string expected) =>
        Assert.Equal(expected, UntrustedText.FileNameOf(id));

    [Fact]
    public void Slugs_are_at_most_80_characters()
    {
        var slug = UntrustedText.Slug(new string('a', 500));
        Assert.Equal(UntrustedText.MaximumSlugLength, slug.Length);
    }

    [Theory]
    [InlineData("<script>&\"'", "&lt;script&gt;&amp;&quot;&apos;")]
    [InlineData("a\u0001b", "a?b")]
    public void Xml_escaping_leaves_no_markup(string text, string expected) =>
        Assert.Equal(expected, UntrustedText.Xml(text));
}
