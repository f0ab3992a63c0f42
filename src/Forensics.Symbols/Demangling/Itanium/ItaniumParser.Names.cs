using System.Globalization;

namespace Forensics.Symbols.Demangling.Itanium;

internal sealed partial class ItaniumParser
{
    private static readonly TextNode StdNamespace = new("std");

    private ItaniumNode? ParseName(NameState? state)
    {
        if (!Enter())
            return null;
        try
        {
            if (Peek() == 'N')
                return ParseNestedName(state);
            if (Peek() == 'Z')
                return ParseLocalName(state);
            var isSubstitution = Peek() == 'S' && Peek(1) != 't';
            var name = isSubstitution ? ParseSubstitution() : ParseUnscopedName(state);
            if (name is null)
                return null;
            if (Peek() == 'I')
            {
                if (!isSubstitution)
                    substitutions.Add(name);
                if (ParseTemplateArguments(state is not null) is not { } arguments)
                    return null;
                if (state is not null)
                    state.EndsWithTemplateArguments = true;
                return new TemplateNameNode(name, arguments);
            }
            // A substitution names a template here, so template arguments must follow.
            return isSubstitution ? null : name;
        }
        finally
        {
            depth--;
        }
    }

    private ItaniumNode? ParseUnscopedName(NameState? state)
    {
        var inStd = Consume("St");
        var name = ParseUnqualifiedName(state);
        return name is null ? null : inStd ? new NestedNameNode(StdNamespace, name) : name;
    }

    private ItaniumNode? ParseNestedName(NameState? state)
    {
        if (!Consume('N'))
            return null;
        var qualifiers = ParseCvQualifiers();
        if (Consume('R'))
            qualifiers += " &";
        else if (Consume('O'))
            qualifiers += " &&";
        if (state is not null)
            state.Qualifiers = qualifiers;

        ItaniumNode? soFar = null;
        var added = 0;
        bool Push(ItaniumNode? component)
        {
            if (component is null)
                return false;
            soFar = soFar is null ? component : new NestedNameNode(soFar, component);
            if (state is not null)
                state.EndsWithTemplateArguments = false;
            substitutions.Add(soFar);
            added++;
            return true;
        }

        while (!Consume('E'))
        {
            if (AtEnd)
                return null;
            Consume('L');
            var c = Peek();
            if (c == 'M')
            {
                // A data-member prefix (a closure in a member's initializer) adds nothing to the printed name.
                if (soFar is null)
                    return null;
                position++;
                continue;
            }
            if (c == 'S')
            {
                if (soFar is not null)
                    return null;
                soFar = Consume("St") ? StdNamespace : ParseSubstitution();
                if (soFar is null)
                    return null;
                continue;
            }
            if (c == 'I')
            {
                if (soFar is null || ParseTemplateArguments(state is not null) is not { } arguments)
                    return null;
                soFar = new TemplateNameNode(soFar, arguments);
                if (state is not null)
                    state.EndsWithTemplateArguments = true;
                substitutions.Add(soFar);
                added++;
                continue;
            }
            ItaniumNode? component;
            if (c == 'T')
                component = ParseTemplateParameter();
            else if (c == 'D' && Peek(1) is 't' or 'T')
                component = ParseDecltype();
            else if (c == 'C' || (c == 'D' && Peek(1) is >= '0' and <= '5'))
                component = ParseConstructorOrDestructor(soFar, state);
            else
                component = ParseUnqualifiedName(state);
            if (!Push(component))
                return null;
        }
        if (soFar is null || added == 0)
            return null;
        // The whole nested name is added by whoever uses it as a type; a function's name is not a candidate.
        substitutions.RemoveAt(substitutions.Count - 1);
        return soFar;
    }

    private ItaniumNode? ParseConstructorOrDestructor(ItaniumNode? owner, NameState? state)
    {
        if (owner is null)
            return null;
        var isDestructor = Next() == 'D';
        if (!isDestructor && Consume('I'))
        {
            // An inheriting constructor is named after the base class it inherits from.
            if (!IsDigit(Next()) || ParseName(null) is not { } inheritedFrom)
                return null;
            owner = inheritedFrom;
        }
        else if (!IsDigit(Next()))
        {
            return null;
        }
        if (state is not null)
            state.IsConstructorDestructorOrConversion = true;
        return ParseAbiTags(new CtorDtorNode(owner, isDestructor));
    }

