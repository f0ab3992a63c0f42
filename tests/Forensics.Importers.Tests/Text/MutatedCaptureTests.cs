using System.Text;
using Forensics.Importers.Text;
using Forensics.Model;

namespace Forensics.Importers.Tests.Text;

/// <summary>
/// Thousands of damaged captures made from the samples (seeded, so every run is the same) go through every parser,
/// the classifier and detection: bad input must give diagnostics, never an exception.
/// </summary>
public sealed class MutatedCaptureTests
{
    private const int Mutations = 5000;

    private static readonly CaptureFormat[] TextFormats =
        [CaptureFormat.Maps, CaptureFormat.Smaps, CaptureFormat.SmapsRollup, CaptureFormat.Pmap, CaptureFormat.PmapExtended, CaptureFormat.Gdb];

    private static string[] Seeds() =>
    [
        TextSamples.Local("set-hello", "maps"), TextSamples.Local("set-hello", "smaps"), TextSamples.Local("set-hello", "smaps_rollup"),
        TextSamples.Local("set-hello", "pmap.txt"), TextSamples.Local("set-hello", "pmap-x.txt"), TextSamples.Local("set-hello", "pmap-X.txt"),
        TextSamples.Local("set-hello", "pmap-XX.txt"), TextSamples.Local("set-hello", "pmap-d.txt"), TextSamples.Local("set-hello", "gdb-mappings.txt"),
        TextSamples.Public("angr-binaries_test_gdb_plugin_procmap.txt"), TextSamples.Public("nikosChalk_virophage_gdb13_infoproc_i386compat.txt"),
        TextSamples.Public("prometheus-procfs_26234_maps_i386"), TextSamples.Public("Mulling_st-dyn_pmap_d.txt"),
    ];

    [Fact]
    public void Five_thousand_mutated_captures_never_throw_from_any_parser()
    {
        var random = new Random(20261125);
        var seeds = Seeds();
        var regions = 0;
        var diagnostics = 0;
        for (var i = 0; i < Mutations; i++)
        {
            var seed = seeds[random.Next(seeds.Length)];
            // Small windows keep the run short; whole files are covered by the sample tests.
            var start = random.Next(seed.Length);
            var text = Mutate(seed.Substring(start, Math.Min(seed.Length - start, 1 + random.Next(3000))), random);

            TextCaptureParsers.Detect(text);
            foreach (var line in text.Split('\n'))
                TextLineClassifier.Classify(line);
            foreach (var format in TextFormats)
            {
                var capture = TextCaptureParsers.Parse(format, text, 1 + random.Next(1000));
                regions += capture.Regions.Count;
                diagnostics += capture.Diagnostics.Count;
                Assert.All(capture.Regions, r => Assert.True(r.End >= r.Start));
                Assert.All(capture.Diagnostics.Items, d => Assert.NotNull(d.Location.Line));
            }
        }
        // The mutations must leave plenty to parse and plenty to complain about, or the test proves nothing.
        Assert.InRange(regions, 50_000, int.MaxValue);
        Assert.InRange(diagnostics, 10_000, int.MaxValue);
    }

    private static string Mutate(string text, Random random)
    {
        var builder = new StringBuilder(text);
        var edits = 1 + random.Next(6);
        for (var e = 0; e < edits && builder.Length > 0; e++)
        {
            var at = random.Next(builder.Length);
            switch (random.Next(7))
            {
                case 0: // flip a character, including into control characters and non-ASCII
                    builder[at] = (char)random.Next(0, 0x3000);
                    break;
                case 1: // truncate
                    builder.Length = at;
                    break;
                case 2: // duplicate a line
                    var lineStart = text.LastIndexOf('\n', Math.Min(at, text.Length - 1)) + 1;
                    var lineEnd = text.IndexOf('\n', lineStart);
                    builder.Insert(Math.Min(at, builder.Length), text[lineStart..(lineEnd < 0 ? text.Length : lineEnd)] + "\n");
                    break;
                case 3: // replace a digit
                    if (char.IsAsciiDigit(builder[at]))
                        builder[at] = (char)('0' + random.Next(10));
                    else
                        builder[at] = "0123456789abcdefx-: K"[random.Next(21)];
                    break;
                case 4: // a huge number
                    builder.Insert(at, random.Next(2) == 0 ? "ffffffffffffffffff" : "99999999999999999999999");
                    break;
                case 5: // delete a run
                    builder.Remove(at, Math.Min(builder.Length - at, random.Next(1, 40)));
                    break;
                default: // break or join lines
                    if (builder[at] == '\n') builder.Remove(at, 1);
                    else builder.Insert(at, random.Next(2) == 0 ? "\n" : "\r\n");
                    break;
            }
        }
        return builder.ToString();
    }
}
