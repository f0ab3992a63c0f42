using System.Diagnostics;
using System.Globalization;
using Forensics.BatchGenerator;

var options = BatchGeneratorOptions.Parse(args, Console.Error);
if (options is null)
    return 2;
if (Directory.Exists(options.Output) && Directory.EnumerateFileSystemEntries(options.Output).Any())
{
    Console.Error.WriteLine("output folder [" + options.Output + "] is not empty");
    return 2;
}
var watch = Stopwatch.StartNew();
var writer = new BatchWriter(CorpusTemplates.Load(options.Corpus), options);
if (options.CoresOnly > 0)
    writer.WriteCoresOnly();
else
    writer.WriteBatch();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"wrote {writer.Summary} to {options.Output} in {watch.Elapsed.TotalSeconds:F1} s"));
return 0;
