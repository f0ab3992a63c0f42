using System.Collections;
using System.Reflection;

namespace Forensics.Pipeline.Tests.Store;

/// <summary>
/// Compares two object graphs member by member through every public property and field, collection and value tuple,
/// so a member that a copy forgot shows up as a difference with its path.
/// </summary>
internal static class ObjectGraphComparer
{
    /// <summary>At most this many differences are listed.</summary>
    private const int MaxDifferences = 20;

    public static List<string> Differences(object? expected, object? actual, string root = "$")
    {
        var differences = new List<string>();
        Compare(expected, actual, root, differences);
        return differences;
    }

    private static void Compare(object? expected, object? actual, string path, List<string> differences)
    {
        if (differences.Count >= MaxDifferences)
            return;
        if (expected is null || actual is null)
        {
            if (expected is not null || actual is not null)
                differences.Add($"{path}: expected [{expected ?? "null"}], actual [{actual ?? "null"}]");
            return;
        }
        var type = expected.GetType();
        if (type != actual.GetType())
        {
            // A stored IReadOnlyList comes back as another collection type; only its elements matter.
            if (!(expected is IEnumerable && actual is IEnumerable && expected is not string))
            {
                differences.Add($"{path}: expected a [{type.Name}], actual a [{actual.GetType().Name}]");
                return;
            }
        }
        if (IsLeaf(type))
        {
            if (!expected.Equals(actual))
                differences.Add($"{path}: expected [{expected}], actual [{actual}]");
            return;
        }
        if (expected is IEnumerable expectedItems && actual is IEnumerable actualItems)
        {
            var left = expectedItems.Cast<object?>().ToList();
            var right = actualItems.Cast<object?>().ToList();
            if (left.Count != right.Count)
                differences.Add($"{path}: expected [{left.Count}] items, actual [{right.Count}]");
            for (var i = 0; i < Math.Min(left.Count, right.Count); i++)
                Compare(left[i], right[i], $"{path}[{i}]", differences);
            return;
        }
        // Value types may keep state in private fields (Permissions): their own equality must hold too.
        if (type.IsValueType && !expected.Equals(actual))
            differences.Add($"{path}: expected [{expected}], actual [{actual}]");
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length == 0)
                Compare(property.GetValue(expected), property.GetValue(actual), $"{path}.{property.Name}", differences);
        }
        foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Instance))
            Compare(field.GetValue(expected), field.GetValue(actual), $"{path}.{field.Name}", differences);
    }

    private static bool IsLeaf(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(Guid);
}
