using Forensics.Analysis.Crash;
using Forensics.Analysis.Text;

namespace Forensics.Analysis.Comparison;

/// <summary>The captures that crashed with one signature (<c>SIGSEGV crash_null+0x1156</c>).</summary>
public sealed record CrashGroup(Sentence Signature, CrashVerdict Verdict, Sentence Summary, IReadOnlyList<string> CaptureIds);
