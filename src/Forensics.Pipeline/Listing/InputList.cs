using Forensics.Pipeline.Importing;

namespace Forensics.Pipeline.Listing;

/// <summary>The inputs under the paths of a run, in path order: files to import, and paths already reported as problems.</summary>
public sealed record InputList(IReadOnlyList<InputFile> Files, IReadOnlyList<InputResult> Problems);
