namespace Forensics.Importers.Containers.Apport;

/// <summary>One text field of an apport report: its key, its value (continuation lines joined by line feeds) and where they are.</summary>
/// <param name="Key">The field's name.</param>
/// <param name="Value">The text after <c>Key: </c> and the continuation lines without their leading space.</param>
/// <param name="Line">The line of the key.</param>
/// <param name="ValueFirstLine">The line the value starts on: the key's own line, or the first continuation line when the key line holds none.</param>
/// <param name="ValueLastLine">The value's last line.</param>
internal sealed record ApportField(string Key, string Value, int Line, int ValueFirstLine, int ValueLastLine);
