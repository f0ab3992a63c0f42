using Forensics.Importers.Detection;

namespace Forensics.Importers.Tests.Detection;

public sealed class FileNameHintTests
{
    [Fact]
    public void Kernel_core_uses_pid_name_gives_the_pid() =>
        Assert.Equal(new FileNameHint(1234, null, true), FileNameHint.FromFileName("dumps/core.1234"));

    [Fact]
    public void Systemd_coredump_name_gives_pid_and_unescaped_command() =>
        Assert.Equal(
            new FileNameHint(16579, "kworker/u8", true),
            FileNameHint.FromFileName("core.kworker\\x2fu8.1000.8d3e4c1a0b2f4e5d9c8b7a6f5e4d3c2b.16579.1763855170000000.zst"));

    [Fact]
    public void Plain_core_name_is_named_like_a_core_without_pid() =>
        Assert.Equal(new FileNameHint(null, null, true), FileNameHint.FromFileName("core"));

    [Fact]
    public void Other_names_give_no_hint() =>
        Assert.Equal(new FileNameHint(null, null, false), FileNameHint.FromFileName("set-hello/maps"));
}
