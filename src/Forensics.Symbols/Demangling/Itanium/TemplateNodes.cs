namespace Forensics.Symbols.Demangling.Itanium;

internal sealed class TemplateNameNode(ItaniumNode name, TemplateArgumentsNode arguments) : ItaniumNode
{
    public override string? BaseName => name.BaseName;

    public override void PrintLeft(ItaniumPrinter printer)
    {
        printer.Whole(name);
        printer.Whole(arguments);
    }
}

internal sealed class TemplateArgumentsNode(IReadOnlyList<ItaniumNode> arguments) : ItaniumNode
{
    public IReadOnlyList<ItaniumNode> Arguments { get; } = arguments;

    public override void PrintLeft(ItaniumPrinter printer)
    {
        // libiberty keeps "operator<" and "<" apart, and ">" from a closing ">".
        if (printer.LastChar == '<')
            printer.Append(' ');
        printer.Append('<');
        printer.List(Arguments);
        if (printer.LastChar == '>')
            printer.Append(' ');
        printer.Append('>');
    }
}

/// <summary>A template argument pack (<c>J...E</c>); as an argument it prints its elements in the list.</summary>
internal sealed class ArgumentPackNode(IReadOnlyList<ItaniumNode> elements) : ItaniumNode
{
    public IReadOnlyList<ItaniumNode> Elements { get; } = elements;

    public override void PrintLeft(ItaniumPrinter printer)
    {
        if (!printer.InPackExpansion)
        {
            printer.List(Elements);
            return;
        }
        printer.Left(Current(printer));
    }

    public override void PrintRight(ItaniumPrinter printer)
    {
        if (printer.InPackExpansion && printer.PackIndex < Elements.Count)
            printer.Right(Elements[printer.PackIndex]);
    }

    public override bool HasRightPart(ItaniumPrinter printer) => Current(printer)?.HasRightPart(printer) ?? false;

    public override bool IsArray(ItaniumPrinter printer) => Current(printer)?.IsArray(printer) ?? false;

    public override bool IsFunction(ItaniumPrinter printer) => Current(printer)?.IsFunction(printer) ?? false;

    public override ItaniumNode Resolve(ItaniumPrinter printer) => Current(printer) is { } current ? current.Resolve(printer) : this;

    /// <summary>The element of the expansion being printed; meeting the pack tells the expansion its size.</summary>
    private ItaniumNode? Current(ItaniumPrinter printer)
    {
        if (!printer.InPackExpansion)
            return null;
        if (printer.PackMax == ItaniumPrinter.UnknownPackSize)
        {
            printer.PackMax = Elements.Count;
            printer.PackIndex = 0;
        }
        return printer.PackIndex < Elements.Count ? Elements[printer.PackIndex] : null;
    }
}

/// <summary>
/// <c>T_</c>, <c>T0_</c>...: a reference to a template argument of the function, bound once the name's template
/// arguments are known (a conversion operator's type can refer to them before they appear).
/// </summary>
internal sealed class TemplateParameterNode(int index) : ItaniumNode
{
    public int Index { get; } = index;

    public ItaniumNode? Argument { get; set; }

    public override void PrintLeft(ItaniumPrinter printer)
    {
        if (printer.InLambdaParameters)
        {
            printer.Append("auto:");
            printer.Append((Index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
            return;
        }
        if (Argument is null)
            printer.Fail();
        printer.Left(Argument);
    }

    public override void PrintRight(ItaniumPrinter printer)
    {
        if (!printer.InLambdaParameters)
            printer.Right(Argument);
    }

    public override bool HasRightPart(ItaniumPrinter printer) => !printer.InLambdaParameters && (Argument?.HasRightPart(printer) ?? false);

    public override bool IsArray(ItaniumPrinter printer) => !printer.InLambdaParameters && (Argument?.IsArray(printer) ?? false);

    public override bool IsFunction(ItaniumPrinter printer) => !printer.InLambdaParameters && (Argument?.IsFunction(printer) ?? false);

    public override string? BaseName => Argument?.BaseName;

    public override ItaniumNode Resolve(ItaniumPrinter printer) => Argument is { } argument && !printer.InLambdaParameters ? argument.Resolve(printer) : this;
}

/// <summary><c>Dp</c>: the pattern printed once per element of the pack it names, separated by ", ".</summary>
internal sealed class PackExpansionNode(ItaniumNode pattern) : ItaniumNode
{
    public override void PrintLeft(ItaniumPrinter printer)
    {
        var (outerIn, outerIndex, outerMax) = (printer.InPackExpansion, printer.PackIndex, printer.PackMax);
        printer.InPackExpansion = true;
        printer.PackIndex = 0;
        printer.PackMax = ItaniumPrinter.UnknownPackSize;
        var (mark, lastChar) = (printer.Length, printer.LastChar);
        printer.Whole(pattern);
        var count = printer.PackMax;
        if (count == ItaniumPrinter.UnknownPackSize)
            printer.Fail();
        else if (count == 0)
            printer.Truncate(mark, lastChar);
        for (var i = 1; i < count; i++)
        {
            printer.Append(", ");
            printer.PackIndex = i;
            printer.Whole(pattern);
        }
        (printer.InPackExpansion, printer.PackIndex, printer.PackMax) = (outerIn, outerIndex, outerMax);
    }
}
