using Forensics.Analysis;

namespace Forensics.Reports.Markdown;

/// <summary>One capture's crash section on its own, for <c>forensics crash</c>.</summary>
public static class CrashReportWriter
{
    public static string Write(CaptureAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        return MarkdownDocument.Render(text =>
        {
            var document = new MarkdownDocument(text).Heading(1, analysis.Capture.Id);
            if (analysis.Crash is { } crash)
                CrashSection.Write(document, crash, analysis.Capture);
            else
                document.Paragraph("No crash: the capture holds no fatal signal (a text capture, or a core of a live process).");
        });
    }
}
