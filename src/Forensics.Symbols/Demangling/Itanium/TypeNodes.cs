namespace Forensics.Symbols.Demangling.Itanium;

/// <summary>A type followed by a word: cv-qualifiers (<c>char const</c>), a vendor qualifier, <c>_Complex</c>.</summary>
internal sealed class PostfixTypeNode(ItaniumNode child, string suffix) : ItaniumNode
{
    public override void PrintLeft(ItaniumPrinter printer)
    {
        printer.Left(child);
        printer.Append(suffix);
    }

    public override void PrintRight(ItaniumPrinter printer) => printer.Right(child);

    public override bool HasRightPart(ItaniumPrinter printer) => child.HasRightPart(printer);
}

/// <summary>
/// A pointer, lvalue or rvalue reference. References collapse as in C++ (<c>T&amp;&amp;</c> with <c>T = int&amp;</c>
/// is <c>int&amp;</c>); a pointee that is a function or an array is put in parentheses.
/// </summary>
internal sealed class PointerNode(ItaniumNode pointee, string symbol) : ItaniumNode
{
    public ItaniumNode Pointee { get; } = pointee;

    public string Symbol { get; } = symbol;

    public override void PrintLeft(ItaniumPrinter printer)
    {
        var (target, symbol) = Collapse(printer);
        printer.Left(target);
        if (target.IsArray(printer) || target.IsFunction(printer))
            OpenParenthesis(printer);
        printer.Append(symbol);
    }

    public override void PrintRight(ItaniumPrinter printer)
    {
        var (target, _) = Collapse(printer);
        if (target.IsArray(printer) || target.IsFunction(printer))
            printer.Append(')');
        printer.Right(target);
    }

    public override bool HasRightPart(ItaniumPrinter printer) => Collapse(printer).Target.HasRightPart(printer);

    /// <summary>libiberty's d_print_function_type: a space before the parenthesis unless one is there or it follows "(" or "*".</summary>
    public static void OpenParenthesis(ItaniumPrinter printer)
    {
        if (printer.LastChar is not ('(' or '*' or ' '))
            printer.Append(' ');
        printer.Append('(');
    }

    private (ItaniumNode Target, string Symbol) Collapse(ItaniumPrinter printer)
    {
        var target = Pointee.Resolve(printer);
        if (Symbol == "*")
            return (target, Symbol);
        var symbol = Symbol;
        for (var steps = 0; target is PointerNode { Symbol: not "*" } reference && steps < DemanglerLimits.MaxDepth; steps++)
        {
            if (reference.Symbol == "&")
                symbol = "&";
            target = reference.Pointee.Resolve(printer);
        }
        return (target, symbol);
    }
}

internal sealed class PointerToMemberNode(ItaniumNode owner, ItaniumNode member) : ItaniumNode
{
    public override void PrintLeft(ItaniumPrinter printer)
    {
        printer.Left(member);
        if (member.IsArray(printer) || member.IsFunction(printer))
            PointerNode.OpenParenthesis(printer);
        else
            printer.Append(' ');
        printer.Whole(owner);
        printer.Append("::*");
    }

    public override void PrintRight(ItaniumPrinter printer)
    {
        if (member.IsArray(printer) || member.IsFunction(printer))
            printer.Append(')');
        printer.Right(member);
    }

    public override bool HasRightPart(ItaniumPrinter printer) => member.HasRightPart(printer);
}

/// <summary>A function type: <c>void (int)</c>, with the cv- and ref-qualifiers of a member function after it.</summary>
internal sealed class FunctionTypeNode(
    ItaniumNode returnType, IReadOnlyList<ItaniumNode> parameters, string qualifiers, ItaniumNode? exceptionSpecification = null) : ItaniumNode
{
    public override void PrintLeft(ItaniumPrinter printer)
    {
        printer.Left(returnType);
        if (!returnType.HasRightPart(printer))
            printer.Append(' ');
    }

    public override void PrintRight(ItaniumPrinter printer)
    {
        printer.Append('(');
        printer.List(parameters);
        printer.Append(')');
        printer.Append(qualifiers);
        printer.Whole(exceptionSpecification);
        printer.Right(returnType);
    }

    public override bool HasRightPart(ItaniumPrinter printer) => true;

    public override bool IsFunction(ItaniumPrinter printer) => true;
}

internal sealed class ArrayTypeNode(ItaniumNode element, ItaniumNode? dimension) : ItaniumNode
{
    public override void PrintLeft(ItaniumPrinter printer) => printer.Left(element);

    public override void PrintRight(ItaniumPrinter printer)
    {
        if (printer.LastChar != ']')
            printer.Append(' ');
        printer.Append('[');
        printer.Whole(dimension);
        printer.Append(']');
        printer.Right(element);
    }

    public override bool HasRightPart(ItaniumPrinter printer) => true;

    public override bool IsArray(ItaniumPrinter printer) => true;
}

internal sealed class VectorTypeNode(ItaniumNode element, ItaniumNode dimension) : ItaniumNode
{
    public override void PrintLeft(ItaniumPrinter printer)
    {
        printer.Whole(element);
        printer.Append(" __vector(");
        printer.Whole(dimension);
        printer.Append(')');
    }
}
