using Forensics.Model;

namespace Forensics.Pipeline.Importing;

/// <summary>What one input gave: its record and its captures as read, before ids, normalisation and merging.</summary>
public sealed record InputResult(InputRecord Record, IReadOnlyList<CaptureBuilder> Captures);
