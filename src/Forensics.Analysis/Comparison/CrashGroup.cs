using Forensics.Analysis.Crash;

namespace Forensics.Analysis.Comparison;

/// <summary>The captures that crashed with one signature (<c>SIGSEGV crash_null+0x1156</c>).</summary>
public sealed record CrashGroup(string Signature, CrashVerdict Verdict, string Summary, IReadOnlyList<string> CaptureIds);
