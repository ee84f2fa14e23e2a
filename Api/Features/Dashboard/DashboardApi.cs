using System.Collections.Frozen;

namespace Collaboration.Api.Features.Dashboard;

/// <summary>
/// The coordinators' web page: HTML, CSS and JavaScript embedded in the API assembly and served from memory (no
/// build step, no CDN, nothing read from disk), with the pinned libraries it draws with (Assets/vendor). The page
/// itself is public; it asks for the coordinator's key and sends it as a bearer token with every call, so the data
/// stays behind the key.
/// </summary>
public static class DashboardApi
{
    /// <summary>Only this origin's files and API; no inline script or style, no framing.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; " +
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private const string Script = "text/javascript; charset=utf-8";
    private const string Text = "text/plain; charset=utf-8";

    private static readonly Lazy<DashboardAsset> Page = new(() => DashboardAsset.Load("dashboard.html", "text/html; charset=utf-8"));

    /// <summary>The page's own files and the vendored libraries with their licences, by the name the page asks for.</summary>
    private static readonly FrozenDictionary<string, Lazy<DashboardAsset>> Files = new Dictionary<string, (string Resource, string ContentType)>
    {
        ["dashboard.js"] = ("dashboard.js", Script),
        ["dashboard.css"] = ("dashboard.css", "text/css; charset=utf-8"),
        ["vendor/cytoscape.min.js"] = ("vendor.cytoscape.min.js", Script),
        ["vendor/layout-base.js"] = ("vendor.layout-base.js", Script),
        ["vendor/cose-base.js"] = ("vendor.cose-base.js", Script),
        ["vendor/cytoscape-fcose.js"] = ("vendor.cytoscape-fcose.js", Script),
        ["vendor/chart.umd.min.js"] = ("vendor.chart.umd.min.js", Script),
        ["vendor/topojson-client.min.js"] = ("vendor.topojson-client.min.js", Script),
        ["vendor/countries-50m.json"] = ("vendor.countries-50m.json", "application/json; charset=utf-8"),
        ["vendor/cytoscape.LICENSE.txt"] = ("vendor.cytoscape.LICENSE.txt", Text),
        ["vendor/layout-base.LICENSE.txt"] = ("vendor.layout-base.LICENSE.txt", Text),
        ["vendor/cose-base.LICENSE.txt"] = ("vendor.cose-base.LICENSE.txt", Text),
        ["vendor/cytoscape-fcose.LICENSE.txt"] = ("vendor.cytoscape-fcose.LICENSE.txt", Text),
        ["vendor/chart.js.LICENSE.txt"] = ("vendor.chart.js.LICENSE.txt", Text),
        ["vendor/topojson-client.LICENSE.txt"] = ("vendor.topojson-client.LICENSE.txt", Text),
        ["vendor/world-atlas.LICENSE.txt"] = ("vendor.world-atlas.LICENSE.txt", Text),
    }.ToFrozenDictionary(
        entry => entry.Key,
        entry => new Lazy<DashboardAsset>(() => DashboardAsset.Load(entry.Value.Resource, entry.Value.ContentType)),
        StringComparer.Ordinal);

    /// <summary>The paths under /dashboard/ that serve a file.</summary>
    public static IReadOnlyCollection<string> FileNames => Files.Keys;

    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/dashboard").AllowAnonymous().ExcludeFromDescription();
        group.MapGet("", (HttpContext context) => Serve(context, Page.Value));
        foreach (var (name, asset) in Files)
        {
            group.MapGet("/" + name, (HttpContext context) => Serve(context, asset.Value));
        }

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
