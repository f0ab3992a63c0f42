using System.Text.Json;
using System.Text.Json.Serialization;
using Forensics.Reports.Tables;

namespace Forensics.Reports.Json;

/// <summary>
/// A row of a report table as <c>report.json</c> writes it: an object of the fields of the columns that have a JSON
/// name (<see cref="TableColumn.JsonName"/>), in column order, then the fields the JSON adds.
/// </summary>
[JsonConverter(typeof(JsonRowConverter))]
internal sealed class JsonRow
{
    private JsonRow(List<KeyValuePair<string, object?>> fields) => Fields = fields;

    public IReadOnlyList<KeyValuePair<string, object?>> Fields { get; }

    public static JsonRow Of<T>(ReportTable<T> table, T row, params ReadOnlySpan<KeyValuePair<string, object?>> added)
    {
        var fields = new List<KeyValuePair<string, object?>>(table.Columns.Count + added.Length);
        foreach (var column in table.Columns)
        {
            if (column.JsonName is { } name)
                fields.Add(new(name, column.JsonValue(row)));
        }
        foreach (var field in added)
            fields.Add(field);
        return new JsonRow(fields);
    }

    private sealed class JsonRowConverter : JsonConverter<JsonRow>
    {
        public override JsonRow Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("report.json is written, never read back.");

        public override void Write(Utf8JsonWriter writer, JsonRow value, JsonSerializerOptions options)
        {
            writer.WriteStartObject();
            foreach (var (name, field) in value.Fields)
            {
                writer.WritePropertyName(name);
                JsonSerializer.Serialize(writer, field, field?.GetType() ?? typeof(object), options);
            }
            writer.WriteEndObject();
        }
    }
}
