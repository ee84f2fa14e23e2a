using Collaboration.Grains.Operations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Collaboration.Api.Features.Health;

/// <summary>
/// Probes for orchestrators, on ASP.NET Core's health checks: <c>/healthz</c> says the process is alive and checks
/// nothing (a storage outage must not get the process restarted); <c>/readyz</c> runs every check tagged
/// <see cref="ReadinessTag"/>, one entry per dependency, and answers 503 when one fails. Readiness also says which
/// silo answered and how many silos are active, which tells an operator behind a load balancer which front it reached.
/// </summary>
public static class HealthApi
{
    /// <summary>The tag of the checks readiness waits for: the dependencies a request needs.</summary>
    public const string ReadinessTag = "ready";

    /// <summary>How long a dependency may take to answer before it counts as failed.</summary>
    public static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(5);

    public static RouteGroupBuilder MapHealthApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("").WithTags("Health").AllowAnonymous().DisableRateLimiting();
        group.MapGet("/healthz", Alive).WithName(nameof(Alive)).WithSummary("The process is alive");
        group.MapGet("/readyz", Ready).WithName(nameof(Ready)).WithSummary("Every dependency answers: storage; which silo answered, how many are active");
        return group;
    }

    public static async Task<Ok<HealthResponse>> Alive(HealthCheckService health, CancellationToken cancellationToken)
    {
        var report = await health.CheckHealthAsync(_ => false, cancellationToken);
        return TypedResults.Ok(HealthResponse.From(report));
    }

    public static async Task<Results<Ok<HealthResponse>, ProblemHttpResult>> Ready(
        HealthCheckService health, IGrainFactory grains, HttpResponse response, CancellationToken cancellationToken)
    {
        // Asked beside the checks, not after them: the probe takes as long as the slower of the two.
        var cluster = ClusterStatusAsync(grains, cancellationToken);
        var report = await health.CheckHealthAsync(check => check.Tags.Contains(ReadinessTag), cancellationToken);
        var status = await cluster;
        var answer = HealthResponse.From(report) with
        {
            Silo = status is null ? null : new SiloResponse(status.SiloName, status.SiloAddress),
            ActiveSilos = status?.ActiveSilos,
        };
        if (report.Status != HealthStatus.Unhealthy)
        {
            return TypedResults.Ok(answer);
        }

        // An error like any other: problem details, with the entries that say which dependency failed.
        response.Headers.RetryAfter = "5";
        var failed = answer.Entries.Where(e => e.Value.Status == HealthStatus.Unhealthy).Select(e => $"{e.Key}: {e.Value.Description}");
        var extensions = new Dictionary<string, object?>
        {
            ["totalDuration"] = answer.TotalDuration,
            ["entries"] = answer.Entries,
        };
        if (answer.Silo is not null)
        {
            extensions["silo"] = answer.Silo;
            extensions["activeSilos"] = answer.ActiveSilos;
        }

        return TypedResults.Problem(
            detail: string.Join(" ", failed),
            statusCode: StatusCodes.Status503ServiceUnavailable,
            extensions: extensions);
    }

    /// <summary>
    /// The silo that answers and the active silos it sees; null when the cluster does not say within
    /// <see cref="CheckTimeout"/>. Not a check of its own: a silo that cannot answer fails the storage check already.
    /// </summary>
    private static async Task<ClusterStatus?> ClusterStatusAsync(IGrainFactory grains, CancellationToken cancellationToken)
    {
        try
        {
            return await grains.GetGrain<IClusterStatusGrain>(IClusterStatusGrain.Key).GetAsync().WaitAsync(CheckTimeout, cancellationToken);
        }
        catch (Exception e) when (e is OrleansException or TimeoutException)
        {
            return null;
        }
    }
}
