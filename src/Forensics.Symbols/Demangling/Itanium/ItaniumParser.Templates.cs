using System.Globalization;

namespace Forensics.Symbols.Demangling.Itanium;

internal sealed partial class ItaniumParser
{
    private ItaniumNode? ParseOperatorName(NameState? state)
    {
        if (Consume("cv"))
        {
            // A conversion operator's type may name the template arguments that follow it: "cvT_IiE".
            var (outerTry, outerPermit) = (tryTemplateArguments, permitForwardReferences);
            tryTemplateArguments = false;
            permitForwardReferences = outerPermit || state is not null;
            var type = ParseType();
            (tryTemplateArguments, permitForwardReferences) = (outerTry, outerPermit);
            if (type is null)
                return null;
            if (state is not null)
                state.IsConstructorDestructorOrConversion = true;
            return new ConversionOperatorNode(type);
        }
        if (Consume("li"))
            return ParseSourceNameText() is { } suffix ? new TextNode("operator\"\" " + suffix) : null;
        if (Peek() == 'v' && IsDigit(Peek(1)))
        {
            position += 2;
            return ParseSourceNameText() is { } vendor ? new TextNode("operator " + vendor) : null;
        }
        if (position + 2 > text.Length || !ItaniumOperators.ByCode.TryGetValue(text.Substring(position, 2), out var op))
            return null;
        position += 2;
        // libiberty puts a space between "operator" and a name that starts with a letter: "operator new".
        return new TextNode(IsLower(op.Name[0]) ? "operator " + op.Name.TrimEnd() : "operator" + op.Name);
    }

    private TemplateArgumentsNode? ParseTemplateArguments(bool bindsTemplateParameters)
    {
        if (!Consume('I'))
            return null;
        if (bindsTemplateParameters)
            templateParameters = [];
        var arguments = new List<ItaniumNode>();
        while (!Consume('E'))
        {
            if (AtEnd || ParseTemplateArgument() is not { } argument)
                return null;
            arguments.Add(argument);
            if (bindsTemplateParameters)
                templateParameters.Add(argument);
        }
        return new TemplateArgumentsNode(arguments);
    }

    private ItaniumNode? ParseTemplateArgument()
    {
        if (!Enter())
            return null;
        try
        {
            switch (Peek())
            {
                case 'X':
                    position++;
                    return ParseExpression() is { } expression && Consume('E') ? expression : null;
                case 'J':
                    position++;
                    var elements = new List<ItaniumNode>();
                    while (!Consume('E'))
                    {
                        if (AtEnd || ParseTemplateArgument() is not { } element)
                            return null;
                        elements.Add(element);
                    }
                    return new ArgumentPackNode(elements);
                case 'L':
                    return ParseExpressionPrimary();
                default:
                    return ParseType();
            }
        }
        finally
        {
            depth--;
        }
    }

    /// <summary><c>L type value E</c> or <c>L _Z encoding E</c>, printed as libiberty does: <c>5u</c>, <c>true</c>, <c>(char)97</c>.</summary>
    private ItaniumNode? ParseExpressionPrimary()
    {
        if (!Consume('L'))
            return null;
        if (Consume("_Z") || Consume('Z'))
            return ParseEncoding() is { } encoding && Consume('E') ? encoding : null;
        if (ParseType() is not { } type)
            return null;
        var negative = Consume('n');
        var start = position;
        while (!AtEnd && Peek() != 'E')
            position++;
        if (!Consume('E'))
            return null;
        var value = (negative ? "-" : "") + text[start..(position - 1)];
        var typeName = type is TextNode builtin ? builtin.Text : null;
        return typeName switch
        {
            "int" => new TextNode(value),
            "unsigned int" => new TextNode(value + "u"),
            "long" => new TextNode(value + "l"),
            "unsigned long" => new TextNode(value + "ul"),
            "long long" => new TextNode(value + "ll"),
            "unsigned long long" => new TextNode(value + "ull"),
            "bool" when value is "0" or "1" => new TextNode(value == "1" ? "true" : "false"),
            "float" or "double" or "long double" => new SequenceNode("(", type, ")[", value, "]"),
            _ => new SequenceNode("(", type, ")", value),
        };
    }

