using System.Runtime.InteropServices;
using Forensics.Cli;

using var interrupt = new CancellationTokenSource();
// The first Ctrl-C stops the run and keeps what it finished; a second one ends the process at once.
using var signal = PosixSignalRegistration.Create(PosixSignal.SIGINT, context =>
{
    context.Cancel = !interrupt.IsCancellationRequested;
    interrupt.Cancel();
});
// Redirected, stdout is written through one buffer that the commands flush when a report is complete: the console's
// own writer makes every write a system call (37 for one small core's crash). On a terminal it stays line by line.
var output = Console.IsOutputRedirected ? new StreamWriter(Console.OpenStandardOutput(), Console.OutputEncoding, 1 << 16) : Console.Out;
try
{
    return ForensicsCommandLine.Run(args, output, Console.Error, interrupt.Token);
}
finally
{
    output.Flush();
}
