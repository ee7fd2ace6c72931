using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Quorum.Domain.Editing;

/// <summary>
/// Reads and writes ops as ot-text-unicode JSON: <c>[3, "inserted", {"d": 2}, {"d": "deleted"}]</c>. Reading is
/// for input from browsers and storage, so it returns what is wrong as a value with words a person can act on.
/// Reading normalises (neighbours of one kind merge, a trailing retain goes), as ot-text-unicode's normalize does.
/// </summary>
public static class TextOpJson
{
    /// <summary>Most components an op may have; a person typing makes a handful, a paste of a whole text a few.</summary>
    public const int MaxComponents = 10_000;

    // Plain text in storage and logs stays readable (accented letters and CJK are themselves; System.Text.Json
    // still escapes characters outside the Basic Multilingual Plane). The JSON is stored as data through
    // parameters, never placed in HTML, so HTML-sensitive characters need no escaping here.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Parses JSON text holding an op.</summary>
    public static bool TryParse(string? json, [NotNullWhen(true)] out TextOp? op, [NotNullWhen(false)] out string? error)
    {
        op = null;
        if (string.IsNullOrWhiteSpace(json))
        {
            error = "The op is empty; it must be a JSON array of components.";
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            return TryParse(document.RootElement, out op, out error);
        }
        catch (JsonException e)
        {
            error = $"The op is not valid JSON: {e.Message}";
            return false;
        }
    }

    /// <summary>Parses an op already read as JSON.</summary>
    public static bool TryParse(JsonElement element, [NotNullWhen(true)] out TextOp? op, [NotNullWhen(false)] out string? error)
    {
        op = null;
        if (element.ValueKind != JsonValueKind.Array)
        {
            error = $"An op must be a JSON array of components, not {Describe(element.ValueKind)}.";
            return false;
        }

        var count = element.GetArrayLength();
        if (count > MaxComponents)
        {
            error = $"An op can have at most {MaxComponents:N0} components; this one has {count:N0}.";
            return false;
        }

        var builder = new OpBuilder(count);
        var index = 0;
        try
        {
            foreach (var item in element.EnumerateArray())
            {
                index++;
                if (ReadComponent(item, out var component) is { } problem)
                {
                    error = $"Component {index} of {count}: {problem}";
                    return false;
                }

                builder.Append(component);
            }

            op = builder.Build();
        }
        catch (Exception e) when (e is ArgumentException or OverflowException)
        {
            error = $"The op is too long: it spans more than {int.MaxValue:N0} characters.";
            return false;
        }

        error = null;
        return true;
    }

    /// <summary>Writes <paramref name="op"/> as a JSON array.</summary>
    public static void Write(Utf8JsonWriter writer, TextOp op)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(op);
        writer.WriteStartArray();
        foreach (var c in op.Parts)
        {
            switch (c.Kind)
            {
                case OpComponentKind.Retain:
                    writer.WriteNumberValue(c.Length);
                    break;
                case OpComponentKind.Insert:
                    writer.WriteStringValue(c.Text);
                    break;
                default:
                    writer.WriteStartObject();
                    if (c.Text is null)
                    {
                        writer.WriteNumber("d", c.Length);
                    }
                    else
                    {
                        writer.WriteString("d", c.Text);
                    }

                    writer.WriteEndObject();
                    break;
            }
        }

        writer.WriteEndArray();
    }

    /// <summary>The op as compact JSON text.</summary>
    public static string Write(TextOp op)
    {
        ArgumentNullException.ThrowIfNull(op);
        if (op.IsNoop)
        {
            return "[]";
        }

        var buffer = new ArrayBufferWriter<byte>(64);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            Write(writer, op);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static string? ReadComponent(JsonElement item, out OpComponent component)
    {
        component = default;
        switch (item.ValueKind)
        {
            case JsonValueKind.Number:
                if (ReadCount(item, "A retain") is { } badRetain)
                {
                    return badRetain;
                }

                component = new OpComponent(OpComponentKind.Retain, Count(item), null);
                return null;

            case JsonValueKind.String:
                return ReadText(item, "An insert", out var inserted) ?? Set(out component, OpComponentKind.Insert, inserted!);

            case JsonValueKind.Object:
                return ReadDelete(item, out component);

            default:
                return $"a component is a number (characters to keep), a string (text to insert) or {{\"d\": ...}} (a deletion), not {Describe(item.ValueKind)}.";
        }
    }

    private static string? ReadDelete(JsonElement item, out OpComponent component)
    {
        component = default;
        JsonElement? d = null;
        foreach (var property in item.EnumerateObject())
        {
            if (property.Name != "d" || d is not null)
            {
                return $"a deletion is {{\"d\": count}} or {{\"d\": \"text\"}} and has no other property (found \"{Clip(property.Name)}\").";
            }

            d = property.Value;
        }

        switch (d?.ValueKind)
        {
            case JsonValueKind.Number:
                if (ReadCount(d.Value, "A deletion's count") is { } badCount)
                {
                    return badCount;
                }

                component = new OpComponent(OpComponentKind.Delete, Count(d.Value), null);
                return null;

            case JsonValueKind.String:
                return ReadText(d.Value, "A deletion's text", out var deleted) ?? Set(out component, OpComponentKind.Delete, deleted!);

            case null:
                return "a deletion is {\"d\": count} or {\"d\": \"text\"}; this object has no \"d\".";

            default:
                return $"a deletion's \"d\" is a count or the deleted text, not {Describe(d.Value.ValueKind)}.";
        }
    }

    private static string? ReadCount(JsonElement number, string what)
    {
        if (number.TryGetInt32(out var n))
        {
            return n > 0 ? null : $"{what} must be a positive whole number of characters, not {n}.";
        }

        // JSON has one kind of number; 3.0 and 3e0 mean 3, as in JavaScript.
        if (!number.TryGetDouble(out var value))
        {
            return $"{what} can be at most {int.MaxValue:N0} characters, not {Clip(number.GetRawText())}.";
        }

        if (value != Math.Floor(value))
        {
            return $"{what} must be a whole number of characters, not {Clip(number.GetRawText())}.";
        }

        return value switch
        {
            <= 0 => $"{what} must be a positive whole number of characters, not {Clip(number.GetRawText())}.",
            > int.MaxValue => $"{what} can be at most {int.MaxValue:N0} characters, not {Clip(number.GetRawText())}.",
            _ => null,
        };
    }

    private static int Count(JsonElement number) => number.TryGetInt32(out var n) ? n : (int)number.GetDouble();

    private static string? ReadText(JsonElement element, string what, out string? text)
    {
        try
        {
            text = element.GetString()!;
        }
        catch (InvalidOperationException)
        {
            // System.Text.Json refuses to unescape a lone surrogate such as "\uD800".
            text = null;
            return $"{what} holds a lone surrogate (half of a character), which is not valid Unicode.";
        }

        if (text.Length == 0)
        {
            return $"{what} must not be empty.";
        }

        return CodePoints.IsWellFormed(text) ? null : $"{what} holds a lone surrogate (half of a character), which is not valid Unicode.";
    }

    private static string? Set(out OpComponent component, OpComponentKind kind, string text)
    {
        component = new OpComponent(kind, CodePoints.Count(text), text);
        return null;
    }

    private static string Clip(string text) => text.Length <= 20 ? text : text[..20] + "…";

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "true or false",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };
}
