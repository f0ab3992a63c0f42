using System.Numerics;

namespace Forensics.Elf.Sources;

/// <summary>
/// The buffers that hold the segments a forward pass keeps whole (<see cref="WholeSegmentTee"/>), used again core after
/// core. Allocated new for every core, they were 3.6 GB of large objects in a 10,000-input batch, and allocating
/// that much on the large-object heap is what started 67 of the import's 79 full collections, each marking every
/// capture the batch holds.
/// </summary>
public static class SegmentBuffers
{
    /// <summary>Below this a buffer is a small object, which the collector handles cheaply.</summary>
    private const int Smallest = 1 << 16;

    /// <summary>Idle buffers, at most one per core (each importing thread holds one at a time).</summary>
    private static readonly List<byte[]> Idle = [];

    /// <summary>A buffer of at least <paramref name="length"/> bytes, its content undefined.</summary>
    internal static byte[] Rent(int length)
    {
        lock (Idle)
        {
            var best = -1;
            for (var index = 0; index < Idle.Count; index++)
            {
                if (Idle[index].Length >= length && (best < 0 || Idle[index].Length < Idle[best].Length))
                    best = index;
            }
            if (best >= 0)
            {
                var buffer = Idle[best];
                Idle.RemoveAt(best);
                return buffer;
            }
        }
        // Powers of two, so that a buffer fits the next cores of about the same size rather than only this one.
        return GC.AllocateUninitializedArray<byte>(length <= Smallest ? Smallest : (int)Math.Min(BitOperations.RoundUpToPowerOf2((uint)length), Array.MaxLength));
    }

    /// <summary>Gives <paramref name="buffer"/> back for the next core; the smallest idle one goes when there are enough.</summary>
    internal static void Return(byte[] buffer)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        lock (Idle)
        {
            Idle.Add(buffer);
            if (Idle.Count > Environment.ProcessorCount)
                Idle.Remove(Idle.MinBy(b => b.Length)!);
        }
    }

    /// <summary>Lets the collector have the idle buffers: when no more cores are to be read.</summary>
    public static void ReleaseIdle()
    {
        lock (Idle)
            Idle.Clear();
    }
}
