namespace Forensics.BatchGenerator;

/// <summary>
/// Writes a file leaving its all-zero pages as holes: the corpus cores are mostly untouched memory (crash-thread's
/// 25 MB are 19 KB as xz), so hundreds of raw copies cost little disk. The bytes read back are the same.
/// </summary>
internal static class SparseFileWriter
{
    private const int BlockSize = 4096;

    public static void Write(string path, byte[] bytes)
    {
        using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, BlockSize * 16);
        for (var offset = 0; offset < bytes.Length; offset += BlockSize)
        {
            var block = bytes.AsSpan(offset, Math.Min(BlockSize, bytes.Length - offset));
            if (block.ContainsAnyExcept((byte)0))
                file.Write(block);
            else
                file.Seek(block.Length, SeekOrigin.Current);
        }
        file.SetLength(bytes.Length);
    }
}
