using System.Text.Json;
using System.Text.Json.Serialization;
using Forensics.Model;

namespace Forensics.Pipeline.Store;

/// <summary>
/// Permissions as their four characters (<c>r-xp</c>, <c>?</c> where unknown): <see cref="Permissions.TryParse"/>
/// reads back exactly what <see cref="Permissions.ToString"/> writes, unknown positions included.
/// </summary>
internal sealed class PermissionsJsonConverter : JsonConverter<Permissions>
{
    public override Permissions Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String || reader.ValueSpan.Length != 4 || reader.ValueIsEscaped)
            throw new JsonException("permissions are expected as four characters");
        Span<char> text = stackalloc char[4];
        for (var i = 0; i < 4; i++)
            text[i] = (char)reader.ValueSpan[i];
        return Permissions.TryParse(text, out var permissions)
            ? permissions
            : throw new JsonException("permissions are not in the rwxp form");
    }

    public override void Write(Utf8JsonWriter writer, Permissions value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}
