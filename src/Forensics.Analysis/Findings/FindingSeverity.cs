namespace Forensics.Analysis.Findings;

public enum FindingSeverity
{
    Info,
    Low,
    Medium,
    High,
}
