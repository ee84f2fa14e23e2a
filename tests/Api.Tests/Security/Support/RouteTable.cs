using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Collaboration.Api.Tests.Security.Support;

/// <summary>Every route the app maps, read from its endpoint data source, so that a new route is seen by the tests at once.</summary>
public static class RouteTable
{
    public static IReadOnlyList<ApiRoute> Read(IServiceProvider services) =>
        [.. services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(method => new ApiRoute(method, Normalise(e.RoutePattern.RawText ?? "/"))))
            .Distinct()
            .OrderBy(r => r.Pattern, StringComparer.Ordinal)
            .ThenBy(r => r.Method, StringComparer.Ordinal)];

    /// <summary>"/municipalities/" (a group's "/") is the route "/municipalities".</summary>
    private static string Normalise(string pattern)
    {
        var path = "/" + pattern.Trim('/');
        return path;
    }
}
