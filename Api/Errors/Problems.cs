using Microsoft.AspNetCore.Http.HttpResults;

namespace Collaboration.Api.Errors;

/// <summary>Typed problem results that endpoints return directly (the rest come from exceptions).</summary>
public static class Problems
{
    public static ProblemHttpResult NotFound(string resource, string id) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status404NotFound,
            detail: $"There is no {resource} '{(id.Length <= 80 ? id : id[..80] + "…")}'.");
}
