namespace Forensics.Symbols.CallFrames;

/// <summary>One row of the CFI table: how to find the CFA and each register of the caller at one PC.</summary>
internal sealed class CallFrameRow
{
    /// <summary>DWARF numbers 0..16 cover the x86_64 general registers and the return address (16); i386 uses 0..8.</summary>
    public const int RegisterCount = 17;

    public RegisterRule[] Registers { get; private init; } = new RegisterRule[RegisterCount];
    public int CfaRegister { get; set; } = -1;
    public long CfaOffset { get; set; }
    /// <summary>DW_CFA_def_cfa_expression: the CFA is the value of this expression.</summary>
    public byte[]? CfaExpression { get; set; }

    public CallFrameRow Clone() => new()
    {
        Registers = (RegisterRule[])Registers.Clone(),
        CfaRegister = CfaRegister,
        CfaOffset = CfaOffset,
        CfaExpression = CfaExpression,
    };

    public void Set(ulong register, RegisterRule rule)
    {
        if (register < RegisterCount)
            Registers[register] = rule;
    }
}
