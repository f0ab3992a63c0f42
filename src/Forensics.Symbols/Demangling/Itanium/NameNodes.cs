namespace Forensics.Symbols.Demangling.Itanium;

/// <summary>Literal text: a source name, a builtin type, an operator.</summary>
internal sealed class TextNode(string text) : ItaniumNode
{
    public string Text { get; } = text;

    public override string? BaseName => Text;

    public override void PrintLeft(ItaniumPrinter printer) => printer.Append(Text);
}

/// <summary>A standard abbreviation (<c>Ss</c>, <c>Sa</c>...): c++filt prints the full expansion, its ctor the last name.</summary>
internal sealed class StandardNameNode(string text, string? lastName) : ItaniumNode
{
    public override string? BaseName => lastName;

    public override void PrintLeft(ItaniumPrinter printer) => printer.Append(text);
}

/// <summary>A qualified name, <c>A::B</c>, and a name local to a function, <c>f()::x</c>.</summary>
internal sealed class NestedNameNode(ItaniumNode qualifier, ItaniumNode name) : ItaniumNode
{
    public override string? BaseName => name.BaseName;

    public override void PrintLeft(ItaniumPrinter printer)
    {
        printer.Whole(qualifier);
        printer.Append("::");
        printer.Whole(name);
    }
}

internal sealed class AbiTagNode(ItaniumNode name, string tag) : ItaniumNode
{
    public override string? BaseName => name.BaseName;

    public override void PrintLeft(ItaniumPrinter printer)
    {
        printer.Whole(name);
        printer.Append("[abi:");
        printer.Append(tag);
        printer.Append(']');
    }
}

internal sealed class CtorDtorNode(ItaniumNode owner, bool isDestructor) : ItaniumNode
{
    public override void PrintLeft(ItaniumPrinter printer)
    {
        if (owner.BaseName is not { } name)
        {
            printer.Fail();
            return;
        }
        if (isDestructor)
            printer.Append('~');
        printer.Append(name);
    }
}

internal sealed class ConversionOperatorNode(ItaniumNode type) : ItaniumNode
{
    public override void PrintLeft(ItaniumPrinter printer)
    {
        printer.Append("operator ");
        printer.Whole(type);
    }
}

/// <summary><c>{lambda(int)#1}</c>: the closure type of a lambda, numbered within its scope from 1.</summary>
internal sealed class LambdaNode(IReadOnlyList<ItaniumNode> parameters, int number) : ItaniumNode
{
    public override void PrintLeft(ItaniumPrinter printer)
    {
        printer.Append("{lambda(");
        var outer = printer.InLambdaParameters;
        printer.InLambdaParameters = true;
        printer.List(parameters);
        printer.InLambdaParameters = outer;
        printer.Append(")#");
        printer.Append(number.ToString(System.Globalization.CultureInfo.InvariantCulture));
        printer.Append('}');
    }
}

internal sealed class StructuredBindingNode(IReadOnlyList<ItaniumNode> names) : ItaniumNode
{
    public override void PrintLeft(ItaniumPrinter printer)
    {
        printer.Append('[');
        printer.List(names);
        printer.Append(']');
    }
}

/// <summary>A prefix and what it names: <c>vtable for A</c>, <c>non-virtual thunk to A::f()</c>.</summary>
internal sealed class SpecialNameNode(string prefix, ItaniumNode name) : ItaniumNode
{
    public override void PrintLeft(ItaniumPrinter printer)
    {
        printer.Append(prefix);
        printer.Whole(name);
    }
}

internal sealed class ConstructionVtableNode(ItaniumNode complete, ItaniumNode baseType) : ItaniumNode
{
    public override void PrintLeft(ItaniumPrinter printer)
    {
        printer.Append("construction vtable for ");
        printer.Whole(baseType);
        printer.Append("-in-");
        printer.Whole(complete);
    }
}
