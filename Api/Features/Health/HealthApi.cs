using Collaboration.Grains.Errors;
using Collaboration.Grains.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Collaboration.Api.Features.Health;

/// <summary>Probes for orchestrators: the process is alive; storage answers.</summary>
public static class HealthApi
{
    public static RouteGroupBuilder MapHealthApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("").WithTags("Health").AllowAnonymous().DisableRateLimiting();
        group.MapGet("/healthz", Alive).WithName(nameof(Alive)).WithSummary("The process is alive");
        group.MapGet("/readyz", Ready).WithName(nameof(Ready)).WithSummary("Storage is reachable");
        return group;
    }

    private static readonly TimeSpan ReadinessTimeout = TimeSpan.FromSeconds(5);

    public static Ok<HealthResponse> Alive() => TypedResults.Ok(new HealthResponse("alive"));

    public static async Task<Results<Ok<HealthResponse>, ProblemHttpResult>> Ready(IGrainFactory grains, HttpResponse response, CancellationToken cancellationToken)
    {
        try
        {
            // The check runs on a silo, next to the storage; a silo that does not answer in time is not ready either.
            await grains.GetGrain<IStorageHealthGrain>(IStorageHealthGrain.Key).CheckAsync().WaitAsync(ReadinessTimeout, cancellationToken);
            return TypedResults.Ok(new HealthResponse("ready"));
        }
        catch (Exception e) when (e is StorageUnavailableException or OperationCanceledException or TimeoutException or OrleansException)
        {
            response.Headers.RetryAfter = "5";
            return TypedResults.Problem(title: "Storage unavailable", detail: "Storage did not answer the readiness check.", statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}
