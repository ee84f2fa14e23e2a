using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Collaboration.Api.Features.Health;

/// <summary>
/// Probes for orchestrators, on ASP.NET Core's health checks: <c>/healthz</c> says the process is alive and checks
/// nothing (a storage outage must not get the process restarted); <c>/readyz</c> runs every check tagged
/// <see cref="ReadinessTag"/>, one entry per dependency, and answers 503 when one fails.
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
        group.MapGet("/readyz", Ready).WithName(nameof(Ready)).WithSummary("Every dependency answers: storage");
        return group;
    }

    public static async Task<Ok<HealthResponse>> Alive(HealthCheckService health, CancellationToken cancellationToken)
    {
        var report = await health.CheckHealthAsync(_ => false, cancellationToken);
        return TypedResults.Ok(HealthResponse.From(report));
    }

    public static async Task<Results<Ok<HealthResponse>, ProblemHttpResult>> Ready(HealthCheckService health, HttpResponse response, CancellationToken cancellationToken)
    {
        var report = await health.CheckHealthAsync(check => check.Tags.Contains(ReadinessTag), cancellationToken);
        var answer = HealthResponse.From(report);
        if (report.Status != HealthStatus.Unhealthy)
        {
            return TypedResults.Ok(answer);
        }

        // An error like any other: problem details, with the entries that say which dependency failed.
        response.Headers.RetryAfter = "5";
        var failed = answer.Entries.Where(e => e.Value.Status == HealthStatus.Unhealthy).Select(e => $"{e.Key}: {e.Value.Description}");
        return TypedResults.Problem(
            detail: string.Join(" ", failed),
            statusCode: StatusCodes.Status503ServiceUnavailable,
            extensions: new Dictionary<string, object?>
            {
                ["totalDuration"] = answer.TotalDuration,
                ["entries"] = answer.Entries,
            });
    }
}