    private ItaniumNode? ParseLocalName(NameState? state)
    {
        if (!Consume('Z') || ParseEncoding() is not { } encoding || !Consume('E'))
            return null;
        // c++filt leaves out the return type of the function a name is local to.
        if (encoding is FunctionEncodingNode function)
            encoding = function.WithoutReturnType();
        if (Consume('s'))
        {
            ParseDiscriminator();
            return new NestedNameNode(encoding, new TextNode("string literal"));
        }
        if (Consume('d'))
        {
            // A default argument: d [number] _ <name>; c++filt prints "{default arg#N}".
            var number = ParseUnsigned() ?? -1;
            if (!Consume('_') || ParseName(state) is not { } argument)
                return null;
            var label = new TextNode($"{{default arg#{(number + 2).ToString(CultureInfo.InvariantCulture)}}}");
            return new NestedNameNode(encoding, new NestedNameNode(label, argument));
        }
        if (ParseName(state) is not { } entity)
            return null;
        ParseDiscriminator();
        return new NestedNameNode(encoding, entity);
    }

    private ItaniumNode? ParseUnqualifiedName(NameState? state)
    {
        ItaniumNode? name;
        var c = Peek();
        if (c == 'L')
        {
            // A name with internal linkage, then an optional discriminator.
            position++;
            name = ParseSourceName();
            if (name is not null)
                ParseDiscriminator();
        }
        else if (IsDigit(c))
        {
            name = ParseSourceName();
        }
        else if (IsLower(c))
        {
            name = ParseOperatorName(state);
        }
        else if (c == 'U' && Peek(1) == 't')
        {
            position += 2;
            name = ParseCompactNumber() is { } number ? new TextNode($"{{unnamed type#{(number + 1).ToString(CultureInfo.InvariantCulture)}}}") : null;
        }
        else if (c == 'U' && Peek(1) == 'l')
        {
            name = ParseLambda();
        }
        else if (c == 'D' && Peek(1) == 'C')
        {
            position += 2;
            var names = new List<ItaniumNode>();
            while (!Consume('E'))
            {
                if (ParseSourceName() is not { } part)
                    return null;
                names.Add(part);
            }
            name = names.Count == 0 ? null : new StructuredBindingNode(names);
        }
        else
        {
            return null;
        }
        return name is null ? null : ParseAbiTags(name);
    }

    private ItaniumNode? ParseAbiTags(ItaniumNode name)
    {
        while (Consume('B'))
        {
            if (ParseSourceNameText() is not { } tag)
                return null;
            name = new AbiTagNode(name, tag);
        }
        return name;
    }

    private ItaniumNode? ParseLambda()
    {
        position += 2;
        var outer = parsingLambdaParameters;
        parsingLambdaParameters = true;
        var parameters = ParseParameters();
        parsingLambdaParameters = outer;
        if (parameters is null || !Consume('E') || ParseCompactNumber() is not { } number)
            return null;
        return new LambdaNode(parameters, (int)number + 1);
    }

    private ItaniumNode? ParseSourceName() => ParseSourceNameText() is { } name ? new TextNode(name) : null;

    private string? ParseSourceNameText()
    {
        if (ParseUnsigned() is not { } length || length == 0 || length > text.Length - position)
            return null;
        var name = text.Substring(position, (int)length);
        position += (int)length;
        // gcc names an anonymous namespace _GLOBAL__N_1 (the character after _GLOBAL_ may be '.', '_' or '$').
        if (name.Length >= 10 && name.StartsWith("_GLOBAL_", StringComparison.Ordinal) && name[8] is '.' or '_' or '$' && name[9] == 'N')
            return "(anonymous namespace)";
        return name;
    }

    private ItaniumNode? ParseSubstitution()
    {
        if (!Consume('S'))
            return null;
        if (Consume('_'))
            return substitutions.Count > 0 ? substitutions[0] : null;
        if (IsDigit(Peek()) || IsUpper(Peek()))
        {
            long index = 0;
            while (IsDigit(Peek()) || IsUpper(Peek()))
            {
                var c = Next();
                index = index * 36 + (IsDigit(c) ? c - '0' : c - 'A' + 10);
                if (index > substitutions.Count)
                    return null;
            }
            return Consume('_') && index + 1 < substitutions.Count ? substitutions[(int)index + 1] : null;
        }
        // c++filt prints the standard abbreviations in full (it demangles with DMGL_VERBOSE).
        return Next() switch
        {
            'a' => new StandardNameNode("std::allocator", "allocator"),
            'b' => new StandardNameNode("std::basic_string", "basic_string"),
            's' => new StandardNameNode("std::basic_string<char, std::char_traits<char>, std::allocator<char> >", "basic_string"),
            'i' => new StandardNameNode("std::basic_istream<char, std::char_traits<char> >", "basic_istream"),
            'o' => new StandardNameNode("std::basic_ostream<char, std::char_traits<char> >", "basic_ostream"),
            'd' => new StandardNameNode("std::basic_iostream<char, std::char_traits<char> >", "basic_iostream"),
            _ => null,
        };
    }

    private string ParseCvQualifiers()
    {
        var restrict = Consume('r');
        var isVolatile = Consume('V');
        var isConst = Consume('K');
        return (isConst ? " const" : "") + (isVolatile ? " volatile" : "") + (restrict ? " restrict" : "");
    }
}
