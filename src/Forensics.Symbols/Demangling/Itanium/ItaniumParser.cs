using System.Globalization;

namespace Forensics.Symbols.Demangling.Itanium;

/// <summary>
/// A recursive-descent parser of the Itanium C++ ABI mangling grammar
/// (https://itanium-cxx-abi.github.io/cxx-abi/abi.html#mangling). Every method returns null on malformed input;
/// nesting is bounded by <see cref="DemanglerLimits.MaxDepth"/>.
/// </summary>
internal sealed partial class ItaniumParser(string text)
{
    private readonly List<ItaniumNode> substitutions = [];
    private readonly List<TemplateParameterNode> forwardReferences = [];
    private List<ItaniumNode> templateParameters = [];
    private int position;
    private int depth;
    private bool permitForwardReferences;
    private bool parsingLambdaParameters;
    private bool tryTemplateArguments = true;

    /// <summary>What parsing a function's name tells about the rest of its encoding.</summary>
    private sealed class NameState
    {
        public string Qualifiers { get; set; } = "";

        public bool EndsWithTemplateArguments { get; set; }

        public bool IsConstructorDestructorOrConversion { get; set; }
    }

    public ItaniumNode? ParseMangledName()
    {
        if (!Consume("_Z"))
            return null;
        var encoding = ParseEncoding();
        // gcc's clones: ".isra.0", ".cold", ".constprop.0", each printed as " [clone ...]" (libiberty d_clone_suffix).
        while (encoding is not null && Peek() == '.' && (IsLower(Peek(1)) || Peek(1) == '_' || IsDigit(Peek(1))))
        {
            var start = position;
            position += 2;
            while (IsLower(Peek()) || IsDigit(Peek()) || Peek() == '_')
                position++;
            while (Peek() == '.' && IsDigit(Peek(1)))
            {
                position += 2;
                while (IsDigit(Peek()))
                    position++;
            }
            encoding = new CloneNode(encoding, text[start..position]);
        }
        return AtEnd ? encoding : null;
    }

    private ItaniumNode? ParseEncoding()
    {
        if (!Enter())
            return null;
        // The template parameters of an encoding are its own, not those of the name it is local to.
        var outerParameters = templateParameters;
        try
        {
            if (Peek() is 'G' or 'T')
                return ParseSpecialName();
            var state = new NameState();
            var firstForward = forwardReferences.Count;
            var name = ParseName(state);
            if (name is null || !ResolveForwardReferences(firstForward))
                return null;
            if (AtEnd || Peek() == 'E')
                return name;
            ItaniumNode? returnType = null;
            if (!state.IsConstructorDestructorOrConversion && state.EndsWithTemplateArguments && (returnType = ParseType()) is null)
                return null;
            var parameters = ParseParameters();
            return parameters is null ? null : new FunctionEncodingNode(returnType, name, parameters, state.Qualifiers);
        }
        finally
        {
            templateParameters = outerParameters;
            depth--;
        }
    }

    /// <summary>A bare function type's parameters; a lone <c>v</c> means none.</summary>
    private List<ItaniumNode>? ParseParameters()
    {
        var parameters = new List<ItaniumNode>();
        while (!AtEnd && Peek() is not ('E' or '.') && !(Peek() is 'R' or 'O' && Peek(1) == 'E'))
        {
            if (ParseType() is not { } parameter)
                return null;
            parameters.Add(parameter);
        }
        if (parameters.Count == 0)
            return null;
        if (parameters is [TextNode { Text: "void" }])
            parameters.Clear();
        return parameters;
    }

