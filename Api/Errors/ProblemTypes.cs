namespace Collaboration.Api.Errors;

/// <summary>
/// One title and one <c>type</c> per status across the whole API, whoever writes the problem (an endpoint, an
/// exception, a middleware, the rate limiter, the status-code pages): what went wrong in this request is the detail.
/// </summary>
public static class ProblemTypes
{
    private static readonly Dictionary<int, (string Title, string Type)> Known = new()
    {
        [400] = ("Invalid request", "https://tools.ietf.org/html/rfc9110#section-15.5.1"),
        [401] = ("Unauthorized", "https://tools.ietf.org/html/rfc9110#section-15.5.2"),
        [403] = ("Forbidden", "https://tools.ietf.org/html/rfc9110#section-15.5.4"),
        [404] = ("Not found", "https://tools.ietf.org/html/rfc9110#section-15.5.5"),
        [405] = ("Method not allowed", "https://tools.ietf.org/html/rfc9110#section-15.5.6"),
        [406] = ("Not acceptable", "https://tools.ietf.org/html/rfc9110#section-15.5.7"),
        [408] = ("Request timeout", "https://tools.ietf.org/html/rfc9110#section-15.5.9"),
        [409] = ("Conflict", "https://tools.ietf.org/html/rfc9110#section-15.5.10"),
        [411] = ("Length required", "https://tools.ietf.org/html/rfc9110#section-15.5.12"),
        [412] = ("Precondition failed", "https://tools.ietf.org/html/rfc9110#section-15.5.13"),
        [413] = ("Payload too large", "https://tools.ietf.org/html/rfc9110#section-15.5.14"),
        [414] = ("URI too long", "https://tools.ietf.org/html/rfc9110#section-15.5.15"),
        [415] = ("Unsupported media type", "https://tools.ietf.org/html/rfc9110#section-15.5.16"),
        [422] = ("Unprocessable content", "https://tools.ietf.org/html/rfc9110#section-15.5.21"),
        [429] = ("Too many requests", "https://tools.ietf.org/html/rfc6585#section-4"),
        [431] = ("Request header fields too large", "https://tools.ietf.org/html/rfc6585#section-5"),
        [500] = ("Internal error", "https://tools.ietf.org/html/rfc9110#section-15.6.1"),
        [503] = ("Service unavailable", "https://tools.ietf.org/html/rfc9110#section-15.6.4"),
    };

    /// <summary>The statuses this API answers with a problem, for the OpenAPI document and the tests.</summary>
    public static IEnumerable<int> Statuses => Known.Keys;

    public static string TitleOf(int status) => Known.TryGetValue(status, out var known) ? known.Title : "Error";

    /// <summary>The status's section of its RFC; <c>about:blank</c> (RFC 9457: the status says it all) for any other.</summary>
    public static string TypeOf(int status) => Known.TryGetValue(status, out var known) ? known.Type : "about:blank";
}
