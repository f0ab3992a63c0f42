using System.Runtime.InteropServices;
using Forensics.Cli;

using var interrupt = new CancellationTokenSource();
// The first Ctrl-C stops the run and keeps what it finished; a second one ends the process at once.
using var signal = PosixSignalRegistration.Create(PosixSignal.SIGINT, context =>
{
    context.Cancel = !interrupt.IsCancellationRequested;
    interrupt.Cancel();
});
return ForensicsCommandLine.Run(args, Console.Out, Console.Error, interrupt.Token);
