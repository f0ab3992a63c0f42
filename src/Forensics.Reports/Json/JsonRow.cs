using System.Text.Json;
using Forensics.Reports.Tables;

namespace Forensics.Reports.Json;

/// <summary>
/// A row of a report table as <c>report.json</c> writes it: an object of the fields of the columns that have a JSON
/// name (<see cref="TableColumn.JsonName"/>), in column order, then the fields the JSON adds.
/// </summary>
internal sealed class JsonRow
{
    private JsonRow(List<KeyValuePair<string, object?>> fields) => Fields = fields;

    /// <summary>Each field's value: null, a string, a flag, a number, a list of strings or a list of rows.</summary>
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

    public void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        foreach (var (name, field) in Fields)
        {
            writer.WritePropertyName(name);
            WriteValue(writer, field);
        }
        writer.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null: writer.WriteNullValue(); break;
            case string text: writer.WriteStringValue(text); break;
            case bool flag: writer.WriteBooleanValue(flag); break;
            case long number: writer.WriteNumberValue(number); break;
            case ulong number: writer.WriteNumberValue(number); break;
            case int number: writer.WriteNumberValue(number); break;
            case IEnumerable<string> texts: writer.WriteStrings(texts); break;
            case IEnumerable<JsonRow> rows: writer.WriteRows(rows); break;
            default: throw new InvalidOperationException("report.json has no way to write a " + value.GetType().Name + ".");
        }
    }
}
