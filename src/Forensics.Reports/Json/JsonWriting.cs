using System.Text.Json;

namespace Forensics.Reports.Json;

/// <summary>
/// The fields of <c>report.json</c> as <see cref="Utf8JsonWriter"/> calls: a null value is written as <c>null</c>
/// (never left out), and a list as an array of its values.
/// </summary>
internal static class JsonWriting
{
    /// <summary>What a writer holds before it hands its bytes to its stream, between rows.</summary>
    private const int FlushAt = 1 << 16;

    public static void Field(this Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
            writer.WriteNull(name);
        else
            writer.WriteString(name, value);
    }

    public static void Field(this Utf8JsonWriter writer, string name, long? value)
    {
        if (value is { } number)
            writer.WriteNumber(name, number);
        else
            writer.WriteNull(name);
    }

    public static void Field(this Utf8JsonWriter writer, string name, ulong? value)
    {
        if (value is { } number)
            writer.WriteNumber(name, number);
        else
            writer.WriteNull(name);
    }

    public static void Field(this Utf8JsonWriter writer, string name, bool? value)
    {
        if (value is { } flag)
            writer.WriteBoolean(name, flag);
        else
            writer.WriteNull(name);
    }

    public static void Field(this Utf8JsonWriter writer, string name, IEnumerable<string> values)
    {
        writer.WritePropertyName(name);
        writer.WriteStrings(values);
    }

    public static void Field(this Utf8JsonWriter writer, string name, IEnumerable<ulong> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
            writer.WriteNumberValue(value);
        writer.WriteEndArray();
    }

    public static void Field(this Utf8JsonWriter writer, string name, IEnumerable<bool> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
            writer.WriteBooleanValue(value);
        writer.WriteEndArray();
    }

    public static void Field(this Utf8JsonWriter writer, string name, IEnumerable<JsonRow> rows)
    {
        writer.WritePropertyName(name);
        writer.WriteRows(rows);
    }

    /// <summary>An array of one object per item, each written by <paramref name="write"/> between its braces.</summary>
    public static void Objects<T>(this Utf8JsonWriter writer, string name, IEnumerable<T> items, Action<Utf8JsonWriter, T> write)
    {
        writer.WriteStartArray(name);
        foreach (var item in items)
        {
            writer.WriteStartObject();
            write(writer, item);
            writer.WriteEndObject();
            writer.FlushWhenFull();
        }
        writer.WriteEndArray();
    }

    /// <summary>An object written by <paramref name="write"/> between its braces, or null when there is no <paramref name="value"/>.</summary>
    public static void ObjectOrNull<T>(this Utf8JsonWriter writer, string name, T? value, Action<Utf8JsonWriter, T> write)
        where T : class
    {
        if (value is null)
        {
            writer.WriteNull(name);
            return;
        }
        writer.WriteStartObject(name);
        write(writer, value);
        writer.WriteEndObject();
    }

    public static void WriteStrings(this Utf8JsonWriter writer, IEnumerable<string> values)
    {
        writer.WriteStartArray();
        foreach (var value in values)
            writer.WriteStringValue(value);
        writer.WriteEndArray();
    }

    public static void WriteRows(this Utf8JsonWriter writer, IEnumerable<JsonRow> rows)
    {
        writer.WriteStartArray();
        foreach (var row in rows)
        {
            row.WriteTo(writer);
            writer.FlushWhenFull();
        }
        writer.WriteEndArray();
    }

    /// <summary>
    /// Hands the bytes made so far to the stream once there are enough: a writer on a stream keeps everything until it
    /// is flushed, which for 2,000,000 regions would be the whole document in memory.
    /// </summary>
    private static void FlushWhenFull(this Utf8JsonWriter writer)
    {
        if (writer.BytesPending >= FlushAt)
            writer.Flush();
    }
}
