using System.Text;

namespace Forensics.Symbols.Demangling.Rust;

/// <summary>RFC 3492 decoding of a Rust v0 identifier's non-ASCII part, with the sizes bounded by the input.</summary>
internal static class Punycode
{
    private const int Base = 36, TMin = 1, TMax = 26, Skew = 38, Damp = 700, InitialBias = 72, InitialN = 128;

    public static string? Decode(string ascii, string punycode)
    {
        var output = new List<int>(ascii.Length + punycode.Length);
        foreach (var c in ascii)
            output.Add(c);
        long n = InitialN, i = 0, bias = InitialBias;
        var position = 0;
        while (position < punycode.Length)
        {
            var oldI = i;
            long w = 1;
            for (long k = Base; ; k += Base)
            {
                if (position >= punycode.Length)
                    return null;
                var digit = Digit(punycode[position++]);
                if (digit < 0 || digit > (int.MaxValue - i) / w)
                    return null;
                i += digit * w;
                var t = k <= bias ? TMin : k >= bias + TMax ? TMax : k - bias;
                if (digit < t)
                    break;
                if (w > int.MaxValue / (Base - t))
                    return null;
                w *= Base - t;
            }
            var count = output.Count + 1;
            bias = Adapt(i - oldI, count, oldI == 0);
            n += i / count;
            i %= count;
            if (n > 0x10FFFF || n is >= 0xD800 and <= 0xDFFF)
                return null;
            output.Insert((int)i, (int)n);
            i++;
        }
        var text = new StringBuilder(output.Count);
        foreach (var codePoint in output)
            text.Append(char.ConvertFromUtf32(codePoint));
        return text.ToString();
    }

    private static int Digit(char c) => c is >= 'a' and <= 'z' ? c - 'a' : c is >= '0' and <= '9' ? c - '0' + 26 : -1;

    private static long Adapt(long delta, int count, bool first)
    {
        delta = first ? delta / Damp : delta / 2;
        delta += delta / count;
        long k = 0;
        while (delta > (Base - TMin) * TMax / 2)
        {
            delta /= Base - TMin;
            k += Base;
        }
        return k + (Base - TMin + 1) * delta / (delta + Skew);
    }
}
