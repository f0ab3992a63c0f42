using System.Globalization;
using Forensics.Model;

namespace Forensics.Importers.Containers.Apport;

/// <summary>
/// The <c>Registers</c> field apport-retrace adds: gdb's <c>info registers</c> of the thread that took the signal, one
/// register a line (<c>eip 0xf98281 0xf98281 &lt;symbol+1425&gt;</c>). A report whose core is gone (cut when pasted,
/// or never kept) still gives its crashing thread's PC, SP and frame pointer through it.
/// </summary>
internal static class ApportRegisters
{
    /// <summary>The crashing thread the field describes; null when it names no program counter of x86 or x86_64.</summary>
    public static ThreadInfo? Thread(ApportField field, int tid, int signal)
    {
        var values = new Dictionary<string, ulong>(StringComparer.Ordinal);
        var registers = new List<KeyValuePair<string, ulong>>();
        foreach (var line in field.Value.Split('\n'))
        {
            var words = line.Split((char[])[' ', '\t'], 3, StringSplitOptions.RemoveEmptyEntries);
            if (words.Length < 2 || !words[1].StartsWith("0x", StringComparison.Ordinal)
                || !ulong.TryParse(words[1].AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value)
                || !values.TryAdd(words[0], value))
            {
                continue;
            }
            registers.Add(new(words[0], value));
        }
        var wide = values.ContainsKey("rip");
        if (!wide && !values.ContainsKey("eip"))
            return null;
        var (pc, sp, fp) = wide ? ("rip", "rsp", "rbp") : ("eip", "esp", "ebp");
        return new ThreadInfo
        {
            Tid = tid, Signal = signal, IsCrashing = true, Registers = registers, Location = SourceLocation.AtLine(field.ValueFirstLine),
            ProgramCounter = values[pc], StackPointer = values.GetValueOrDefault(sp), FramePointer = values.GetValueOrDefault(fp),
        };
    }
}
