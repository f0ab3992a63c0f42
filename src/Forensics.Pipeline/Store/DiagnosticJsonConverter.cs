using System.Text.Json;
using System.Text.Json.Serialization;
using Forensics.Model;

namespace Forensics.Pipeline.Store;

/// <summary>
/// A diagnostic as its severity, id, message and location; reading finds the descriptor by id in the
/// <see cref="DiagnosticCatalogue"/> and refuses an id that is not there.
/// </summary>
internal sealed class DiagnosticJsonConverter : JsonConverter<Diagnostic>
{
    public override Diagnostic Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var stored = JsonSerializer.Deserialize<StoredDiagnostic>(ref reader, options)
            ?? throw new JsonException("a diagnostic is null");
        var descriptor = DiagnosticCatalogue.Find(stored.Id)
            ?? throw new JsonException($"diagnostic id [{stored.Id}] is not in the catalogue");
        return new Diagnostic(descriptor, stored.Severity, stored.Message, stored.Location);
    }

    public override void Write(Utf8JsonWriter writer, Diagnostic value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, new StoredDiagnostic(value.Severity, value.Id, value.Message, value.Location), options);

    private sealed record StoredDiagnostic(DiagnosticSeverity Severity, string Id, string Message, SourceLocation Location);
}
