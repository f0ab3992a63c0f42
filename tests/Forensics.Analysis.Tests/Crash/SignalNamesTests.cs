using Forensics.Analysis.Crash;

namespace Forensics.Analysis.Tests.Crash;

public sealed class SignalNamesTests
{
    [Theory]
    [InlineData(11, "SIGSEGV")]
    [InlineData(6, "SIGABRT")]
    [InlineData(4, "SIGILL")]
    [InlineData(19, "SIGSTOP")]
    [InlineData(34, "SIGRTMIN+2")]
    [InlineData(99, "signal 99")]
    public void Signal_names_follow_the_kernel_numbering(int number, string name) =>
        Assert.Equal(name, SignalNames.SignalName(number));

    [Theory]
    [InlineData(11, 1, "SEGV_MAPERR")]
    [InlineData(11, 2, "SEGV_ACCERR")]
    [InlineData(6, -6, "SI_TKILL")]
    [InlineData(19, 0x80, "SI_KERNEL")]
    [InlineData(7, 2, "BUS_ADRERR")]
    [InlineData(8, 1, "FPE_INTDIV")]
    [InlineData(11, 77, "si_code 77")]
    public void Si_code_names_depend_on_the_signal_for_fault_codes(int signal, int code, string name) =>
        Assert.Equal(name, SignalNames.CodeName(signal, code));
}
