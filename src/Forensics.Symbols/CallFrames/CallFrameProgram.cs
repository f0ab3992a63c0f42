namespace Forensics.Symbols.CallFrames;

/// <summary>
/// Runs the DW_CFA instructions of a CIE and an FDE up to a PC and gives the row in force there (DWARF 5, 6.4.2; the
/// GNU extensions GCC emits). Work is bounded by the instruction bytes; the remember-state stack by
/// <see cref="MaxRememberedStates"/>.
/// </summary>
internal static class CallFrameProgram
{
    public const int MaxRememberedStates = 64;

    /// <summary>The row at <paramref name="pc"/>; null with a reason when the instructions are malformed.</summary>
    public static CallFrameRow? RowAt(FrameDescriptionEntry fde, ulong pc, bool is64, out string? problem)
    {
        var row = new CallFrameRow();
        problem = null;
        ulong location = fde.Begin;
        if (!Run(fde.Cie.Instructions, fde.Cie, row, null, ref location, ulong.MaxValue, is64, out problem))
            return null;
        var initial = row.Clone();
        location = fde.Begin;
        return Run(fde.Instructions, fde.Cie, row, initial, ref location, pc, is64, out problem) ? row : null;
    }

    private static bool Run(byte[] instructions, CommonInformationEntry cie, CallFrameRow row, CallFrameRow? initial,
        ref ulong location, ulong pc, bool is64, out string? problem)
    {
        problem = null;
        var remembered = new Stack<CallFrameRow>();
        var cursor = new DwarfCursor(instructions);
        var dataAlignment = cie.DataAlignment;
        while (!cursor.AtEnd)
        {
            var opcode = cursor.U8();
            var operand = (ulong)(opcode & 0x3f);
            switch (opcode >> 6)
            {
                case 1:
                    if (!Advance(ref location, operand * cie.CodeAlignment, pc))
                        return true;
                    continue;
                case 2:
                    row.Set(operand, new RegisterRule(RegisterRuleKind.Offset, (long)cursor.Uleb() * dataAlignment));
                    continue;
                case 3:
                    row.Set(operand, Restore(initial, operand));
                    continue;
            }
            switch (opcode)
            {
                case 0x00: break;
                case 0x01:
                    var target = PointerEncoding.Read(ref cursor, cie.AddressEncoding, 0, 0, is64) ?? 0;
                    if (target > pc)
                        return true;
                    location = target;
                    break;
                case 0x02: if (!Advance(ref location, cursor.U8() * cie.CodeAlignment, pc)) return true; break;
                case 0x03: if (!Advance(ref location, cursor.U16() * cie.CodeAlignment, pc)) return true; break;
                case 0x04: if (!Advance(ref location, cursor.U32() * cie.CodeAlignment, pc)) return true; break;
                case 0x05: row.Set(cursor.Uleb(), new RegisterRule(RegisterRuleKind.Offset, (long)cursor.Uleb() * dataAlignment)); break;
                case 0x06: { var register = cursor.Uleb(); row.Set(register, Restore(initial, register)); break; }
                case 0x07: row.Set(cursor.Uleb(), new RegisterRule(RegisterRuleKind.Undefined)); break;
                case 0x08: row.Set(cursor.Uleb(), new RegisterRule(RegisterRuleKind.SameValue)); break;
                case 0x09: row.Set(cursor.Uleb(), new RegisterRule(RegisterRuleKind.Register, (long)cursor.Uleb())); break;
                case 0x0a:
                    if (remembered.Count >= MaxRememberedStates)
                    {
                        problem = $"more than [{MaxRememberedStates}] DW_CFA_remember_state without restore";
                        return false;
                    }
                    remembered.Push(row.Clone());
                    break;
                case 0x0b:
                    if (!remembered.TryPop(out var saved))
                    {
                        problem = "DW_CFA_restore_state without a remembered state";
                        return false;
                    }
                    Array.Copy(saved.Registers, row.Registers, CallFrameRow.RegisterCount);
                    row.CfaRegister = saved.CfaRegister;
                    row.CfaOffset = saved.CfaOffset;
                    row.CfaExpression = saved.CfaExpression;
                    break;
                case 0x0c: row.CfaRegister = Register(cursor.Uleb()); row.CfaOffset = (long)cursor.Uleb(); row.CfaExpression = null; break;
                case 0x0d: row.CfaRegister = Register(cursor.Uleb()); row.CfaExpression = null; break;
                case 0x0e: row.CfaOffset = (long)cursor.Uleb(); break;
                case 0x0f: row.CfaExpression = cursor.Bytes(cursor.Uleb()).ToArray(); break;
                case 0x10: { var register = cursor.Uleb(); row.Set(register, new RegisterRule(RegisterRuleKind.Expression, 0, cursor.Bytes(cursor.Uleb()).ToArray())); break; }
                case 0x11: row.Set(cursor.Uleb(), new RegisterRule(RegisterRuleKind.Offset, cursor.Sleb() * dataAlignment)); break;
                case 0x12: row.CfaRegister = Register(cursor.Uleb()); row.CfaOffset = cursor.Sleb() * dataAlignment; row.CfaExpression = null; break;
                case 0x13: row.CfaOffset = cursor.Sleb() * dataAlignment; break;
                case 0x14: row.Set(cursor.Uleb(), new RegisterRule(RegisterRuleKind.ValueOffset, (long)cursor.Uleb() * dataAlignment)); break;
                case 0x15: row.Set(cursor.Uleb(), new RegisterRule(RegisterRuleKind.ValueOffset, cursor.Sleb() * dataAlignment)); break;
                case 0x16: { var register = cursor.Uleb(); row.Set(register, new RegisterRule(RegisterRuleKind.ValueExpression, 0, cursor.Bytes(cursor.Uleb()).ToArray())); break; }
                case 0x2e: cursor.Uleb(); break; // DW_CFA_GNU_args_size: only for exception handling
                case 0x2f: row.Set(cursor.Uleb(), new RegisterRule(RegisterRuleKind.Offset, -(long)cursor.Uleb() * dataAlignment)); break;
                default:
                    problem = $"unknown DW_CFA opcode [0x{opcode:x2}] at instruction byte [{cursor.Position - 1}]";
                    return false;
            }
            if (cursor.Failed)
            {
                problem = "CFA instructions end inside an operand";
                return false;
            }
        }
        return true;
    }

    /// <summary>Moves the location; false once it passes <paramref name="pc"/>, where the row is complete.</summary>
    private static bool Advance(ref ulong location, ulong delta, ulong pc)
    {
        var next = location + delta < location ? ulong.MaxValue : location + delta;
        if (next > pc)
            return false;
        location = next;
        return true;
    }

    private static RegisterRule Restore(CallFrameRow? initial, ulong register) =>
        initial is not null && register < CallFrameRow.RegisterCount ? initial.Registers[register] : default;

    private static int Register(ulong number) => number < CallFrameRow.RegisterCount ? (int)number : -1;
}
