namespace Forensics.Pipeline.Store;

/// <summary>A store file whose content is damaged or cut short; its message says which, to follow the file's path.</summary>
internal sealed class StoreContentException : Exception
{
    public StoreContentException(string damage)
        : base("is corrupt: " + damage)
    {
    }

    private StoreContentException(string problem, bool _)
        : base(problem)
    {
    }

    public static StoreContentException Truncated(long read, long length) =>
        new($"is truncated: [{read}] of [{length}] bytes of content", false);
}
