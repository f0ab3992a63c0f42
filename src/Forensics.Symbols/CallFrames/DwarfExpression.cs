using Forensics.Elf;

namespace Forensics.Symbols.CallFrames;

/// <summary>
/// Evaluates the DWARF expressions CFI uses on x86: register-relative addresses, constants, arithmetic, comparisons,
/// branches and memory reads (the PLT rule <c>rsp+8+((rip&amp;15)&gt;=11)*8</c> and the signal-frame rules that read
/// the saved context). Bounded: at most <see cref="MaxSteps"/> operations and <see cref="MaxStack"/> values; an
/// expression stopped by either bound says so, as a loop or a flood of values is hostile data, not a value to miss.
/// </summary>
internal static class DwarfExpression
{
    public const int MaxSteps = 1000;
    public const int MaxStack = 64;

    public static ulong? Evaluate(byte[] expression, Func<int, ulong?> register, IAddressSpace memory, bool is64, ulong? initial) =>
        Evaluate(expression, register, memory, is64, initial, out _);

    /// <summary>The value the expression leaves on top of its stack; null when it cannot be evaluated.</summary>
    /// <param name="expression">The expression's bytes.</param>
    /// <param name="register">A register's value by DWARF number; null when unknown.</param>
    /// <param name="memory">What <c>DW_OP_deref</c> reads.</param>
    /// <param name="is64">Whether addresses are 8 bytes (else 4, and arithmetic is masked to 32 bits).</param>
    /// <param name="initial">A value pushed first (the CFA for a register rule), or none.</param>
    /// <param name="stopped">Why the expression was stopped by a bound; null when it ended or failed otherwise.</param>
    public static ulong? Evaluate(byte[] expression, Func<int, ulong?> register, IAddressSpace memory, bool is64, ulong? initial, out string? stopped)
    {
        stopped = null;
        var stack = new Stack<ulong>();
        if (initial is { } value)
            stack.Push(value);
        var cursor = new DwarfCursor(expression);
        var mask = is64 ? ulong.MaxValue : 0xffff_ffffUL;
        for (var steps = 0; !cursor.AtEnd; steps++)
        {
            if (steps >= MaxSteps || stack.Count > MaxStack)
            {
                stopped = steps >= MaxSteps ? $"it ran past [{MaxSteps}] steps" : $"it pushed more than [{MaxStack}] values";
                return null;
            }
            var op = cursor.U8();
            if (op is >= 0x30 and <= 0x4f) // DW_OP_lit0..31
            {
                stack.Push((ulong)(op - 0x30));
                continue;
            }
            if (op is >= 0x50 and <= 0x6f) // DW_OP_reg0..31: a register location, which CFI never asks for
                return null;
            if (op is >= 0x70 and <= 0x8f) // DW_OP_breg0..31
            {
                var offset = cursor.Sleb();
                if (register(op - 0x70) is not { } based)
                    return null;
                stack.Push((based + (ulong)offset) & mask);
                continue;
            }
            switch (op)
            {
                case 0x03: stack.Push(cursor.Address(is64)); break; // addr
                case 0x06: // deref
                    if (!stack.TryPop(out var address) || Read(memory, address, is64 ? 8 : 4) is not { } word)
                        return null;
                    stack.Push(word);
                    break;
                case 0x08: stack.Push(cursor.U8()); break;
                case 0x09: stack.Push((ulong)(long)(sbyte)cursor.U8()); break;
                case 0x0a: stack.Push(cursor.U16()); break;
                case 0x0b: stack.Push((ulong)(long)(short)cursor.U16()); break;
                case 0x0c: stack.Push(cursor.U32()); break;
                case 0x0d: stack.Push((ulong)(long)(int)cursor.U32()); break;
                case 0x0e: stack.Push(cursor.U64()); break;
                case 0x0f: stack.Push(cursor.U64()); break;
                case 0x10: stack.Push(cursor.Uleb()); break;
                case 0x11: stack.Push((ulong)cursor.Sleb()); break;
                case 0x12: if (!stack.TryPeek(out var top)) return null; stack.Push(top); break; // dup
                case 0x13: if (!stack.TryPop(out _)) return null; break; // drop
                case 0x14: // over
                    {
                        if (stack.Count < 2) return null;
                        var first = stack.Pop();
                        var second = stack.Peek();
                        stack.Push(first);
                        stack.Push(second);
                        break;
                    }
                case 0x16: // swap
                    {
                        if (stack.Count < 2) return null;
                        var first = stack.Pop();
                        var second = stack.Pop();
                        stack.Push(first);
                        stack.Push(second);
                        break;
                    }
                case 0x1f: if (!stack.TryPop(out var negated)) return null; stack.Push((ulong)-(long)negated & mask); break;
                case 0x20: if (!stack.TryPop(out var inverted)) return null; stack.Push(~inverted & mask); break;
                case 0x23: if (!stack.TryPop(out var added)) return null; stack.Push((added + cursor.Uleb()) & mask); break; // plus_uconst
                case 0x94: // deref_size
                    {
                        var size = cursor.U8();
                        if (size is 0 or > 8 || !stack.TryPop(out var at) || Read(memory, at, size) is not { } sized)
                            return null;
                        stack.Push(sized);
                        break;
                    }
                case 0x96: break; // nop
                case 0x2f: // skip
                    {
                        var delta = (short)cursor.U16();
                        cursor.Position += delta;
                        if (cursor.Position < 0 || cursor.Position > expression.Length) return null;
                        break;
                    }
                case 0x28: // bra
                    {
                        var delta = (short)cursor.U16();
                        if (!stack.TryPop(out var condition)) return null;
                        if (condition != 0)
                        {
                            cursor.Position += delta;
                            if (cursor.Position < 0 || cursor.Position > expression.Length) return null;
                        }
                        break;
                    }
                case 0x92: // bregx
                    {
                        var number = cursor.Uleb();
                        var offset = cursor.Sleb();
                        if (number > 31 || register((int)number) is not { } based)
                            return null;
                        stack.Push((based + (ulong)offset) & mask);
                        break;
                    }
                default:
                    if (Binary(op) is not { } operation || stack.Count < 2)
                        return null;
                    var right = stack.Pop();
                    var left = stack.Pop();
                    if (operation(left, right) is not { } result)
                        return null;
                    stack.Push(result & mask);
                    break;
            }
            if (cursor.Failed)
                return null;
        }
        return stack.TryPop(out var final) ? final : null;
    }

