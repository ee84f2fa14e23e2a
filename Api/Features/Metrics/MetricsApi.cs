using Collaboration.Api.Security;

namespace Collaboration.Api.Features.Metrics;

/// <summary>
/// Metrics in Prometheus's text format (OpenTelemetry's exporter), mapped when <c>Collaboration:Telemetry:Metrics</c>
/// is on: ASP.NET Core, the .NET runtime, Orleans and the project's own. The coordinator reads them here; a scraper
/// without a key reads them on the metrics port when one is set (<see cref="Hosting.TelemetrySetup"/>).
/// </summary>
public static class MetricsApi
{
    public const string Path = "/metrics";

    public static RouteGroupBuilder MapMetricsApi(this IEndpointRouteBuilder routes)
    {
        // Never rate limited: a flood must not blind the monitoring that would show it.
        var group = routes.MapGroup("").WithTags("Operations").RequireAuthorization(Roles.Coordinator).DisableRateLimiting();
        group.MapPrometheusScrapingEndpoint(Path).WithName("Metrics").WithSummary("Metrics in Prometheus's text format (coordinator)");
        return group;
    }
}
