using System.Reflection;
using Forensics.Model;

namespace Forensics.Cli.Tests.Architecture;

/// <summary>
/// Analysis and the report writers take only a normalised <see cref="Capture"/> (issue 12, point 3): no public member of
/// theirs names the importers' mutable <see cref="CaptureBuilder"/>, so handing them an un-normalised capture does not compile.
/// </summary>
public sealed class NormalisedCaptureTests
{
    private const BindingFlags Visible = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    public static TheoryData<string> Layers => new() { "Forensics.Analysis", "Forensics.Reports" };

    [Theory]
    [MemberData(nameof(Layers))]
    public void No_public_api_of_the_layer_mentions_the_capture_builder(string layer)
    {
        var assembly = Assembly.Load(layer);
        var mentions = assembly.GetExportedTypes()
            .SelectMany(type => SignatureTypes(type).Where(Mentions).Select(t => $"{type.FullName}: {t}"))
            .ToList();

        Assert.Empty(mentions);
        Assert.Contains(assembly.GetExportedTypes(), type => SignatureTypes(type).Contains(typeof(Capture)));
    }

    [Fact]
    public void The_normalised_capture_has_no_setter_and_no_mutable_list()
    {
        var properties = typeof(Capture).GetProperties(BindingFlags.Public | BindingFlags.Instance);

        Assert.All(properties, p => Assert.True(p.SetMethod is null || IsInitOnly(p.SetMethod), $"{p.Name} has a setter"));
        Assert.DoesNotContain(properties, p => p.PropertyType.IsGenericType && p.PropertyType.GetGenericTypeDefinition() == typeof(List<>));
        Assert.DoesNotContain(properties, p => p.PropertyType == typeof(DiagnosticBag));
    }

    /// <summary>Every type in the signature of a visible member: fields, properties, parameters, returns, bases.</summary>
    private static IEnumerable<Type> SignatureTypes(Type type)
    {
        if (type.BaseType is { } baseType)
            yield return baseType;
        foreach (var member in type.GetMembers(Visible).Where(IsVisible))
        {
            switch (member)
            {
                case FieldInfo field: yield return field.FieldType; break;
                case PropertyInfo property: yield return property.PropertyType; break;
                case MethodBase method:
                    if (method is MethodInfo info)
                        yield return info.ReturnType;
                    foreach (var parameter in method.GetParameters())
                        yield return parameter.ParameterType;
                    break;
            }
        }
    }

    private static bool IsVisible(MemberInfo member) => member switch
    {
        FieldInfo field => field.IsPublic || field.IsFamily,
        PropertyInfo property => property.GetMethod is { } get && (get.IsPublic || get.IsFamily),
        MethodBase method => method.IsPublic || method.IsFamily,
        _ => false,
    };

    /// <summary>The type or any type argument, element type or tuple part of it is <see cref="CaptureBuilder"/>.</summary>
    private static bool Mentions(Type type) =>
        type == typeof(CaptureBuilder)
        || (type.HasElementType && Mentions(type.GetElementType()!))
        || (type.IsGenericType && type.GetGenericArguments().Any(Mentions));

    private static bool IsInitOnly(MethodInfo setter) =>
        setter.ReturnParameter.GetRequiredCustomModifiers().Any(m => m.FullName == "System.Runtime.CompilerServices.IsExternalInit");
}
