using System.Text.Json;
using System.Text.Json.Serialization;

namespace Quorum.Domain.Editing;

/// <summary>
/// <see cref="TextOp"/> as ot-text-unicode JSON in any System.Text.Json serializer (ASP.NET, SignalR, Orleans'
/// JSON codec); <see cref="TextOp"/> names it, so no options need registering. A malformed op fails the read with
/// a <see cref="JsonException"/> carrying <see cref="TextOpJson"/>'s message.
/// </summary>
public sealed class TextOpJsonConverter : JsonConverter<TextOp>
{
    public override TextOp Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        return TextOpJson.TryParse(document.RootElement, out var op, out var error) ? op : throw new JsonException(error);
    }

    public override void Write(Utf8JsonWriter writer, TextOp value, JsonSerializerOptions options) => TextOpJson.Write(writer, value);
}
