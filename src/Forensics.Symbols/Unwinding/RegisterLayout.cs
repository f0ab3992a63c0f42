using Forensics.Model;

namespace Forensics.Symbols.Unwinding;

/// <summary>
/// DWARF register numbers of the System V psABIs (x86_64: rax rdx rcx rbx rsi rdi rbp rsp r8–r15, return address 16;
/// i386: eax ecx edx ebx esp ebp esi edi, eip 8) mapped to the register names of NT_PRSTATUS.
/// </summary>
internal sealed class RegisterLayout
{
    public static RegisterLayout X86_64 { get; } = new(true, 7, 6, 16,
        ["rax", "rdx", "rcx", "rbx", "rsi", "rdi", "rbp", "rsp", "r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15", "rip"]);
    public static RegisterLayout X86 { get; } = new(false, 4, 5, 8,
        ["eax", "ecx", "edx", "ebx", "esp", "ebp", "esi", "edi", "eip"]);

    private RegisterLayout(bool is64, int stackPointer, int framePointer, int programCounter, string[] names)
    {
        Is64 = is64;
        StackPointer = stackPointer;
        FramePointer = framePointer;
        ProgramCounter = programCounter;
        Names = names;
    }

    public bool Is64 { get; }
    public int PointerSize => Is64 ? 8 : 4;
    public int StackPointer { get; }
    public int FramePointer { get; }
    public int ProgramCounter { get; }
    public IReadOnlyList<string> Names { get; }

    public static RegisterLayout? For(Architecture architecture) => architecture switch
    {
        Architecture.X86_64 => X86_64,
        Architecture.X86 => X86,
        _ => null,
    };

    /// <summary>The thread's registers by DWARF number; null where the core has no value.</summary>
    public ulong?[] Initial(ThreadInfo thread)
    {
        var values = new ulong?[CallFrames.CallFrameRow.RegisterCount];
        foreach (var (name, value) in thread.Registers)
        {
            var index = Array.IndexOf((string[])Names, name);
            if (index >= 0)
                values[index] = Is64 ? value : value & 0xffff_ffff;
        }
        return values;
    }
}
