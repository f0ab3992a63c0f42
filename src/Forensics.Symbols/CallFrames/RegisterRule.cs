namespace Forensics.Symbols.CallFrames;

/// <summary>How to recover one register of the caller (DWARF 5, 6.4.1).</summary>
internal enum RegisterRuleKind : byte
{
    /// <summary>No rule: callee-saved registers keep their value (same value), others are lost.</summary>
    Unspecified,
    Undefined,
    SameValue,
    /// <summary>Saved at CFA + N.</summary>
    Offset,
    /// <summary>The value is CFA + N.</summary>
    ValueOffset,
    /// <summary>Held in another register.</summary>
    Register,
    /// <summary>Saved at the address a DWARF expression computes (the CFA pushed first).</summary>
    Expression,
    /// <summary>The value a DWARF expression computes.</summary>
    ValueExpression,
}

internal readonly record struct RegisterRule(RegisterRuleKind Kind, long Value = 0, byte[]? Expression = null);
