namespace Collaboration.Api.Tests.Security.Support;

/// <summary>One route of the app's route table: an HTTP method and a route pattern as mapped, e.g. "PUT /municipalities/{id}".</summary>
public sealed record ApiRoute(string Method, string Pattern)
{
    public string Key => $"{Method} {Pattern}";

    /// <summary>The pattern's parameter names, in order.</summary>
    public IReadOnlyList<string> Parameters =>
        [.. Pattern.Split('/').Where(s => s.StartsWith('{')).Select(s => s.Trim('{', '}').Split(':', '=', '?')[0])];

    /// <summary>The path with each parameter replaced by <paramref name="value"/>'s answer for it (escaped unless told otherwise).</summary>
    public string Fill(Func<string, string> value, bool escape = true) =>
        string.Join('/', Pattern.Split('/').Select(segment =>
        {
            if (!segment.Contains('{', StringComparison.Ordinal))
            {
                return segment;
            }

            // A segment may hold text around its parameter ("{documentName}.json").
            var start = segment.IndexOf('{', StringComparison.Ordinal);
            var end = segment.IndexOf('}', StringComparison.Ordinal);
            var name = segment[(start + 1)..end].Split(':', '=', '?')[0];
            var filled = value(name);
            return segment[..start] + (escape ? Uri.EscapeDataString(filled) : filled) + segment[(end + 1)..];
        }));

    public override string ToString() => Key;
}
