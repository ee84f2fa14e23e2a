using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Collaboration.Api.Http;

/// <summary>
/// Writes JSON the grains stored (System.Text.Json's default escaping: every non-ASCII and HTML-sensitive character as
/// <c>\uXXXX</c>) the way this API writes JSON (its encoder leaves most of those characters as they are), so that a stored
/// item answers with exactly the bytes its serialization would, without parsing it into objects.
/// </summary>
public static class StoredJson
{
    /// <summary>A writer that escapes as this API's serializer does; the caller checks the structure of what it writes.</summary>
    public static Utf8JsonWriter CreateWriter(IBufferWriter<byte> output, JsonSerializerOptions apiOptions)
    {
        ArgumentNullException.ThrowIfNull(apiOptions);
        return new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = apiOptions.Encoder, SkipValidation = true });
    }

    /// <summary>Writes one stored JSON value; only its strings are escaped again, with <paramref name="writer"/>'s encoder.</summary>
    public static void Write(Utf8JsonWriter writer, string storedJson)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(storedJson);
        if (!storedJson.Contains('\\'))
        {
            // Nothing escaped means printable ASCII only, which every encoder writes as it is.
            writer.WriteRawValue(storedJson, skipInputValidation: true);
            return;
        }

        var utf8 = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(storedJson.Length));
        var scratch = ArrayPool<byte>.Shared.Rent(utf8.Length);
        try
        {
            Copy(writer, utf8.AsSpan(0, Encoding.UTF8.GetBytes(storedJson, utf8)), scratch);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(scratch);
            ArrayPool<byte>.Shared.Return(utf8);
        }
    }

    private static void Copy(Utf8JsonWriter writer, ReadOnlySpan<byte> json, byte[] scratch)
    {
        var reader = new Utf8JsonReader(json);
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    writer.WriteStartObject();
                    break;
                case JsonTokenType.EndObject:
                    writer.WriteEndObject();
                    break;
                case JsonTokenType.StartArray:
                    writer.WriteStartArray();
                    break;
                case JsonTokenType.EndArray:
                    writer.WriteEndArray();
                    break;
                case JsonTokenType.PropertyName:
                    writer.WritePropertyName(Unescaped(ref reader, scratch));
                    break;
                case JsonTokenType.String:
                    writer.WriteStringValue(Unescaped(ref reader, scratch));
                    break;
                case JsonTokenType.True or JsonTokenType.False:
                    writer.WriteBooleanValue(reader.GetBoolean());
                    break;
                case JsonTokenType.Null:
                    writer.WriteNullValue();
                    break;
                default:
                    // A number: no escaping, so its text is the same whoever writes it.
                    writer.WriteRawValue(reader.ValueSpan, skipInputValidation: true);
                    break;
            }
        }
    }

    // Unescaped text is never longer than the escaped text, so the scratch buffer (as long as the whole value) holds it.
    private static ReadOnlySpan<byte> Unescaped(ref Utf8JsonReader reader, byte[] scratch) =>
        reader.ValueIsEscaped ? scratch.AsSpan(0, reader.CopyString(scratch)) : reader.ValueSpan;
}
