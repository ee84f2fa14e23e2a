using Collaboration.Silo.Storage;
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

    public static Ok<HealthResponse> Alive() => TypedResults.Ok(new HealthResponse("alive"));

    public static async Task<Results<Ok<HealthResponse>, ProblemHttpResult>> Ready(IStorageHealth storage, HttpResponse response, CancellationToken cancellationToken)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            await storage.CheckAsync(timeout.Token);
            return TypedResults.Ok(new HealthResponse("ready"));
        }
        catch (Exception e) when (e is Silo.StorageUnavailableException or OperationCanceledException)
        {
            response.Headers.RetryAfter = "5";
            return TypedResults.Problem(title: "Storage unavailable", detail: "Storage did not answer the readiness check.", statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}
