namespace Forensics.Symbols.SymbolTables;

/// <summary>A function symbol at a link-time address; <see cref="Size"/> 0 when the table does not say.</summary>
internal readonly record struct FunctionSymbol(ulong Address, ulong Size, string Name, bool IsGlobal);