    private ItaniumNode? ParseExpression()
    {
        if (!Enter())
            return null;
        try
        {
            var c = Peek();
            if (c == 'L')
                return ParseExpressionPrimary();
            if (c == 'T')
                return ParseTemplateParameter();
            if (IsDigit(c))
            {
                if (ParseUnqualifiedName(null) is not { } name)
                    return null;
                if (Peek() != 'I')
                    return name;
                return ParseTemplateArguments(false) is { } arguments ? new TemplateNameNode(name, arguments) : null;
            }
            if (Consume("fp"))
            {
                ParseCvQualifiers();
                var number = ParseUnsigned();
                return Consume('_') ? new TextNode($"{{parm#{((number ?? -1) + 2).ToString(CultureInfo.InvariantCulture)}}}") : null;
            }
            if (Consume("sr"))
                return ParseUnresolvedName();
            if (Consume("sp"))
                return ParseExpression() is { } packed ? new SequenceNode(packed, "...") : null;
            if (Consume("st") || Consume("at"))
            {
                var keyword = text[position - 2] == 's' ? "sizeof (" : "alignof (";
                return ParseType() is { } measured ? new SequenceNode(keyword, measured, ")") : null;
            }
            if (Consume("sZ"))
                return ParseTemplateParameter() is { } pack ? new SequenceNode("sizeof...(", pack, ")") : null;
            if (Consume("cl"))
            {
                if (ParseExpression() is not { } callee || ParseExpressionList() is not { } arguments)
                    return null;
                return new SequenceNode(callee, "(", arguments, ")");
            }
            if (Consume("cv"))
            {
                if (ParseType() is not { } target)
                    return null;
                if (Consume('_'))
                    return ParseExpressionList() is { } values ? new SequenceNode("(", target, ")(", values, ")") : null;
                return ParseExpression() is { } operand ? new SequenceNode("(", target, ")(", operand, ")") : null;
            }
            return ParseOperatorExpression();
        }
        finally
        {
            depth--;
        }
    }

    private List<ItaniumNode>? ParseExpressionList()
    {
        var list = new List<ItaniumNode>();
        while (!Consume('E'))
        {
            if (AtEnd || ParseExpression() is not { } item)
                return null;
            list.Add(item);
        }
        return list;
    }

    private ItaniumNode? ParseUnresolvedName()
    {
        if (ParseType() is not { } qualifier)
            return null;
        if (ParseUnqualifiedName(null) is not { } name)
            return null;
        ItaniumNode result = new NestedNameNode(qualifier, name);
        if (Peek() == 'I')
            return ParseTemplateArguments(false) is { } arguments ? new TemplateNameNode(result, arguments) : null;
        return result;
    }

    private ItaniumNode? ParseOperatorExpression()
    {
        if (position + 2 > text.Length || !ItaniumOperators.ByCode.TryGetValue(text.Substring(position, 2), out var op))
            return null;
        position += 2;
        var operands = new List<ItaniumNode>();
        for (var i = 0; i < op.Arity; i++)
        {
            if (ParseExpression() is not { } operand)
                return null;
            operands.Add(operand);
        }
        return operands switch
        {
            [var only] => new SequenceNode(op.Name, Parenthesised(only)),
            [var left, var right] => new SequenceNode(Parenthesised(left), op.Name, Parenthesised(right)),
            [var condition, var then, var otherwise] => new SequenceNode(Parenthesised(condition), "?", Parenthesised(then), " : ", Parenthesised(otherwise)),
            _ => null,
        };
    }

    /// <summary>libiberty's d_print_subexpr: parentheses around all but names, literals and function parameters.</summary>
    private static ItaniumNode Parenthesised(ItaniumNode operand) =>
        operand is TextNode or TemplateParameterNode ? operand : new SequenceNode("(", operand, ")");
}
