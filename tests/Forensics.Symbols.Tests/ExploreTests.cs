using Forensics.Model;
using Forensics.Symbols.Tests.Corpus;
using Xunit.Abstractions;

namespace Forensics.Symbols.Tests;

public class ExploreTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("lib-null")]
    [InlineData("omit-fp-abort")]
    [InlineData("cpp-throw")]
    [InlineData("double-free")]
    [InlineData("i386-null")]
    [InlineData("deep-recursion")]
    public void Explore(string set)
    {
        var capture = BacktraceCorpus.Walked(set);
        foreach (var d in capture.Diagnostics.Items) output.WriteLine(d.ToString());
        foreach (var thread in capture.Threads)
        {
            output.WriteLine($"thread {thread.Tid}");
            foreach (var f in thread.Frames.Take(12))
                output.WriteLine($"  0x{f.ProgramCounter:x} {f.Describe()} {f.Module}+0x{f.ModuleOffset:x} {f.File}:{f.Line} {f.Method.ToId()}");
            output.WriteLine($"  ({thread.Frames.Count} frames)");
        }
    }
}
