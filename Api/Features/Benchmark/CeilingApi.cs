using Microsoft.AspNetCore.Http.HttpResults;

namespace Collaboration.Api.Features.Benchmark;

/// <summary>
/// The benchmark's ceiling: the same host and pipeline answering a small JSON object with no key, no grain and no
/// storage. Mapped only when <c>Collaboration:Benchmark:Ceiling</c> is true, so production never exposes it.
/// </summary>
public static class CeilingApi
{
    public const string Setting = "Collaboration:Benchmark:Ceiling";

    public static IEndpointRouteBuilder MapCeilingApi(this IEndpointRouteBuilder routes, IConfiguration configuration)
    {
        if (configuration.GetValue<bool>(Setting))
        {
            routes.MapGet("/bench/ceiling", Ceiling).AllowAnonymous().WithTags("Benchmark")
                .WithName(nameof(Ceiling)).WithSummary("A bare endpoint for the benchmark's ceiling (benchmark runs only)");
        }

        return routes;
    }

    public static Ok<CeilingResponse> Ceiling() => TypedResults.Ok(new CeilingResponse("ok", 1));
}
