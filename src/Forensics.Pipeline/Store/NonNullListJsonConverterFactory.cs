using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Forensics.Pipeline.Store;

/// <summary>
/// Lists of references (<c>List&lt;T&gt;</c>, <c>IReadOnlyList&lt;T&gt;</c>, <c>IList&lt;T&gt;</c>) that refuse a null
/// element: the model never holds one, and a store file that does is corrupt rather than a result to hand on.
/// </summary>
internal sealed class NonNullListJsonConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert.IsGenericType
        && typeToConvert.GetGenericArguments()[0] is { IsValueType: false } element
        && (typeToConvert == typeof(List<>).MakeGenericType(element)
            || typeToConvert == typeof(IReadOnlyList<>).MakeGenericType(element)
            || typeToConvert == typeof(IList<>).MakeGenericType(element));

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options)
    {
        var element = typeToConvert.GetGenericArguments()[0];
        var converter = typeof(ListConverter<,>).MakeGenericType(typeToConvert, element);
        return (JsonConverter)Activator.CreateInstance(converter)!;
    }

    private sealed class ListConverter<TList, TElement> : JsonConverter<TList>
        where TList : class, IEnumerable<TElement>
        where TElement : class
    {
        public override TList Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.StartArray)
                throw new JsonException($"an array of [{typeof(TElement).Name}] is expected");
            var elementInfo = (JsonTypeInfo<TElement>)options.GetTypeInfo(typeof(TElement));
            var list = new List<TElement>();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                list.Add(JsonSerializer.Deserialize(ref reader, elementInfo)
                    ?? throw new JsonException($"a [{typeof(TElement).Name}] in a list is null"));
            }
            return (TList)(object)list;
        }

        public override void Write(Utf8JsonWriter writer, TList value, JsonSerializerOptions options)
        {
            var elementInfo = (JsonTypeInfo<TElement>)options.GetTypeInfo(typeof(TElement));
            writer.WriteStartArray();
            foreach (var element in value)
                JsonSerializer.Serialize(writer, element, elementInfo);
            writer.WriteEndArray();
        }
    }
}
