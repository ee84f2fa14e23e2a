using System.Net;

namespace Collaboration.Api.Features.Webhooks;

/// <summary>Which URLs a webhook may post to: <c>https</c>, or <c>http</c> to loopback where that is allowed (development, tests).</summary>
public static class WebhookUrls
{
    public const int MaxLength = 2000;

    /// <returns>Null when the URL is acceptable, else why not.</returns>
    public static string? Check(string? url, bool allowLoopbackHttp)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return "Required.";
        }

        if (url.Length > MaxLength || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || !string.IsNullOrEmpty(uri.UserInfo) || uri.Fragment.Length > 0)
        {
            return $"Must be an absolute URL of at most {MaxLength} characters, without user information or fragment.";
        }

        if (uri.Scheme == Uri.UriSchemeHttps)
        {
            return null;
        }

        if (uri.Scheme == Uri.UriSchemeHttp && allowLoopbackHttp && IsLoopback(uri))
        {
            return null;
        }

        return allowLoopbackHttp ? "Must be https, or http to a loopback address." : "Must be https.";
    }

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.IdnHost, out var address) && IPAddress.IsLoopback(address));
}
