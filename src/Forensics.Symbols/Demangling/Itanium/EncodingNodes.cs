namespace Forensics.Symbols.Demangling.Itanium;

/// <summary>A function: return type (for templates), name, parameters, then its cv- and ref-qualifiers.</summary>
internal sealed class FunctionEncodingNode(ItaniumNode? returnType, ItaniumNode name, IReadOnlyList<ItaniumNode> parameters, string qualifiers)
    : ItaniumNode
{
    public override void PrintLeft(ItaniumPrinter printer)
    {
        if (returnType is not null)
        {
            printer.Left(returnType);
            if (!returnType.HasRightPart(printer))
                printer.Append(' ');
        }
        printer.Whole(name);
        printer.Append('(');
        printer.List(parameters);
        printer.Append(')');
        printer.Append(qualifiers);
        if (returnType is not null)
            printer.Right(returnType);
    }

    public override string? BaseName => name.BaseName;

    public FunctionEncodingNode WithoutReturnType() => new(null, name, parameters, qualifiers);
}

/// <summary>A copy gcc made of a function (<c>.cold</c>, <c>.isra.0</c>, <c>.constprop.0</c>): <c>f() [clone .cold]</c>.</summary>
internal sealed class CloneNode(ItaniumNode encoding, string suffix) : ItaniumNode
{
    public override void PrintLeft(ItaniumPrinter printer)
    {
        printer.Whole(encoding);
        printer.Append(" [clone ");
        printer.Append(suffix);
        printer.Append(']');
    }
}
