using System.Globalization;
using System.Text;

namespace Forensics.Symbols.Demangling.Rust;

/// <summary>
/// Rust's v0 mangling (<c>_R...</c>, https://doc.rust-lang.org/rustc/symbol-mangling/v0.html), printed as libiberty's
/// rust-demangle.c does in c++filt's verbose mode: crate disambiguators in brackets, const values with their type.
/// Parsing and printing are one pass; a back-reference re-reads an earlier part of the name.
/// </summary>
internal sealed class RustV0Demangler
{
    private readonly string symbol;
    private readonly StringBuilder output = new();
    private int position;
    private int depth;
    private bool failed;
    private bool skipping;
    private ulong boundLifetimeDepth;

    private RustV0Demangler(string symbol) => this.symbol = symbol;

    public static string? TryDemangle(string name)
    {
        if (!name.StartsWith("_R", StringComparison.Ordinal))
            return null;
        // A ".suffix" (".llvm.123") is not part of the name.
        var end = name.IndexOf('.', StringComparison.Ordinal);
        var body = end < 0 ? name[2..] : name[2..end];
        if (body.Length == 0 || !char.IsAsciiLetterUpper(body[0]))
            return null;
        foreach (var c in body)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_'))
                return null;
        }
        var demangler = new RustV0Demangler(body);
        demangler.PrintPath(inValue: true);
        // The instantiating crate, when present, is parsed but not printed.
        if (!demangler.failed && demangler.position < body.Length)
        {
            demangler.skipping = true;
            demangler.PrintPath(inValue: false);
        }
        return demangler.failed || demangler.position != body.Length ? null : demangler.output.ToString();
    }

    private void Print(string text)
    {
        if (failed || skipping)
            return;
        if (output.Length + text.Length > DemanglerLimits.MaxOutputLength)
        {
            failed = true;
            return;
        }
        output.Append(text);
    }

    private bool Enter()
    {
        if (failed || depth >= DemanglerLimits.MaxDepth)
        {
            failed = true;
            return false;
        }
        depth++;
        return true;
    }

    private char Peek() => position < symbol.Length ? symbol[position] : '\0';

    private char Next()
    {
        if (position >= symbol.Length)
        {
            failed = true;
            return '\0';
        }
        return symbol[position++];
    }

    private bool Eat(char c)
    {
        if (Peek() != c)
            return false;
        position++;
        return true;
    }

    /// <summary>Base 62 digits ended by "_": "_" is 0, otherwise the value plus one (wrapping as libiberty's uint64_t does).</summary>
    private ulong ParseInteger62()
    {
        if (Eat('_'))
            return 0;
        ulong value = 0;
        while (!failed && !Eat('_'))
        {
            var c = Next();
            ulong digit;
            if (char.IsAsciiDigit(c))
                digit = (ulong)(c - '0');
            else if (char.IsAsciiLetterLower(c))
                digit = (ulong)(10 + c - 'a');
            else if (char.IsAsciiLetterUpper(c))
                digit = (ulong)(36 + c - 'A');
            else
            {
                failed = true;
                return 0;
            }
            value = unchecked(value * 62 + digit);
        }
        return unchecked(value + 1);
    }

    private ulong ParseOptionalInteger62(char tag) => Eat(tag) ? unchecked(1 + ParseInteger62()) : 0;

    private ulong ParseDisambiguator() => ParseOptionalInteger62('s');

    /// <summary>An identifier: ["u"] length ["_"] bytes; with "u" the bytes are ASCII "_" punycode.</summary>
    private (string Ascii, string Punycode) ParseIdentifier()
    {
        var isPunycode = Eat('u');
        if (!char.IsAsciiDigit(Peek()))
        {
            failed = true;
            return ("", "");
        }
        long length = 0;
        if (Eat('0'))
        {
            length = 0;
        }
        else
        {
            while (char.IsAsciiDigit(Peek()))
            {
                length = length * 10 + (Next() - '0');
                if (length > symbol.Length)
                {
                    failed = true;
                    return ("", "");
                }
            }
        }
        Eat('_');
        if (length > symbol.Length - position)
        {
            failed = true;
            return ("", "");
        }
        var bytes = symbol.Substring(position, (int)length);
        position += (int)length;
        if (!isPunycode)
            return (bytes, "");
        var separator = bytes.LastIndexOf('_');
        var punycode = separator < 0 ? bytes : bytes[(separator + 1)..];
        if (punycode.Length == 0)
            failed = true;
        return (separator < 0 ? "" : bytes[..separator], punycode);
    }

    private void PrintIdentifier((string Ascii, string Punycode) identifier)
    {
        if (identifier.Punycode.Length == 0)
        {
            Print(identifier.Ascii);
            return;
        }
        if (Punycode.Decode(identifier.Ascii, identifier.Punycode) is { } decoded)
            Print(decoded);
        else
            failed = true;
    }

    private static bool HasText((string Ascii, string Punycode) identifier) => identifier.Ascii.Length > 0 || identifier.Punycode.Length > 0;

    private void PrintPath(bool inValue)
    {
        if (!Enter())
            return;
        var tag = Next();
        switch (tag)
        {
            case 'C':
                var crateHash = ParseDisambiguator();
                PrintIdentifier(ParseIdentifier());
                Print("[");
                Print(crateHash.ToString("x", CultureInfo.InvariantCulture));
                Print("]");
                break;
            case 'N':
                var ns = Next();
                if (!char.IsAsciiLetter(ns))
                {
                    failed = true;
                    break;
                }
                PrintPath(inValue);
                var disambiguator = ParseDisambiguator();
                var name = ParseIdentifier();
                if (char.IsAsciiLetterUpper(ns))
                {
                    // Closures and shims: "::{closure#0}", "::{shim:vtable#0}".
                    Print("::{");
                    Print(ns switch { 'C' => "closure", 'S' => "shim", _ => ns.ToString() });
                    if (HasText(name))
                    {
                        Print(":");
                        PrintIdentifier(name);
                    }
                    Print("#");
                    Print(disambiguator.ToString(CultureInfo.InvariantCulture));
                    Print("}");
                }
                else if (HasText(name))
                {
                    Print("::");
                    PrintIdentifier(name);
                }
                break;
            case 'M' or 'X':
                // An impl's own path is not printed, only the type (and trait) it is for.
                ParseDisambiguator();
                var wasSkipping = skipping;
                skipping = true;
                PrintPath(inValue);
                skipping = wasSkipping;
                PrintImplFor(tag);
                break;
            case 'Y':
                PrintImplFor(tag);
                break;
            case 'I':
                PrintPath(inValue);
                if (inValue)
                    Print("::");
                Print("<");
                PrintGenericArguments();
                Print(">");
                break;
            case 'B':
                FollowBackReference(() => PrintPath(inValue));
                break;
            default:
                failed = true;
                break;
        }
        depth--;
    }

    private void PrintImplFor(char tag)
    {
        Print("<");
        PrintType();
        if (tag != 'M')
        {
            Print(" as ");
            PrintPath(inValue: false);
        }
        Print(">");
    }

    private void PrintGenericArguments()
    {
        for (var i = 0; !failed && !Eat('E'); i++)
        {
            if (i > 0)
                Print(", ");
            PrintGenericArgument();
        }
    }

    private void PrintGenericArgument()
    {
        if (Eat('L'))
            PrintLifetime(ParseInteger62());
        else if (Eat('K'))
            PrintConst();
        else
            PrintType();
    }

    /// <summary>A back-reference: the part of the name at an earlier offset, printed again (not when skipping).</summary>
    private void FollowBackReference(Action print)
    {
        var target = ParseInteger62();
        if (failed)
            return;
        // The target is an offset after "_R" and must point backwards, which also rules out loops.
        if (target >= (ulong)(position - 1))
        {
            failed = true;
            return;
        }
        if (skipping)
            return;
        var resume = position;
        position = (int)target;
        print();
        position = resume;
    }

    private void PrintLifetime(ulong lifetime)
    {
        Print("'");
        if (lifetime == 0)
        {
            Print("_");
            return;
        }
        var index = unchecked(boundLifetimeDepth - lifetime);
        if (index < 26)
            Print(((char)('a' + (int)index)).ToString());
        else
        {
            Print("_");
            Print(index.ToString(CultureInfo.InvariantCulture));
        }
    }

    private void PrintBinder()
    {
        var bound = ParseOptionalInteger62('G');
        if (bound == 0 || failed)
            return;
        if (bound > (ulong)symbol.Length)
        {
            failed = true;
            return;
        }
        Print("for<");
        for (ulong i = 0; i < bound; i++)
        {
            if (i > 0)
                Print(", ");
            boundLifetimeDepth++;
            PrintLifetime(1);
        }
        Print("> ");
    }

    private static string? BasicType(char tag) => tag switch
    {
        'a' => "i8", 'b' => "bool", 'c' => "char", 'd' => "f64", 'e' => "str", 'f' => "f32", 'h' => "u8", 'i' => "isize",
        'j' => "usize", 'l' => "i32", 'm' => "u32", 'n' => "i128", 'o' => "u128", 'p' => "_", 's' => "i16", 't' => "u16",
        'u' => "()", 'v' => "...", 'x' => "i64", 'y' => "u64", 'z' => "!",
        _ => null,
    };

    private void PrintType()
    {
        if (!Enter())
            return;
        var tag = Next();
        if (BasicType(tag) is { } basic)
        {
            Print(basic);
            depth--;
            return;
        }
        switch (tag)
        {
            case 'R' or 'Q':
                Print("&");
                if (Eat('L'))
                {
                    var lifetime = ParseInteger62();
                    if (lifetime != 0)
                    {
                        PrintLifetime(lifetime);
                        Print(" ");
                    }
                }
                if (tag != 'R')
                    Print("mut ");
                PrintType();
                break;
            case 'P' or 'O':
                Print(tag == 'P' ? "*const " : "*mut ");
                PrintType();
                break;
            case 'A' or 'S':
                Print("[");
                PrintType();
                if (tag == 'A')
                {
                    Print("; ");
                    PrintConst();
                }
                Print("]");
                break;
            case 'T':
                Print("(");
                var count = 0;
                for (; !failed && !Eat('E'); count++)
                {
                    if (count > 0)
                        Print(", ");
                    PrintType();
                }
                if (count == 1)
                    Print(",");
                Print(")");
                break;
            case 'F':
                PrintFunctionSignature();
                break;
            case 'D':
                PrintDynamicTraitObject();
                break;
            case 'B':
                FollowBackReference(PrintType);
                break;
            default:
                position--;
                PrintPath(inValue: false);
                break;
        }
        depth--;
    }

    private void PrintFunctionSignature()
    {
        var outerDepth = boundLifetimeDepth;
        PrintBinder();
        if (Eat('U'))
            Print("unsafe ");
        if (Eat('K'))
        {
            string abi;
            if (Eat('C'))
            {
                abi = "C";
            }
            else
            {
                var identifier = ParseIdentifier();
                if (identifier.Punycode.Length > 0)
                    failed = true;
                abi = identifier.Ascii.Replace('_', '-');
            }
            Print("extern \"");
            Print(abi);
            Print("\" ");
        }
        Print("fn(");
        for (var i = 0; !failed && !Eat('E'); i++)
        {
            if (i > 0)
                Print(", ");
            PrintType();
        }
        Print(")");
        if (!Eat('u'))
        {
            Print(" -> ");
            PrintType();
        }
        boundLifetimeDepth = outerDepth;
    }

    private void PrintDynamicTraitObject()
    {
        var outerDepth = boundLifetimeDepth;
        Print("dyn ");
        PrintBinder();
        for (var i = 0; !failed && !Eat('E'); i++)
        {
            if (i > 0)
                Print(" + ");
            PrintDynamicTrait();
        }
        boundLifetimeDepth = outerDepth;
        if (!Eat('L'))
        {
            failed = true;
            return;
        }
        var lifetime = ParseInteger62();
        if (lifetime != 0)
        {
            Print(" + ");
            PrintLifetime(lifetime);
        }
    }

    private void PrintDynamicTrait()
    {
        var open = PrintPathMaybeOpenGenerics();
        while (!failed && Eat('p'))
        {
            Print(open ? ", " : "<");
            open = true;
            PrintIdentifier(ParseIdentifier());
            Print(" = ");
            PrintType();
        }
        if (open)
            Print(">");
    }

    /// <summary>A trait path whose generic arguments stay open, so associated-type bindings can join them.</summary>
    private bool PrintPathMaybeOpenGenerics()
    {
        var open = false;
        if (!Enter())
            return false;
        if (Eat('B'))
        {
            var target = ParseInteger62();
            if (!failed && target >= (ulong)(position - 1))
                failed = true;
            else if (!failed && !skipping)
            {
                var resume = position;
                position = (int)target;
                open = PrintPathMaybeOpenGenerics();
                position = resume;
            }
        }
        else if (Eat('I'))
        {
            PrintPath(inValue: false);
            Print("<");
            PrintGenericArguments();
            open = true;
        }
        else
        {
            PrintPath(inValue: false);
        }
        depth--;
        return open;
    }

    private void PrintConst()
    {
        if (!Enter())
            return;
        if (Eat('B'))
        {
            FollowBackReference(PrintConst);
        }
        else if (Eat('p'))
        {
            Print("_");
        }
        else
        {
            var tag = Next();
            switch (tag)
            {
                case 'h' or 't' or 'm' or 'y' or 'o' or 'j':
                    PrintConstInteger(tag);
                    break;
                case 'a' or 's' or 'l' or 'x' or 'n' or 'i':
                    if (Eat('n'))
                        Print("-");
                    PrintConstInteger(tag);
                    break;
                case 'b':
                    var (value, digits) = ParseHexNibbles();
                    if (digits <= 16 && value <= 1)
                        Print(value == 1 ? "true" : "false");
                    else
                        failed = true;
                    break;
                case 'c':
                    var (code, length) = ParseHexNibbles();
                    if (length > 8 || code > 0x10FFFF || code is >= 0xD800 and <= 0xDFFF)
                        failed = true;
                    else
                        Print("'" + EscapeChar((int)code) + "'");
                    break;
                default:
                    failed = true;
                    break;
            }
        }
        depth--;
    }

    private void PrintConstInteger(char tag)
    {
        var start = position;
        var (value, digits) = ParseHexNibbles();
        if (failed)
            return;
        // Anything wider than 64 bits is printed as its hex digits.
        Print(digits > 16 ? "0x" + symbol.Substring(start, digits) : value.ToString(CultureInfo.InvariantCulture));
        Print(": ");
        Print(BasicType(tag)!);
    }

    private (ulong Value, int Digits) ParseHexNibbles()
    {
        ulong value = 0;
        var digits = 0;
        while (!failed && !Eat('_'))
        {
            var c = Next();
            var nibble = char.IsAsciiDigit(c) ? c - '0' : c is >= 'a' and <= 'f' ? c - 'a' + 10 : -1;
            if (nibble < 0)
            {
                failed = true;
                break;
            }
            value = unchecked((value << 4) | (uint)nibble);
            digits++;
        }
        return (value, digits);
    }

    private static string EscapeChar(int code) => code switch
    {
        '\t' => "\\t",
        '\r' => "\\r",
        '\n' => "\\n",
        '\\' => "\\\\",
        '\'' => "\\'",
        >= 0x20 and < 0x7f => ((char)code).ToString(),
        _ => "\\u{" + code.ToString("x", CultureInfo.InvariantCulture) + "}",
    };
}
