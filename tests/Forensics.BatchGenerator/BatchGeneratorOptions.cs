using System.Globalization;

namespace Forensics.BatchGenerator;

/// <summary>The command line: <c>--corpus DIR --out DIR (--count N | --cores-only N) [--seed S] [--hosts H]</c>.</summary>
internal sealed record BatchGeneratorOptions(string Corpus, string Output, int Count, int CoresOnly, ulong Seed, int Hosts)
{
    public const string Usage =
        "usage: Forensics.BatchGenerator --corpus DIR --out DIR (--count N | --cores-only N) [--seed S] [--hosts H]";

    public static BatchGeneratorOptions? Parse(string[] args, TextWriter error)
    {
        string? corpus = null, output = null;
        int count = 0, coresOnly = 0, hosts = 50;
        ulong seed = 1;
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            var known = args[i] switch
            {
                "--corpus" => (corpus = value) is not null,
                "--out" => (output = value) is not null,
                "--count" => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out count) && count > 0,
                "--cores-only" => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out coresOnly) && coresOnly > 0,
                "--seed" => ulong.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out seed),
                "--hosts" => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out hosts) && hosts is > 0 and < 1000,
                _ => false,
            };
            if (!known)
            {
                error.WriteLine("bad argument [" + args[i] + "]" + (value is null ? "" : " [" + value + "]"));
                error.WriteLine(Usage);
                return null;
            }
            i++;
        }
        if (corpus is null || output is null || (count == 0) == (coresOnly == 0))
        {
            error.WriteLine(Usage);
            return null;
        }
        return new BatchGeneratorOptions(corpus, output, count, coresOnly, seed, hosts);
    }
}
