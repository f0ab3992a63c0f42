using System.Runtime.InteropServices;
using System.Text;
using Forensics.Model;
using Forensics.Pipeline.Importing;
using Forensics.TestSupport;
using Xunit.Abstractions;

namespace Forensics.Pipeline.Tests.Importing;

/// <summary>
/// systemd-coredump's <c>user.coredump.*</c> extended attributes on a stored core, set here as coredump.c's fix_xattr
/// sets them (strings without their zero) on a copy of the crash_null core, whose name says nothing, and those
/// systemd-coredump itself set on the core it stored (corpus/systemd-coredump) on a copy of that core.
/// </summary>
public sealed partial class CoredumpAttributesTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("forensics-xattr-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void The_attributes_of_a_core_are_facts_and_a_bad_one_is_named()
    {
        var core = Path.Combine(_folder, "stored.xz");
        File.Copy(TestPaths.CorpusFile("crash-null", "core.xz"), core);
        (string, string)[] attributes =
        [
            ("user.coredump.pid", "28823"), ("user.coredump.uid", "1000"), ("user.coredump.gid", "1000"), ("user.coredump.signal", "11"),
            ("user.coredump.timestamp", "1717652311000000"), ("user.coredump.rlimit", "18446744073709551615"),
            ("user.coredump.hostname", "builder"), ("user.coredump.comm", "crash_null"), ("user.coredump.exe", "/tmp/forensics-corpus/bin/crash_null"),
            ("user.coredump.gid.bad", "x"), ("user.other", "not read"),
        ];
        foreach (var (name, value) in attributes)
        {
            var bytes = Encoding.UTF8.GetBytes(value);
            if (SetAttribute(core, name, bytes, (nuint)bytes.Length, 0) != 0)
            {
                // ENOTSUP: a file system without user extended attributes; nothing to test on it.
                output.WriteLine($"skipped: the file system refused the user extended attribute [{name}] (errno {Marshal.GetLastPInvokeError()})");
                return;
            }
        }
        SetNumberAttributeBad(core);

        var capture = Assert.Single(new BatchImporter().ImportFile(core, "stored.xz").Captures);
        var facts = capture.Facts.Where(f => f.Name.StartsWith("user.", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            [
                new CaptureFact("user.coredump.comm", "crash_null"), new CaptureFact("user.coredump.exe", "/tmp/forensics-corpus/bin/crash_null"),
                new CaptureFact("user.coredump.gid", "1000"), new CaptureFact("user.coredump.gid.bad", "x"),
                new CaptureFact("user.coredump.hostname", "builder"), new CaptureFact("user.coredump.rlimit", "18446744073709551615"),
                new CaptureFact("user.coredump.signal", "11"), new CaptureFact("user.coredump.timestamp", "1717652311000000"),
                new CaptureFact("user.coredump.uid", "1000"),
            ],
            facts);
        Assert.Contains(capture.Diagnostics.Items, d => d.Descriptor == DiagnosticCatalogue.CoredumpAttributes && d.Message.StartsWith("[9]", StringComparison.Ordinal));
        Assert.Contains(capture.Diagnostics.Items, d => d.Descriptor == DiagnosticCatalogue.CoredumpAttributeBad && d.Message.Contains("[user.coredump.pid] is not a number [28823 ]", StringComparison.Ordinal));
        // The core's own PID stands: the attribute only fills what the core lacks.
        Assert.Equal(28823, capture.Pid);
    }

    [Fact]
    public void The_attributes_are_part_of_the_identity_that_keys_a_kept_result()
    {
        var core = Path.Combine(_folder, "core.xz");
        File.Copy(TestPaths.CorpusFile("crash-null", "core.xz"), core);
        Assert.DoesNotContain(" xattrs ", FileIdentity.Of(core), StringComparison.Ordinal);
        if (!Set(core, "user.coredump.pid", "28823"))
            return;

        var first = AttributesPart(FileIdentity.Of(core));
        Assert.True(Set(core, "user.coredump.pid", "28824"));
        var changed = AttributesPart(FileIdentity.Of(core));
        Assert.True(Set(core, "user.coredump.pid", "28823"));
        var back = AttributesPart(FileIdentity.Of(core));
        Assert.True(Set(core, "user.other", "not read"));
        var other = AttributesPart(FileIdentity.Of(core));

        // The change time moves with every attribute written; the attributes' own part moves only with their values.
        Assert.Matches("^ xattrs [0-9a-f]{64}$", first);
        Assert.NotEqual(first, changed);
        Assert.Equal(first, back);
        Assert.Equal(first, other);
    }

    [Fact]
    public void The_attributes_systemd_coredump_set_on_its_stored_core_are_facts_that_agree_with_its_name()
    {
        // corpus/systemd-coredump: the attributes systemd-coredump set, listed in its commands.log, set back on a copy.
        var core = Path.Combine(_folder, StoredCoredump.Name);
        File.Copy(StoredCoredump.Path, core);
        var attributes = StoredCoredump.Attributes;
        Assert.Equal(
            ["user.coredump.comm", "user.coredump.exe", "user.coredump.gid", "user.coredump.pid", "user.coredump.rlimit", "user.coredump.signal",
             "user.coredump.timestamp", "user.coredump.uid"],
            attributes.Select(a => a.Name));
        if (!attributes.All(a => Set(core, a.Name, a.Value)))
            return;

        var capture = Assert.Single(new BatchImporter().ImportFile(core, StoredCoredump.Name).Captures);
        Assert.Equal(attributes.Select(a => new CaptureFact(a.Name, a.Value)), capture.Facts.Where(f => f.Name.StartsWith("user.coredump.", StringComparison.Ordinal)));
        Assert.Equal(("crash_null", "/tmp/forensics-corpus/bin/crash_null", "65534", "65534"),
            (StoredCoredump.Attribute("comm"), StoredCoredump.Attribute("exe"), StoredCoredump.Attribute("uid"), StoredCoredump.Attribute("gid")));
        var parts = StoredCoredump.NameParts;
        Assert.Equal((parts[2], parts[4], parts[5]), (StoredCoredump.Attribute("uid"), StoredCoredump.Attribute("pid"), StoredCoredump.Attribute("timestamp")));
        Assert.Contains(capture.Diagnostics.Items, d => d.Descriptor == DiagnosticCatalogue.CoredumpAttributes && d.Message.StartsWith("[8]", StringComparison.Ordinal));
    }

    private static string AttributesPart(string? identity) => identity![identity!.IndexOf(" xattrs ", StringComparison.Ordinal)..];

    private bool Set(string path, string name, string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        if (SetAttribute(path, name, bytes, (nuint)bytes.Length, 0) == 0)
            return true;
        output.WriteLine($"skipped: the file system refused the user extended attribute [{name}] (errno {Marshal.GetLastPInvokeError()})");
        return false;
    }

    /// <summary>Replaces the PID with a value that is not a decimal number (a trailing space).</summary>
    private static void SetNumberAttributeBad(string path)
    {
        var bytes = Encoding.UTF8.GetBytes("28823 ");
        Assert.Equal(0, SetAttribute(path, "user.coredump.pid", bytes, (nuint)bytes.Length, 0));
    }

    [LibraryImport("libc", EntryPoint = "setxattr", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int SetAttribute(string path, string name, byte[] value, nuint size, int flags);
}
