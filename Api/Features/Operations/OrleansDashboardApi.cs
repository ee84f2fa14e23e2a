using Collaboration.Api.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Orleans.Dashboard;

namespace Collaboration.Api.Features.Operations;

/// <summary>
/// The operators' view: the Orleans dashboard (Microsoft.Orleans.Dashboard) at <c>/orleans</c>, its page, files and
/// data routes all the coordinator's alone (<see cref="OrleansDashboardSession"/>), and kept out of the OpenAPI
/// document (they are the dashboard's, not the API's). <c>POST /orleans/session</c> gives a browser its session.
/// </summary>
public static class OrleansDashboardApi
{
    /// <summary>
    /// The dashboard's own bundle and stylesheet only, from this server: its fonts (one is a data URL inside the
    /// stylesheet), its logo and the small SVG data images of its stylesheet; its data by XHR from the same origin. No
    /// inline script, no framing; the one inline style its page has (<c>padding-top: 25px;</c> on the loading notice of
    /// Microsoft.Orleans.Dashboard 10.4.2's index.html) is allowed by its hash, and no other.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; " +
        "style-src-attr 'unsafe-hashes' 'sha256-eq2af6QS2pzGTyxQ6dj75iyyFqwRgxGGxEAjoqE24f0='; " +
        "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    public static IEndpointRouteBuilder MapOrleansDashboardApi(this IEndpointRouteBuilder routes)
    {
        routes.MapOrleansDashboard(routePrefix: OrleansDashboardSession.Path)
            .RequireAuthorization(OrleansDashboardSession.Policy)
            .ExcludeFromDescription()
            .AddEndpointFilter<RouteGroupBuilder, OrleansDashboardFilter>();

        routes.MapGroup(OrleansDashboardSession.Path).WithTags("Operations").RequireAuthorization(Roles.Coordinator)
            .MapPost("/session", StartSession)
            .WithName(nameof(StartSession))
            .WithSummary("A session cookie for the Orleans dashboard at /orleans (coordinator key as bearer token)");
        return routes;
    }

    public static async Task<NoContent> StartSession(HttpContext context, CoordinatorKey coordinatorKey)
    {
        await OrleansDashboardSession.SignInAsync(context, coordinatorKey);
        return TypedResults.NoContent();
    }
}
