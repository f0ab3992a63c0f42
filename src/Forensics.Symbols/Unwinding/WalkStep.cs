using Forensics.Model;

namespace Forensics.Symbols.Unwinding;

/// <summary>The caller's registers found by one unwinding method, and whether the caller was interrupted by a signal.</summary>
internal sealed record WalkStep(ulong?[] Registers, UnwindMethod Method, bool CallerIsSignalFrame);
