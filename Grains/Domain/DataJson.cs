using System.Text.Json;
using System.Text.Json.Serialization;

namespace Collaboration.Grains.Domain;

/// <summary>Reads the data files shipped with the project (countries, rulebook).</summary>
internal static class DataJson
{
    // Web defaults (camelCase) like the API; unknown members are rejected so a typo in the data fails loudly.
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        ReadCommentHandling = JsonCommentHandling.Disallow,
    };

    public static Stream OpenEmbedded(string fileName)
    {
        var name = $"Collaboration.Grains.Data.{fileName}";
        return typeof(DataJson).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded resource '{name}' is missing from {typeof(DataJson).Assembly.GetName().Name}.");
    }

    public static T Deserialize<T>(Stream json, string what)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json, Options)
                ?? throw new InvalidDataException($"The {what} is empty (JSON null).");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"The {what} is not valid: {e.Message}", e);
        }
    }
}
