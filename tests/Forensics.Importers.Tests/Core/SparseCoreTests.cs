using System.Buffers.Binary;
using System.Diagnostics;
using Forensics.Importers.Core;
using Forensics.TestSupport;

namespace Forensics.Importers.Tests.Core;

/// <summary>A 64 GiB sparse core (headers at the start, a few real pages) costs what a small one does.</summary>
public class SparseCoreTests
{
    private const long Size = 64L << 30;
    private const ulong HeapStart = 0x10000000;

    [Fact]
    public void Sparse_64_gib_core_imports_in_well_under_a_second_with_memory_independent_of_its_size()
    {
        var builder = new ElfCoreBuilder()
            .Segment(HeapStart, 0x1000, 6, new byte[0x1000])
            .Segment(0x7ffd0000000, 0x1000, 6, new byte[0x1000])
            .PrStatus(42, 11, 0x401000, 0x7ffd0000800)
            .PrPsInfo(42, "huge", "./huge ");
        var head = builder.Build();
        // Widen the first segment to 64 GiB of dumped data; the second one's data moves to the end of the file.
        var first = builder.ProgramHeaderOffset + builder.ProgramHeaderSize;
        var second = first + builder.ProgramHeaderSize;
        var firstOffset = BinaryPrimitives.ReadUInt64LittleEndian(head.AsSpan(first + 8));
        var bigSize = (ulong)Size - firstOffset - 0x1000;
        BinaryPrimitives.WriteUInt64LittleEndian(head.AsSpan(first + 32), bigSize);
        BinaryPrimitives.WriteUInt64LittleEndian(head.AsSpan(first + 40), bigSize);
        BinaryPrimitives.WriteUInt64LittleEndian(head.AsSpan(second + 8), (ulong)Size - 0x1000);

        var path = Path.Combine(Path.GetTempPath(), "forensics-sparse-" + Guid.NewGuid().ToString("N") + ".core");
        try
        {
            using (var file = new FileStream(path, FileMode.CreateNew))
            {
                file.SetLength(Size);
                file.Write(head, 0, (int)firstOffset);
                file.Position = Size - 0x1000;
                file.Write(new byte[0x1000]);
            }
            var before = GC.GetAllocatedBytesForCurrentThread();
            var watch = Stopwatch.StartNew();
            using var input = File.OpenRead(path);
            var capture = CoreImporter.Import(input, path);
            watch.Stop();
            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            Assert.Empty(capture.Diagnostics.Items);
            Assert.Equal(bigSize, capture.Regions[0].DumpedBytes);
            Assert.Equal(42, capture.Threads.Single().Tid);
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), $"took [{watch.Elapsed}]");
            Assert.True(allocated < 2 << 20, $"allocated [{allocated}] bytes");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
