namespace Forensics.Pipeline.Listing;

/// <summary>A file to import: where it is, and its path as reports show it (relative to the root given, <c>/</c> separators).</summary>
public sealed record InputFile(string FullPath, string DisplayPath);
