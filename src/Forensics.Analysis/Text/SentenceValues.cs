using Forensics.Model;

namespace Forensics.Analysis.Text;

/// <summary>The typed values a <see cref="Sentence"/> holds, for <c>using static</c> in the code that writes sentences.</summary>
public static class SentenceValues
{
    public static AddressPart Address(ulong address) => new(address);

    public static ByteCountPart Bytes(ulong bytes) => new(bytes);

    /// <summary>A region as maps prints it: <c>7f3a0000-7f3a1000 rw-p name</c>.</summary>
    public static Sentence RegionText(Region region) =>
        Sentence.Of($"{new RangePart(region.Start, region.End)} {region.Permissions} {region.DisplayName}");
}
