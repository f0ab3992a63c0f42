using System.Runtime.CompilerServices;
using Forensics.Elf;
using Forensics.Symbols.ModuleFiles;

namespace Forensics.Symbols.SourceLines;

/// <summary>
/// The rows of a module's <c>.debug_line</c>, sorted by address; made once per module file, on first use, and shared by
/// every core that uses the file. Making it spends from the budget of the caller that needs it first.
/// </summary>
internal sealed class LineTable
{
    private static readonly ConditionalWeakTable<ModuleFile, LineTable> Tables = [];
    private readonly (ulong Address, ulong End, SourceLine Line)[] _rows;

    private LineTable((ulong, ulong, SourceLine)[] rows) => _rows = rows;

    public static LineTable For(ModuleFile file, DebugSections sections, IReadCheckpoint checkpoint) =>
        Tables.GetValue(file, _ => new LineTable([.. LineProgramReader.Read(sections, checkpoint).OrderBy(r => r.Address)]));

    public SourceLine? Find(ulong address)
    {
        int low = 0, high = _rows.Length - 1;
        while (low <= high)
        {
            var middle = low + ((high - low) >> 1);
            if (_rows[middle].Address <= address) low = middle + 1;
            else high = middle - 1;
        }
        return high >= 0 && address < _rows[high].End ? _rows[high].Line : null;
    }
}
