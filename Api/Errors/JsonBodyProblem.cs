using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;

namespace Collaboration.Api.Errors;

/// <summary>
/// What was wrong with a JSON body, said so that a person can fix it: the field the parser stopped at, and what that
/// field takes (a string, an integer, a date as YYYY-MM-DD, one of the enum's values), or that the field is unknown.
/// The body's type comes from the endpoint, the field's type from the serializer's own contract for it.
/// </summary>
public static partial class JsonBodyProblem
{
    public static HttpValidationProblemDetails From(JsonException json, Type? bodyType, JsonSerializerOptions options)
    {
        var (field, message) = Explain(json, bodyType, options);
        return new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = StatusCodes.Status400BadRequest,
            Detail = $"{field}: {message}",
        };
    }

    /// <summary>The answer to a request whose route takes a JSON body and that came with none.</summary>
    public static HttpValidationProblemDetails Missing(Type bodyType, JsonSerializerOptions options)
    {
        var fields = options.GetTypeInfo(bodyType).Properties.Select(p => p.Name).ToList();
        var message = fields.Count > 0
            ? $"This request needs a JSON object as its body (Content-Type: application/json), with the fields {string.Join(", ", fields)}."
            : "This request needs a JSON body (Content-Type: application/json).";
        return new HttpValidationProblemDetails(new Dictionary<string, string[]> { ["body"] = [message] })
        {
            Status = StatusCodes.Status400BadRequest,
            Detail = message,
        };
    }

    private static (string Field, string Message) Explain(JsonException json, Type? bodyType, JsonSerializerOptions options)
    {
        // The reader's own errors (not JSON at all) come wrapped; the converters' (JSON of the wrong shape) do not.
        if (json.InnerException is JsonException || json.Path is null)
        {
            var where = json.LineNumber is { } line && json.BytePositionInLine is { } column ? $" (line {line + 1}, byte {column + 1})" : "";
            return (FieldOf(json.Path) ?? "body", $"The body is not valid JSON{where}.");
        }

        var segments = Segments(json.Path);
        if (bodyType is null || segments.Count == 0)
        {
            return (FieldOf(json.Path) ?? "body", segments.Count == 0 ? "The body must be a JSON object." : "This value is not of the expected type.");
        }

        var type = bodyType;
        var field = "";
        foreach (var segment in segments)
        {
            var info = options.GetTypeInfo(type);
            if (segment.Index is { } index)
            {
                field += $"[{index}]";
                type = info.ElementType ?? typeof(object);
                continue;
            }

            var name = segment.Name!;
            field = field.Length == 0 ? name : $"{field}.{name}";
            var property = info.Kind == JsonTypeInfoKind.Object
                ? info.Properties.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.Ordinal))
                : null;
            if (property is null)
            {
                var known = info.Kind == JsonTypeInfoKind.Object ? info.Properties.Select(p => p.Name).ToList() : [];
                return (field, known.Count > 0
                    ? $"'{Shorten(name)}' is not a field of this body; the fields are {string.Join(", ", known)}."
                    : $"'{Shorten(name)}' is not a field of this body.");
            }

            type = property.PropertyType;
        }

        return (field, $"Must be {Describe(type, options)}.");
    }

    /// <summary>What a value of <paramref name="type"/> looks like in JSON, in the words of the API's docs.</summary>
    public static string Describe(Type type, JsonSerializerOptions options)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsEnum)
        {
            var names = Enum.GetNames(type).Select(n => $"'{options.PropertyNamingPolicy?.ConvertName(n) ?? n}'");
            return $"one of {string.Join(", ", names)}";
        }

        if (type == typeof(DateOnly))
        {
            return "a date as YYYY-MM-DD (e.g. '2017-03-15')";
        }

        if (type == typeof(DateTimeOffset) || type == typeof(DateTime))
        {
            return "an instant in ISO 8601 (e.g. '2017-03-15T09:00:00Z')";
        }

        if (type == typeof(string))
        {
            return "a string";
        }

        if (type == typeof(bool))
        {
            return "true or false";
        }

        if (type == typeof(int) || type == typeof(long) || type == typeof(short))
        {
            return "an integer (a JSON number, not a string)";
        }

        if (type == typeof(double) || type == typeof(decimal) || type == typeof(float))
        {
            return "a number (a JSON number, not a string)";
        }

        var info = options.GetTypeInfo(type);
        return info.Kind switch
        {
            JsonTypeInfoKind.Enumerable => $"an array whose items are each {Describe(info.ElementType ?? typeof(object), options)}",
            JsonTypeInfoKind.Dictionary => "a JSON object",
            JsonTypeInfoKind.Object => "a JSON object",
            _ => "a value of another type",
        };
    }

    private static string? FieldOf(string? path) =>
        path is { Length: > 2 } && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : null;

    private static string Shorten(string name) => name.Length <= 64 ? name : name[..64] + "…";

    private static List<(string? Name, int? Index)> Segments(string path)
    {
        var segments = new List<(string?, int?)>();
        foreach (Match match in PathSegment().Matches(path))
        {
            if (match.Groups["name"].Success)
            {
                segments.Add((match.Groups["name"].Value, null));
            }
            else if (match.Groups["quoted"].Success)
            {
                segments.Add((match.Groups["quoted"].Value.Replace("''", "'", StringComparison.Ordinal), null));
            }
            else if (int.TryParse(match.Groups["index"].Value, System.Globalization.CultureInfo.InvariantCulture, out var index))
            {
                segments.Add((null, index));
            }
        }

        return segments;
    }

    // System.Text.Json writes paths as $.name, $['odd name'] and [index].
    [GeneratedRegex(@"\.(?<name>[^.\[]+)|\['(?<quoted>(?:[^']|'')*)'\]|\[(?<index>\d+)\]")]
    private static partial Regex PathSegment();
}
