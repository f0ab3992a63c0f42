namespace Forensics.Symbols.Demangling.Itanium;

/// <summary>Text and nodes printed one after another: literals (<c>(char)97</c>) and expressions (<c>decltype (g({parm#1}))</c>).</summary>
internal sealed class SequenceNode(params object[] parts) : ItaniumNode
{
    public override void PrintLeft(ItaniumPrinter printer)
    {
        foreach (var part in parts)
        {
            switch (part)
            {
                case string text:
                    printer.Append(text);
                    break;
                case ItaniumNode node:
                    printer.Whole(node);
                    break;
                case IReadOnlyList<ItaniumNode> list:
                    printer.List(list);
                    break;
            }
        }
    }
}
