namespace Forensics.Analysis.Comparison.Changes;

public sealed record PermissionsValue(Model.Permissions Permissions) : ChangeValue;
