namespace Collaboration.Api.Tests.Security.Support;

/// <summary>One generated malformed or hostile request, described well enough to reproduce it from a failure message.</summary>
public sealed record HostileRequest(string Category, string Method, string Path, byte[]? Body = null, string? ContentType = "application/json")
{
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>Send the body without a Content-Length (chunked), as a client streaming it would.</summary>
    public bool Chunked { get; init; }

    public string Describe()
    {
        var body = Body is null ? "" : System.Text.Encoding.UTF8.GetString(Body.AsSpan(0, Math.Min(Body.Length, 160)));
        var path = Path.Length <= 160 ? Path : Path[..160] + "…";
        return $"[{Category}] {Method} {path} ({Body?.Length ?? 0} bytes, {ContentType ?? "no content type"}{(Chunked ? ", chunked" : "")}) {body}";
    }
}
