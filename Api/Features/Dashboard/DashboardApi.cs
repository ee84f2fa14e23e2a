namespace Collaboration.Api.Features.Dashboard;

/// <summary>
/// The coordinators' web page: plain HTML, CSS and JavaScript embedded in the API assembly and served from
/// memory (no build step, no CDN, nothing read from disk). The page itself is public; it asks for the
/// coordinator's key and sends it as a bearer token with every call, so the data stays behind the key.
/// </summary>
public static class DashboardApi
{
    /// <summary>Only this origin's files and API; no inline script or style, no framing.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; " +
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private static readonly Lazy<DashboardAsset> Page = new(() => DashboardAsset.Load("dashboard.html", "text/html; charset=utf-8"));
    private static readonly Lazy<DashboardAsset> Script = new(() => DashboardAsset.Load("dashboard.js", "text/javascript; charset=utf-8"));
    private static readonly Lazy<DashboardAsset> Style = new(() => DashboardAsset.Load("dashboard.css", "text/css; charset=utf-8"));

    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/dashboard").AllowAnonymous().ExcludeFromDescription();
        group.MapGet("", (HttpContext context) => Serve(context, Page.Value));
        group.MapGet("/dashboard.js", (HttpContext context) => Serve(context, Script.Value));
        group.MapGet("/dashboard.css", (HttpContext context) => Serve(context, Style.Value));
        return routes;
    }

    private static IResult Serve(HttpContext context, DashboardAsset asset)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-cache";
        headers.ETag = asset.ETag;
        if (context.Request.Headers.IfNoneMatch.Contains(asset.ETag))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        return TypedResults.Bytes(asset.Content, asset.ContentType);
    }
}
