namespace Forensics.Pipeline.Importing;

/// <summary>
/// Threads of their own that hash inputs beside their import. Not the thread pool: an importer waiting for its hash
/// there could run the hash itself (a waited task is inlined), on its own read budget, and hashes queued behind
/// blocked importers would wait for the pool to grow.
/// </summary>
internal static class HashWorkers
{
    private static readonly Queue<Action> Queue = Start();

    /// <summary>The hash of <paramref name="path"/>, made on a hashing thread; its I/O errors are the task's.</summary>
    public static Task<FileHash?> Hash(string path, FileSnapshot before)
    {
        var hash = new TaskCompletionSource<FileHash?>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (Queue)
        {
            Queue.Enqueue(() =>
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
            Monitor.Pulse(Queue);
        }
        return hash.Task;
    }

    /// <summary>
    /// The threads wait on the queue's monitor, which sleeps at once: a BlockingCollection's semaphore spun and yielded
    /// each time the queue ran dry (half the process's sched_yield calls in a run of 35 small cores).
    /// </summary>
    private static Queue<Action> Start()
    {
        var queue = new Queue<Action>();
        for (var index = 0; index < Environment.ProcessorCount; index++)
        {
            new Thread(() =>
            {
                while (true)
                {
                    Action work;
                    lock (queue)
                    {
                        while (queue.Count == 0)
                            Monitor.Wait(queue);
                        work = queue.Dequeue();
                    }
                    work();
                }
            })
            { IsBackground = true, Name = "forensics hash " + index }.Start();
        }
        return queue;
    }
}
