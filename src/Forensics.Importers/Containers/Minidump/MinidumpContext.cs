using System.Buffers.Binary;
using Forensics.Model;

namespace Forensics.Importers.Containers.Minidump;

/// <summary>
/// The general registers of a CONTEXT record (winnt.h CONTEXT for x86 and AMD64, which Breakpad and Crashpad write
/// on Linux too): offsets of each register within the record.
/// </summary>
internal static class MinidumpContext
{
    private static readonly (string Name, int Offset)[] Amd64 =
    [
        ("rax", 0x78), ("rbx", 0x90), ("rcx", 0x80), ("rdx", 0x88), ("rsi", 0xa8), ("rdi", 0xb0), ("rbp", 0xa0), ("rsp", 0x98),
        ("r8", 0xb8), ("r9", 0xc0), ("r10", 0xc8), ("r11", 0xd0), ("r12", 0xd8), ("r13", 0xe0), ("r14", 0xe8), ("r15", 0xf0), ("rip", 0xf8),
    ];

    private static readonly (string Name, int Offset)[] X86 =
    [
        ("eax", 0xb0), ("ebx", 0xa4), ("ecx", 0xac), ("edx", 0xa8), ("esi", 0xa0), ("edi", 0x9c), ("ebp", 0xb4), ("esp", 0xc4), ("eip", 0xb8),
    ];

    /// <summary>The registers by name with PC, SP and FP; null when the record is too short for the architecture.</summary>
    public static (ulong Pc, ulong Sp, ulong Fp, List<KeyValuePair<string, ulong>> Registers)? Read(byte[] context, Architecture architecture)
    {
        if (architecture is not (Architecture.X86_64 or Architecture.X86))
            return null;
        var wide = architecture == Architecture.X86_64;
        var (layout, pc, sp, fp) = wide ? (Amd64, "rip", "rsp", "rbp") : (X86, "eip", "esp", "ebp");
        var end = layout.Max(r => r.Offset) + (wide ? 8 : 4);
        if (context.Length < end)
            return null;
        var registers = layout.Select(r => KeyValuePair.Create(r.Name,
            wide ? BinaryPrimitives.ReadUInt64LittleEndian(context.AsSpan(r.Offset)) : BinaryPrimitives.ReadUInt32LittleEndian(context.AsSpan(r.Offset)))).ToList();
        ulong Value(string name) => registers.First(r => r.Key == name).Value;
        return (Value(pc), Value(sp), Value(fp), registers);
    }
}
