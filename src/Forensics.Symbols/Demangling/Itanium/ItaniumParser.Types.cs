using System.Globalization;

namespace Forensics.Symbols.Demangling.Itanium;

internal sealed partial class ItaniumParser
{
    private static readonly IReadOnlyDictionary<char, TextNode> Builtins = new Dictionary<char, TextNode>
    {
        ['v'] = new("void"), ['w'] = new("wchar_t"), ['b'] = new("bool"), ['c'] = new("char"), ['a'] = new("signed char"),
        ['h'] = new("unsigned char"), ['s'] = new("short"), ['t'] = new("unsigned short"), ['i'] = new("int"),
        ['j'] = new("unsigned int"), ['l'] = new("long"), ['m'] = new("unsigned long"), ['x'] = new("long long"),
        ['y'] = new("unsigned long long"), ['n'] = new("__int128"), ['o'] = new("unsigned __int128"), ['f'] = new("float"),
        ['d'] = new("double"), ['e'] = new("long double"), ['g'] = new("__float128"), ['z'] = new("..."),
    };

    private static readonly IReadOnlyDictionary<char, TextNode> DBuiltins = new Dictionary<char, TextNode>
    {
        ['d'] = new("decimal64"), ['e'] = new("decimal128"), ['f'] = new("decimal32"), ['h'] = new("half"),
        ['i'] = new("char32_t"), ['s'] = new("char16_t"), ['u'] = new("char8_t"), ['a'] = new("auto"),
        ['c'] = new("decltype(auto)"), ['n'] = new("decltype(nullptr)"),
    };

    private ItaniumNode? ParseType()
    {
        if (!Enter())
            return null;
        try
        {
            var c = Peek();
            if (Builtins.TryGetValue(c, out var builtin))
            {
                position++;
                return builtin;
            }
            if (c == 'D' && DBuiltins.TryGetValue(Peek(1), out builtin))
            {
                position += 2;
                return builtin;
            }
            if (c == 'S' && Peek(1) != 't')
            {
                var substitution = ParseSubstitution();
                if (substitution is null || !tryTemplateArguments || Peek() != 'I')
                    return substitution;
                return Substitutable(ParseTemplateArguments(false) is { } arguments ? new TemplateNameNode(substitution, arguments) : null);
            }
            return Substitutable(ParseSubstitutableType(c));
        }
        finally
        {
            depth--;
        }
    }

    private ItaniumNode? Substitutable(ItaniumNode? type)
    {
        if (type is not null)
            substitutions.Add(type);
        return type;
    }

    private ItaniumNode? ParseSubstitutableType(char c)
    {
        switch (c)
        {
            case 'r' or 'V' or 'K':
                var qualifiers = ParseCvQualifiers();
                // A qualified function type is a member function's: the qualifiers follow its parameters.
                if (Peek() == 'F')
                    return ParseFunctionType(qualifiers, "");
                return ParseType() is { } qualified ? new PostfixTypeNode(qualified, qualifiers) : null;
            case 'U':
                position++;
                if (ParseSourceNameText() is not { } vendorQualifier)
                    return null;
                return ParseType() is { } vendorQualified ? new PostfixTypeNode(vendorQualified, " " + vendorQualifier) : null;
            case 'u':
                position++;
                return ParseSourceName();
            case 'F':
                return ParseFunctionType("", "");
            case 'A':
                return ParseArrayType();
            case 'M':
                position++;
                var owner = ParseType();
                var member = owner is null ? null : ParseType();
                return member is null ? null : new PointerToMemberNode(owner!, member);
            case 'T':
                if (Peek(1) is 's' or 'u' or 'e')
                {
                    position += 2;
                    return ParseName(null);
                }
                var parameter = ParseTemplateParameter();
                if (parameter is null || !tryTemplateArguments || Peek() != 'I')
                    return parameter;
                substitutions.Add(parameter);
                return ParseTemplateArguments(false) is { } arguments ? new TemplateNameNode(parameter, arguments) : null;
            case 'P':
                position++;
                return ParseType() is { } pointee ? new PointerNode(pointee, "*") : null;
            case 'R':
                position++;
                return ParseType() is { } referee ? new PointerNode(referee, "&") : null;
            case 'O':
                position++;
                return ParseType() is { } rvalueReferee ? new PointerNode(rvalueReferee, "&&") : null;
            case 'C':
                position++;
                return ParseType() is { } complex ? new PostfixTypeNode(complex, " _Complex") : null;
            case 'G':
                position++;
                return ParseType() is { } imaginary ? new PostfixTypeNode(imaginary, " _Imaginary") : null;
            case 'D':
                return ParseDType();
            default:
                return ParseName(null);
        }
    }

