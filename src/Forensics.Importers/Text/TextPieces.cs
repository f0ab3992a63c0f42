using System.Runtime.ExceptionServices;
using Forensics.Importers.Budget;

namespace Forensics.Importers.Text;

/// <summary>
/// A large UTF-8 text cut at line ends into pieces that are worked on at once, one per core: the first on the calling
/// thread, each other on a thread of its own (not the pool's, which a batch keeps busy) under a
/// <see cref="ReadBudget.Share"/> of the read's budget, so the input's limits count every thread.
/// </summary>
internal static class TextPieces
{
    /// <summary>Each piece is at least this long: below it, starting a thread and joining the results cost more than they save.</summary>
    public const int MinimumBytes = 8 << 20;

    /// <summary>A piece: where it starts in the text, its length and the 1-based line number of its first line.</summary>
    public readonly record struct Piece(int Start, int Length, int FirstLine);

    /// <summary>What is worked out of one piece, given its bytes, its place and the budget of the thread it runs on.</summary>
    public delegate T Work<out T>(ReadOnlySpan<byte> bytes, Piece piece, ReadBudget budget);

    /// <summary>How many pieces a text of <paramref name="length"/> bytes is cut into: one per core, each at least <see cref="MinimumBytes"/>.</summary>
    public static int CountFor(int length) => Math.Max(1, Math.Min(Environment.ProcessorCount, length / MinimumBytes));

    /// <summary><paramref name="text"/> cut into up to <paramref name="count"/> pieces of about one length, each but the last ending after a line end.</summary>
    public static List<Piece> Cut(ReadOnlySpan<byte> text, int firstLine, int count)
    {
        var pieces = new List<Piece>(count);
        var start = 0;
        var line = firstLine;
        for (var i = 1; i < count && start < text.Length; i++)
        {
            var from = Math.Max(start, (int)((long)text.Length * i / count));
            var newline = text[from..].IndexOf((byte)'\n');
            if (newline < 0)
                break;
            var end = from + newline + 1;
            pieces.Add(new Piece(start, end - start, line));
            line += text[start..end].Count((byte)'\n');
            start = end;
        }
        if (start < text.Length || pieces.Count == 0)
            pieces.Add(new Piece(start, text.Length - start, line));
        return pieces;
    }

    /// <summary>
    /// Runs <paramref name="work"/> on every piece at once and gives the results in the pieces' order. Returns once every
    /// piece is done, also when one failed (they read the caller's text); the first failure in the pieces' order is rethrown.
    /// </summary>
    public static T[] Run<T>(ReadOnlyMemory<byte> text, IReadOnlyList<Piece> pieces, ReadBudget budget, Work<T> work)
    {
        var results = new T[pieces.Count];
        if (pieces.Count == 1)
        {
            results[0] = work(text.Span.Slice(pieces[0].Start, pieces[0].Length), pieces[0], budget);
            return results;
        }
        var helpers = new Task[pieces.Count - 1];
        for (var i = 1; i < pieces.Count; i++)
        {
            var piece = pieces[i];
            var index = i;
            helpers[i - 1] = Task.Factory.StartNew(() => results[index] = work(text.Span.Slice(piece.Start, piece.Length), piece, budget.Share()),
                CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }
        Exception? first = null;
        try
        {
            results[0] = work(text.Span.Slice(pieces[0].Start, pieces[0].Length), pieces[0], budget);
        }
        catch (Exception exception)
        {
            first = exception;
        }
        foreach (var helper in helpers)
        {
            try
            {
                helper.GetAwaiter().GetResult();
            }
            catch (Exception exception)
            {
                first ??= exception;
            }
        }
        if (first is not null)
            ExceptionDispatchInfo.Throw(first);
        return results;
    }
}
