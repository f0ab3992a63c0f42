namespace Forensics.Symbols.Demangling.Itanium;

/// <summary>
/// One part of a demangled name. Types print in two halves around what they declare, as in
/// <c>void (*)(int)</c> or <c>int (&amp;) [5]</c>: the left part before, the right part after
/// (the scheme of LLVM's ItaniumDemangle.h; the text itself follows libiberty, which c++filt uses).
/// </summary>
internal abstract class ItaniumNode
{
    public abstract void PrintLeft(ItaniumPrinter printer);

    public virtual void PrintRight(ItaniumPrinter printer)
    {
    }

    public virtual bool HasRightPart(ItaniumPrinter printer) => false;

    public virtual bool IsArray(ItaniumPrinter printer) => false;

    public virtual bool IsFunction(ItaniumPrinter printer) => false;

    /// <summary>The name a constructor or destructor of this class takes: the last name, without template arguments.</summary>
    public virtual string? BaseName => null;

    /// <summary>The node a type or template parameter stands for, through packs and references.</summary>
    public virtual ItaniumNode Resolve(ItaniumPrinter printer) => this;
}
