using System.Buffers;
using System.Globalization;
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

    /// <summary>
    /// Writes one stored JSON value. Escapes occur only inside strings, and each one is escaped again as
    /// <paramref name="writer"/>'s encoder escapes its character; everything else is copied as it is.
    /// </summary>
    public static void Write(Utf8JsonWriter writer, string storedJson)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(storedJson);

        // Without an encoder the writer escapes as the stored JSON was escaped; without an escape the text is
        // printable ASCII, which every encoder writes as it is.
        if (writer.Options.Encoder is not { } encoder || !storedJson.Contains('\\'))
        {
            writer.WriteRawValue(storedJson, skipInputValidation: true);
            return;
        }

        // Re-escaping lengthens a character at most from a two-character escape to a six-character one.
        var output = ArrayPool<char>.Shared.Rent(storedJson.Length * 3);
        try
        {
            var json = storedJson.AsSpan();
            var written = 0;
            Span<char> character = stackalloc char[2];
            for (var escape = json.IndexOf('\\'); escape >= 0; escape = json.IndexOf('\\'))
            {
                json[..escape].CopyTo(output.AsSpan(written));
                written += escape;
                json = json[escape..];
                var length = Unescape(json, character, out var consumed);
                encoder.Encode(character[..length], output.AsSpan(written), out _, out var encoded);
                written += encoded;
                json = json[consumed..];
            }

            json.CopyTo(output.AsSpan(written));
            writer.WriteRawValue(output.AsSpan(0, written + json.Length), skipInputValidation: true);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(output);
        }
    }

    /// <summary>The character an escape at the start of <paramref name="json"/> stands for (two for a surrogate pair).</summary>
    private static int Unescape(ReadOnlySpan<char> json, Span<char> character, out int consumed)
    {
        consumed = 2;
        switch (json.Length > 1 ? json[1] : '\0')
        {
            case 'u':
                character[0] = Hex(json, 2);
                consumed = 6;
                if (char.IsHighSurrogate(character[0]) && json.Length >= 12 && json[6] == '\\' && json[7] == 'u'
                    && Hex(json, 8) is var low && char.IsLowSurrogate(low))
                {
                    character[1] = low;
                    consumed = 12;
                    return 2;
                }

                return 1;
            case 'b':
                character[0] = '\b';
                return 1;
            case 'f':
                character[0] = '\f';
                return 1;
            case 'n':
                character[0] = '\n';
                return 1;
            case 'r':
                character[0] = '\r';
                return 1;
            case 't':
                character[0] = '\t';
                return 1;
            case '"' or '\\' or '/':
                character[0] = json[1];
                return 1;
            default:
                throw new InvalidDataException("Stored JSON holds an invalid escape.");
        }
    }

    private static char Hex(ReadOnlySpan<char> json, int start) =>
        json.Length >= start + 4 && ushort.TryParse(json.Slice(start, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code)
            ? (char)code
            : throw new InvalidDataException("Stored JSON holds an invalid \\u escape.");
}
