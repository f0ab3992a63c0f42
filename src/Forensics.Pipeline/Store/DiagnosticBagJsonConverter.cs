using System.Text.Json;
using System.Text.Json.Serialization;
using Forensics.Model;

namespace Forensics.Pipeline.Store;

/// <summary>A diagnostic bag as the array of its diagnostics, in the order they were reported.</summary>
internal sealed class DiagnosticBagJsonConverter : JsonConverter<DiagnosticBag>
{
    public override DiagnosticBag Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var items = JsonSerializer.Deserialize<List<Diagnostic>>(ref reader, options)
            ?? throw new JsonException("diagnostics are expected as an array");
        if (items.Contains(null!))
            throw new JsonException("a diagnostic is null");
        var bag = new DiagnosticBag();
        bag.AddRange(items);
        return bag;
    }

    public override void Write(Utf8JsonWriter writer, DiagnosticBag value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value.Items, options);
}
