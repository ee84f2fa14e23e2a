using Microsoft.Net.Http.Headers;

namespace Collaboration.Api.Http;

/// <summary>Maps a stored record's version to an HTTP entity tag and reads <c>If-Match</c>.</summary>
public static class EntityTags
{
    public static string Format(string version) => $"\"{version}\"";

    /// <summary>
    /// The version an If-Match demands, or null when it demands none (absent, or <c>*</c> on an existing resource).
    /// A malformed header demands a version no record has, so it fails as stale (412) rather than being ignored.
    /// </summary>
    public static string? RequiredVersion(HttpRequest request)
    {
        var header = request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(header))
        {
            return null;
        }

        if (!EntityTagHeaderValue.TryParseList([header], out var tags) || tags.Count == 0)
        {
            return "\u0000invalid";
        }

        if (tags.Any(t => t.Equals(EntityTagHeaderValue.Any)))
        {
            return null;
        }

        // Several tags: any may match; the grain compares one, so the first strong tag stands for the client's view.
        return tags[0].Tag.Value is { Length: >= 2 } quoted ? quoted[1..^1] : "\u0000invalid";
    }
}
