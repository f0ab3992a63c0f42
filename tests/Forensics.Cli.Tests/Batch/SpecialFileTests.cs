using System.Diagnostics;
using Forensics.TestSupport;

namespace Forensics.Cli.Tests.Batch;

/// <summary>Links to FIFOs and devices are judged by their target and never opened, so they cannot hang a batch.</summary>
public sealed class SpecialFileTests : IDisposable
{
    private readonly string _scratch = Directory.CreateTempSubdirectory("forensics-special-").FullName;

    public void Dispose() => Directory.Delete(_scratch, recursive: true);

    [Fact]
    public async Task Links_to_a_fifo_and_a_device_are_empty_inputs_and_the_rest_of_the_batch_is_read()
    {
        var evidence = Directory.CreateDirectory(Path.Combine(_scratch, "evidence")).FullName;
        var fifo = Path.Combine(evidence, "pipe");
        using (var mkfifo = Process.Start("mkfifo", fifo))
            await mkfifo.WaitForExitAsync();
        File.CreateSymbolicLink(Path.Combine(evidence, "fifo.maps"), fifo);
        File.CreateSymbolicLink(Path.Combine(evidence, "zero.core"), "/dev/zero");
        File.Copy(TestPaths.CorpusFile("aslr-pair", "run-1.maps"), Path.Combine(evidence, "run-1.maps"));
        var output = Path.Combine(_scratch, "out");

        // Opening the FIFO would block for ever and reading /dev/zero never ends: a hang fails here, not the suite.
        var code = await Task.Run(() => ForensicsCommandLine.Run(["analyze", evidence, "--out", output, "--quiet", "--follow-links-outside"], TextWriter.Null, TextWriter.Null))
            .WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(ExitCodes.SomeInputsFailed, code);
        var inputs = File.ReadAllLines(Path.Combine(output, "inputs.csv")).Skip(1).Select(l => string.Join(',', l.Split(',')[..3]));
        Assert.Equal(["fifo.maps,failed,empty", "pipe,failed,empty", "run-1.maps,ok,none", "zero.core,failed,empty"], inputs);
    }
}
