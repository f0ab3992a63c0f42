using Forensics.Importers.Normalisation;
using Forensics.Model;

namespace Forensics.Importers.Tests.Normalisation;

public class GeneratedCaptureTests
{
    private static readonly string?[] Names =
    [
        null, "[heap]", "[stack]", "[stack:77]", "[stack:x]", "[vdso]", "[vvar]", "[vsyscall]", "[anon:jit]", "[uprobes]", "[]", "[ anon ]",
        "/usr/lib/libc.so.6", "libc.so.6", "/opt/a.out", "a.out", "/dev/zero", "/SYSV00000000", "/memfd:x", "/dev/shm/q", "zero", "/", "",
        ".so", "/x/.so.", "anon_inode:[perf_event]",
    ];

    private static readonly string[] Modes = ["r--p", "r-xp", "rw-p", "---p", "rwxp", "rw-s", "r-x-", "????", "---s", "--x?"];

    [Fact]
    public void Thousands_of_generated_captures_normalise_and_merge_without_an_exception()
    {
        var random = new Random(20261125);
        var captures = new List<Capture>();
        for (var n = 0; n < 1000; n++)
        {
            var builtCapture = new CaptureBuilder { InputPath = $"generated/{n % 50}", Pid = random.Next(3) == 0 ? null : random.Next(40) };
            var address = random.Next(2) == 0 ? 0x08048000UL : 0x7f0000000000UL;
            for (var i = random.Next(40); i > 0; i--)
            {
                // Mostly ascending and adjacent, sometimes backwards, overlapping, empty or at the top of the address space.
                var size = (ulong)random.Next(0, 5) * 0x1000;
                var start = random.Next(10) switch { 0 => address - 0x2000, 1 => RegionNamesVsyscall, 2 => ulong.MaxValue - size, _ => address };
                start = Math.Min(start, ulong.MaxValue - size);
                Permissions.TryParse(Modes[random.Next(Modes.Length)], out var permissions);
                var region = new Region(start, start + size)
                {
                    Permissions = permissions,
                    Name = Names[random.Next(Names.Length)],
                    Deleted = random.Next(4) == 0,
                    NameIsBasename = random.Next(4) == 0,
                    Offset = random.Next(3) == 0 ? null : (ulong)random.Next(4) * 0x1000,
                    StatedKind = random.Next(8) == 0 ? (RegionKind)random.Next(18) : RegionKind.Unknown,
                };
                builtCapture.Regions.Add(region);
                address = start + size + (ulong)random.Next(2) * 0x1000;
            }
            if (random.Next(5) == 0)
                builtCapture.Images.Add(new ImageIdentity { Base = address - 0x1000, End = address + (ulong)random.Next(3) * 0x1000, SoName = random.Next(2) == 0 ? null : "lib.so" });
            var capture = CaptureNormalizer.Normalize(builtCapture);
            Assert.All(capture.Modules, m => Assert.NotEmpty(m.Name));
            Assert.Equal(capture.Modules.Count, capture.Modules.Select(m => m.Name).Distinct(StringComparer.Ordinal).Count());
            captures.Add(capture);
        }

        var merged = InstanceMerger.Merge(captures);

        Assert.InRange(merged.Count, 1, captures.Count);
        Assert.Equal(captures.Count, merged.Sum(c => Math.Max(1, c.MergedInputs.Count)));
    }

    private const ulong RegionNamesVsyscall = 0xffffffffff600000;
}
