using System.Globalization;
using System.Text.RegularExpressions;

namespace Forensics.Importers.Tests.Core;

/// <summary>
/// Threads, PIDs, signal and fault address against <c>eu-readelf -n</c> (binutils readelf 2.40 does not decode
/// these notes in its 32-bit build, so elfutils' reader is the independent check).
/// </summary>
public partial class EuReadelfCrossCheckTests
{
    [Theory]
    [MemberData(nameof(CoreSampleList.All), MemberType = typeof(CoreSampleList))]
    public void Signal_pids_and_fault_address_match_eu_readelf(string sample)
    {
        var path = CoreSampleList.PathOf(sample);
        var text = CoreToolRunner.Run("eu-readelf", "-n", CoreSamples.Bytes(path));
        var capture = CoreSamples.Import(path);

        var threadIds = PrStatusPid().Matches(text).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(threadIds, capture.Threads.Select(t => t.Tid));
        Assert.Equal(int.Parse(PrPsInfoPid().Match(text).Groups[1].Value, CultureInfo.InvariantCulture), capture.Pid);

        var signal = SigInfo().Match(text);
        Assert.True(signal.Success);
        Assert.Equal(int.Parse(signal.Groups[1].Value, CultureInfo.InvariantCulture), capture.Signal!.Number);
        Assert.Equal(int.Parse(signal.Groups[2].Value, CultureInfo.InvariantCulture), capture.Signal.Code);
        ulong? fault = signal.Groups[3].Success ? ulong.Parse(signal.Groups[3].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture) : null;
        // eu-readelf leaves the line out when si_addr is 0 (the lldb cores fault at NULL).
        Assert.Equal(fault ?? 0, capture.Signal.FaultAddress ?? 0);
    }

    [GeneratedRegex(@"PRSTATUS\n(?:.*\n){0,3}?\s+pid: (\d+),")]
    private static partial Regex PrStatusPid();

    [GeneratedRegex(@"PRPSINFO\n(?:.*\n){0,3}?.*\bpid: (\d+),")]
    private static partial Regex PrPsInfoPid();

    [GeneratedRegex(@"SIGINFO\n\s+si_signo: (\d+), si_errno: -?\d+, si_code: (-?\d+)(?:\n\s+fault address: 0x([0-9a-f]+))?")]
    private static partial Regex SigInfo();
}