    private ItaniumNode? ParseDType()
    {
        switch (Peek(1))
        {
            case 'p':
                position += 2;
                return ParseType() is { } pattern ? new PackExpansionNode(pattern) : null;
            case 't' or 'T':
                return ParseDecltype();
            case 'v':
                position += 2;
                ItaniumNode? dimension = IsDigit(Peek()) ? ParseSourceNumber() : Consume('_') ? ParseExpression() : null;
                if (dimension is null || !Consume('_') || ParseType() is not { } element)
                    return null;
                return new VectorTypeNode(element, dimension);
            case 'F':
                position += 2;
                if (ParseUnsigned() is not { } bits)
                    return null;
                var extended = Consume('x') ? "x" : "";
                return Consume('_') ? new TextNode($"_Float{bits.ToString(CultureInfo.InvariantCulture)}{extended}") : null;
            case 'o':
                position += 2;
                return Peek() == 'F' ? ParseFunctionType("", " noexcept") : null;
            case 'x':
                position += 2;
                return Peek() == 'F' ? ParseFunctionType("", " transaction_safe") : null;
            case 'O':
                position += 2;
                if (ParseExpression() is not { } condition || !Consume('E') || Peek() != 'F')
                    return null;
                return ParseFunctionType("", "", new SequenceNode(" noexcept(", condition, ")"));
            case 'w':
                position += 2;
                var thrown = new List<ItaniumNode>();
                while (!Consume('E'))
                {
                    if (ParseType() is not { } type)
                        return null;
                    thrown.Add(type);
                }
                return Peek() == 'F' ? ParseFunctionType("", "", new SequenceNode(" throw(", thrown, ")")) : null;
            default:
                return null;
        }
    }

    private ItaniumNode? ParseSourceNumber() => ParseUnsigned() is { } value ? new TextNode(value.ToString(CultureInfo.InvariantCulture)) : null;

    /// <summary><c>F [Y] return-type parameters [R|O] E</c>.</summary>
    private ItaniumNode? ParseFunctionType(string cvQualifiers, string suffix, ItaniumNode? exceptionSpecification = null)
    {
        if (!Consume('F'))
            return null;
        Consume('Y');
        if (ParseType() is not { } returnType)
            return null;
        var parameters = new List<ItaniumNode>();
        var referenceQualifier = "";
        while (!Consume('E'))
        {
            if (Consume("RE"))
            {
                referenceQualifier = " &";
                break;
            }
            if (Consume("OE"))
            {
                referenceQualifier = " &&";
                break;
            }
            if (AtEnd || ParseType() is not { } parameter)
                return null;
            parameters.Add(parameter);
        }
        if (parameters is [TextNode { Text: "void" }])
            parameters.Clear();
        var qualifiers = cvQualifiers + referenceQualifier + suffix;
        if (exceptionSpecification is not null)
            return new FunctionTypeNode(returnType, parameters, qualifiers, exceptionSpecification);
        return new FunctionTypeNode(returnType, parameters, qualifiers);
    }

    private ItaniumNode? ParseArrayType()
    {
        position++;
        ItaniumNode? dimension = null;
        if (IsDigit(Peek()))
            dimension = ParseSourceNumber();
        else if (Peek() != '_')
            dimension = ParseExpression();
        if ((dimension is null && Peek() != '_') || !Consume('_'))
            return null;
        return ParseType() is { } element ? new ArrayTypeNode(element, dimension) : null;
    }

    private ItaniumNode? ParseDecltype()
    {
        position += 2;
        return ParseExpression() is { } expression && Consume('E') ? new SequenceNode("decltype (", expression, ")") : null;
    }

    private ItaniumNode? ParseTemplateParameter()
    {
        if (!Consume('T'))
            return null;
        int index;
        if (Consume('_'))
            index = 0;
        else if (ParseUnsigned() is { } value && Consume('_'))
            index = (int)value + 1;
        else
            return null;
        var parameter = new TemplateParameterNode(index);
        if (parsingLambdaParameters)
            return parameter;
        if (index < templateParameters.Count)
            parameter.Argument = templateParameters[index];
        else if (permitForwardReferences)
            forwardReferences.Add(parameter);
        else
            return null;
        return parameter;
    }
}
