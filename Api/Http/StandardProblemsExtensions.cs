namespace Collaboration.Api.Http;

public static class StandardProblemsExtensions
{
    /// <summary>Declares, for the OpenAPI document, the problem answers every authenticated route may give.</summary>
    public static RouteGroupBuilder WithStandardProblems(this RouteGroupBuilder group)
    {
        foreach (var status in new[] { 400, 401, 403, 404, 409, 412, 413, 415, 422, 429, 503 })
        {
            group.ProducesProblem(status);
        }

        return group;
    }
}
