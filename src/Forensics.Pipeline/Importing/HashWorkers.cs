using System.Collections.Concurrent;

namespace Forensics.Pipeline.Importing;

/// <summary>
/// Threads of their own that hash inputs beside their import. Not the thread pool: an importer waiting for its hash
/// there could run the hash itself (a waited task is inlined), on its own read budget, and hashes queued behind
/// blocked importers would wait for the pool to grow.
/// </summary>
internal static class HashWorkers
{
    private static readonly BlockingCollection<Action> Queue = Start();

    /// <summary>The hash of <paramref name="path"/>, made on a hashing thread; its I/O errors are the task's.</summary>
    public static Task<FileHash?> Hash(string path, FileSnapshot before)
    {
        var hash = new TaskCompletionSource<FileHash?>(TaskCreationOptions.RunContinuationsAsynchronously);
        Queue.Add(() =>
        {
            try
            {
                hash.SetResult(FileHash.Of(path, before));
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                hash.SetException(exception);
            }
        });
        return hash.Task;
    }

    private static BlockingCollection<Action> Start()
    {
        var queue = new BlockingCollection<Action>();
        for (var index = 0; index < Environment.ProcessorCount; index++)
        {
            new Thread(() =>
            {
                foreach (var work in queue.GetConsumingEnumerable())
                    work();
            })
            { IsBackground = true, Name = "forensics hash " + index }.Start();
        }
        return queue;
    }
}