    private ItaniumNode? ParseSpecialName()
    {
        if (Consume('T'))
        {
            var kind = Next();
            switch (kind)
            {
                case 'V': return Special("vtable for ", ParseType());
                case 'T': return Special("VTT for ", ParseType());
                case 'I': return Special("typeinfo for ", ParseType());
                case 'S': return Special("typeinfo name for ", ParseType());
                case 'h': return ParseCallOffset('h') ? Special("non-virtual thunk to ", ParseEncoding()) : null;
                case 'v': return ParseCallOffset('v') ? Special("virtual thunk to ", ParseEncoding()) : null;
                case 'c':
                    return ParseCallOffset(Next()) && ParseCallOffset(Next()) ? Special("covariant return thunk to ", ParseEncoding()) : null;
                case 'C':
                    var complete = ParseType();
                    if (complete is null || ParseNumber() is null || !Consume('_') || ParseType() is not { } baseType)
                        return null;
                    return new ConstructionVtableNode(complete, baseType);
                case 'H': return Special("TLS init function for ", ParseName(null));
                case 'W': return Special("TLS wrapper function for ", ParseName(null));
                case 'A': return Special("template parameter object for ", ParseTemplateArgument());
                default: return null;
            }
        }
        if (!Consume('G'))
            return null;
        switch (Next())
        {
            case 'V': return Special("guard variable for ", ParseName(null));
            case 'R':
                var name = ParseName(null);
                if (name is null)
                    return null;
                var number = ParseCompactNumber();
                return number is null ? null : Special($"reference temporary #{number.Value.ToString(CultureInfo.InvariantCulture)} for ", name);
            case 'A': return Special("hidden alias for ", ParseEncoding());
            case 'T':
                return Next() switch
                {
                    't' => Special("transaction clone for ", ParseEncoding()),
                    'n' => Special("non-transaction clone for ", ParseEncoding()),
                    _ => null,
                };
            default: return null;
        }
    }

    private static SpecialNameNode? Special(string prefix, ItaniumNode? name) => name is null ? null : new SpecialNameNode(prefix, name);

    /// <summary><c>h</c> offset <c>_</c> or <c>v</c> offset <c>_</c> virtual-offset <c>_</c>.</summary>
    private bool ParseCallOffset(char kind) => kind switch
    {
        'h' => ParseNumber() is not null && Consume('_'),
        'v' => ParseNumber() is not null && Consume('_') && ParseNumber() is not null && Consume('_'),
        _ => false,
    };

    private bool ResolveForwardReferences(int first)
    {
        for (var i = first; i < forwardReferences.Count; i++)
        {
            var reference = forwardReferences[i];
            if (reference.Index >= templateParameters.Count)
                return false;
            reference.Argument = templateParameters[reference.Index];
        }
        forwardReferences.RemoveRange(first, forwardReferences.Count - first);
        return true;
    }

    private bool Enter()
    {
        if (depth >= DemanglerLimits.MaxDepth)
            return false;
        depth++;
        return true;
    }

    private bool AtEnd => position >= text.Length;

    private char Peek(int ahead = 0) => position + ahead < text.Length ? text[position + ahead] : '\0';

    private char Next() => AtEnd ? '\0' : text[position++];

    private bool Consume(char expected)
    {
        if (Peek() != expected)
            return false;
        position++;
        return true;
    }

    private bool Consume(string expected)
    {
        if (string.CompareOrdinal(text, position, expected, 0, expected.Length) != 0)
            return false;
        position += expected.Length;
        return true;
    }

    private static bool IsDigit(char c) => c is >= '0' and <= '9';

    private static bool IsLower(char c) => c is >= 'a' and <= 'z';

    private static bool IsUpper(char c) => c is >= 'A' and <= 'Z';

    /// <summary>A non-negative decimal number; null when there are no digits or it overflows.</summary>
    private long? ParseUnsigned()
    {
        if (!IsDigit(Peek()))
            return null;
        long value = 0;
        while (IsDigit(Peek()))
        {
            value = value * 10 + (Next() - '0');
            if (value > int.MaxValue)
                return null;
        }
        return value;
    }

    /// <summary>A number with <c>n</c> for a minus sign.</summary>
    private long? ParseNumber()
    {
        var negative = Consume('n');
        return ParseUnsigned() is { } value ? negative ? -value : value : null;
    }

    /// <summary><c>_</c> is 0, <c>N_</c> is N+1 (discriminators, lambda and unnamed-type numbers).</summary>
    private long? ParseCompactNumber()
    {
        if (Consume('_'))
            return 0;
        return ParseUnsigned() is { } value && Consume('_') ? value + 1 : null;
    }

    /// <summary>A discriminator of an entity local to a function (<c>_N</c> or <c>__NN_</c>); c++filt does not print it.</summary>
    private void ParseDiscriminator()
    {
        if (Peek() != '_')
            return;
        if (IsDigit(Peek(1)))
        {
            position += 2;
            return;
        }
        if (Peek(1) == '_')
        {
            var start = position;
            position += 2;
            if (ParseUnsigned() is null || !Consume('_'))
                position = start;
        }
    }
}
