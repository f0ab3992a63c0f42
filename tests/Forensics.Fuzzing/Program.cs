using Forensics.Fuzzing;
using SharpFuzz;

// Usage: Forensics.Fuzzing TARGET                 run under afl-fuzz (input on stdin, SharpFuzz forkserver)
//        Forensics.Fuzzing TARGET --replay DIR    run every file of DIR in process, report crashes and hangs
var usage = $"usage: Forensics.Fuzzing {string.Join('|', FuzzTargets.Names)} [--replay DIR]";
if (args.Length is not (1 or 3) || FuzzTargets.Find(args[0]) is not { } target)
{
    Console.Error.WriteLine(usage);
    return 2;
}
if (args.Length == 3)
{
    if (args[1] != "--replay" || !Directory.Exists(args[2]))
    {
        Console.Error.WriteLine(usage);
        return 2;
    }
    return ReplayRunner.Run(target, args[2], Console.Out) == 0 ? 0 : 1;
}

Fuzzer.OutOfProcess.Run(stream =>
{
    using var buffer = new MemoryStream();
    stream.CopyTo(buffer);
    target(buffer.ToArray());
});
return 0;
