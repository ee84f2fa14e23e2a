using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Collaboration.Grains.Storage;

/// <summary>The one JSON shape of stored grain state, so every provider stores the same bytes.</summary>
public static class GrainStateSerializer
{
    public static JsonSerializerOptions Options { get; } = CreateOptions(encoder: null);

    /// <summary>
    /// The same shape, escaped as the API escapes its answers (only what JSON requires; accented letters as they are):
    /// for index payloads that a list copies into its answer, which then need no rewriting. Read with <see cref="Options"/>.
    /// </summary>
    public static JsonSerializerOptions ListedPayloadOptions { get; } = CreateOptions(JavaScriptEncoder.UnsafeRelaxedJsonEscaping);

    private static JsonSerializerOptions CreateOptions(JavaScriptEncoder? encoder)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            Encoder = encoder,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
