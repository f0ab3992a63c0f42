namespace Forensics.Model;

/// <summary>
/// One thing a crash container states about its capture beyond the region model (apport's <c>Package</c>, a minidump's
/// operating system, systemd-coredump's boot id), by the name the container gives it.
/// </summary>
public sealed record CaptureFact(string Name, string Value);
