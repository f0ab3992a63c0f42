using System.Collections;
using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Forensics.Model;

namespace Forensics.Pipeline.Store;

/// <summary>
/// How an <c>InputResult</c> maps to JSON: every public member the model can be rebuilt from, found by reflection so a
/// member added to a model type is stored without a change here. Read-only collections (<c>Capture.Regions</c>) are
/// filled in place; read-only values with no constructor parameter (<c>Region.Size</c>) are derived and not stored;
/// a member that is not a constructor parameter is left out when it equals its value in a new instance, since reading
/// starts from a new instance.
/// </summary>
internal static class InputResultContract
{
    /// <summary>The model nests about eight levels (result, capture, region, metrics, pair).</summary>
    public const int MaxDepth = 32;

    public static JsonSerializerOptions Options { get; } = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            // Value tuples (Capture.LineRange) keep their values in public fields.
            IncludeFields = true,
            MaxDepth = MaxDepth,
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            AllowDuplicateProperties = false,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { Adjust } },
            Converters =
            {
                new PermissionsJsonConverter(),
                new DiagnosticBagJsonConverter(),
                new DiagnosticJsonConverter(),
                new NonNullListJsonConverterFactory(),
                new JsonStringEnumConverter(),
            },
        };
        options.MakeReadOnly(populateMissingResolver: false);
        return options;
    }

    private static void Adjust(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object)
            return;
        var fresh = NewInstance(typeInfo);
        for (var i = typeInfo.Properties.Count - 1; i >= 0; i--)
        {
            var property = typeInfo.Properties[i];
            if (property.AssociatedParameter is not null || property.Get is not { } get)
                continue;
            if (property.Set is null)
            {
                if (Filler(property.PropertyType, get) is not { } fill)
                {
                    typeInfo.Properties.RemoveAt(i);
                    continue;
                }
                property.Set = fill;
                var freshCount = fresh is null ? 0 : CountOf(get(fresh));
                property.ShouldSerialize = (_, value) => freshCount != 0 || CountOf(value) != 0;
            }
            else if (fresh is not null && !property.IsRequired)
            {
                var initial = get(fresh);
                property.ShouldSerialize = (_, value) => !Equals(value, initial);
            }
        }
    }

    /// <summary>
    /// A new instance as reading starts from: made without arguments, or by the constructor the serializer uses with
    /// each parameter's default (<c>new Region(0, 0)</c>); null when that constructor refuses its defaults.
    /// </summary>
    private static object? NewInstance(JsonTypeInfo typeInfo)
    {
        if (typeInfo.CreateObject is { } create)
            return create();
        if (typeInfo.ConstructorAttributeProvider is not ConstructorInfo constructor)
            return null;
        var arguments = constructor.GetParameters()
            .Select(p => p.HasDefaultValue ? p.DefaultValue : p.ParameterType.IsValueType ? Activator.CreateInstance(p.ParameterType) : null)
            .ToArray();
        try
        {
            return constructor.Invoke(arguments);
        }
        catch (TargetInvocationException exception) when (exception.InnerException is ArgumentException)
        {
            return null;
        }
    }

    /// <summary>How a read-only collection member is filled from the value read; null for a derived member.</summary>
    private static Action<object, object?>? Filler(Type type, Func<object, object?> get)
    {
        if (type == typeof(DiagnosticBag))
            return (owner, value) => ((DiagnosticBag)get(owner)!).AddRange(((DiagnosticBag)Required(value)).Items);
        if (typeof(IList).IsAssignableFrom(type) && !type.IsArray)
        {
            return (owner, value) =>
            {
                var target = (IList)get(owner)!;
                target.Clear();
                foreach (var item in (IEnumerable)Required(value))
                    target.Add(item);
            };
        }
        if (typeof(IDictionary).IsAssignableFrom(type))
        {
            return (owner, value) =>
            {
                var target = (IDictionary)get(owner)!;
                target.Clear();
                foreach (DictionaryEntry entry in (IDictionary)Required(value))
                    target.Add(entry.Key, entry.Value);
            };
        }
        return null;
    }

    private static object Required(object? value) => value ?? throw new JsonException("a collection is null");

    private static int CountOf(object? value) => value switch
    {
        ICollection collection => collection.Count,
        DiagnosticBag bag => bag.Count,
        _ => 0,
    };
}
