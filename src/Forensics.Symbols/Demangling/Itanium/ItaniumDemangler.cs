namespace Forensics.Symbols.Demangling.Itanium;

/// <summary>The Itanium C++ ABI demangler: parses a whole name into nodes, then prints them as c++filt does.</summary>
internal static class ItaniumDemangler
{
    public static string? TryDemangle(string mangledName)
    {
        var parser = new ItaniumParser(mangledName);
        if (parser.ParseMangledName() is not { } node)
            return null;
        var printer = new ItaniumPrinter();
        printer.Whole(node);
        return printer.Failed ? null : printer.ToString();
    }
}