    private static Func<ulong, ulong, ulong?>? Binary(byte op) => op switch
    {
        0x1a => (a, b) => a & b,
        0x1b => (a, b) => b == 0 ? null : (ulong)((long)a / (long)b),
        0x1c => (a, b) => a - b,
        0x1d => (a, b) => b == 0 ? null : a % b,
        0x1e => (a, b) => a * b,
        0x21 => (a, b) => a | b,
        0x22 => (a, b) => a + b,
        0x24 => (a, b) => b >= 64 ? 0 : a << (int)b,
        0x25 => (a, b) => b >= 64 ? 0 : a >> (int)b,
        0x26 => (a, b) => b >= 64 ? (ulong)((long)a >> 63) : (ulong)((long)a >> (int)b),
        0x27 => (a, b) => a ^ b,
        0x29 => (a, b) => a == b ? 1UL : 0,
        0x2a => (a, b) => (long)a >= (long)b ? 1UL : 0,
        0x2b => (a, b) => (long)a > (long)b ? 1UL : 0,
        0x2c => (a, b) => (long)a <= (long)b ? 1UL : 0,
        0x2d => (a, b) => (long)a < (long)b ? 1UL : 0,
        0x2e => (a, b) => a != b ? 1UL : 0,
        _ => null,
    };

    private static ulong? Read(IAddressSpace memory, ulong address, int size)
    {
        Span<byte> bytes = stackalloc byte[8];
        bytes.Clear();
        return memory.Read(address, bytes[..size]) == size ? BitConverter.ToUInt64(bytes) : null;
    }
}
