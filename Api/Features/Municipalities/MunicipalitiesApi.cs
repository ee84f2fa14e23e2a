using System.Security.Claims;
using System.Text.Json;
using Collaboration.Api.Errors;
using Collaboration.Api.Hosting.OpenApi;
using Collaboration.Api.Http;
using Collaboration.Api.Security;
using Collaboration.Api.Validation;
using Collaboration.Grains.Errors;
using Collaboration.Grains.Indexing;
using Collaboration.Grains.Municipalities;
using Collaboration.Grains.Queries;
using Collaboration.Grains.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Collaboration.Api.Features.Municipalities;

/// <summary>Partners of the network: municipalities and other partner bodies.</summary>
public static class MunicipalitiesApi
{
    public static RouteGroupBuilder MapMunicipalitiesApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/municipalities").WithTags("Municipalities").RequireAuthorization()
            .WithStandardProblems();

        group.MapPost("/", CreateMunicipality).RequireAuthorization(Roles.Coordinator).RequiresInBody("id")
            .WithName(nameof(CreateMunicipality)).WithSummary("Register a partner (coordinator); answers its API key once");
        group.MapGet("/", ListMunicipalities)
            .WithName(nameof(ListMunicipalities)).WithSummary("List active partners, optionally of one country (?includeInactive=true for all)");
        group.MapGet("/{id}", GetMunicipality)
            .WithName(nameof(GetMunicipality)).WithSummary("Read a partner with its projects and agreements");
        group.MapPut("/{id}", UpdateMunicipality)
            .AcceptsIfMatch().WithName(nameof(UpdateMunicipality)).WithSummary("Replace a partner's profile (the partner itself or the coordinator; If-Match)");
        group.MapPost("/{id}/api-key", IssueApiKey).RequireAuthorization(Roles.Coordinator)
            .WithName(nameof(IssueApiKey)).WithSummary("Issue a new API key for a partner and revoke the old one (coordinator)");
        group.MapPost("/{id}/deactivation", DeactivateMunicipality).RequireAuthorization(Roles.Coordinator)
            .WithName(nameof(DeactivateMunicipality)).WithSummary("Deactivate a partner: its key stops working and it leaves lists and counts; its history stays (coordinator)");
        group.MapPost("/{id}/reactivation", ReactivateMunicipality).RequireAuthorization(Roles.Coordinator)
            .WithName(nameof(ReactivateMunicipality)).WithSummary("Reactivate a deactivated partner, with the key it had (coordinator)");
        return group;
    }

    public static async Task<Results<Ok<MunicipalityResponse>, ProblemHttpResult>> DeactivateMunicipality(
        string id, ClaimsPrincipal user, IGrainFactory grains, ApiKeyCache keys)
    {
        var result = await ChangeActivationAsync(id, grains, grain => grain.DeactivateAsync(user.ToActor()));

        // Its key stops working here before the coordinator hears of it (other fronts hear of it from the activity).
        keys.Forget(id);
        return result;
    }

    public static Task<Results<Ok<MunicipalityResponse>, ProblemHttpResult>> ReactivateMunicipality(
        string id, ClaimsPrincipal user, IGrainFactory grains) =>
        ChangeActivationAsync(id, grains, grain => grain.ReactivateAsync(user.ToActor()));

    public static async Task<Results<Created<MunicipalityResponse>, ValidationProblem>> CreateMunicipality(
        MunicipalityRequest request, ClaimsPrincipal user, IGrainFactory grains, IdempotencyContext idempotency)
    {
        var validation = request.ValidateProfile();
        validation.Slug("id", request.Id);
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }

        var apiKey = ApiKeys.Generate();
        // A retry of this very request whose answer was lost in a crash gets the partner with this new key (the lost
        // one was never seen by anyone); any other request for a taken id is 409 (see IMunicipalityGrain.CreateAsync).
        var created = await grains.GetGrain<IMunicipalityGrain>(request.Id!)
            .CreateAsync(request.ToProfile(), ApiKeys.Hash(apiKey), user.ToActor(), idempotency.CreationRequest);
        var p = created.Profile;
        return TypedResults.Created($"/municipalities/{created.Id}", new MunicipalityResponse(
            created.Id, p.Name, p.Country, p.Kind, p.Region, p.Population, p.Website, p.Languages, p.ContactEmail,
            [], [], Active: true, created.CreatedAt, created.UpdatedAt, apiKey));
    }

    public static async Task<Results<Ok<List<MunicipalityListItem>>, ValidationProblem>> ListMunicipalities(
        string? country, bool? includeInactive, IndexClient index)
    {
        var query = new IndexQuery(IndexNames.Municipalities) { Descending = false };
        if (!string.IsNullOrEmpty(country))
        {
            var validation = new RequestValidation();
            validation.Country("country", country);
            if (!validation.IsValid)
            {
                return TypedResults.ValidationProblem(validation.Errors);
            }

            query = query with { Terms = [new IndexTerm("country", country.ToUpperInvariant())] };
        }

        var hits = await index.QueryAllAsync(query);
        return TypedResults.Ok(hits
            .Select(h => JsonSerializer.Deserialize<MunicipalitySummary>(h.Payload!, GrainStateSerializer.Options)!)
            .Where(s => s.Active || includeInactive == true)
            .Select(MunicipalityListItem.From)
            .ToList());
    }

    public static async Task<Results<SerializedOnceOk<MunicipalityResponse>, ProblemHttpResult>> GetMunicipality(
        string id, IGrainFactory grains, HttpResponse response)
    {
        var view = RequestValidation.IsSlug(id) ? await grains.GetGrain<IMunicipalityGrain>(id).GetViewAsync() : null;
        if (view is null)
        {
            return NotFound(id);
        }

        response.Headers.ETag = EntityTags.Format(view.Snapshot.Version);
        return new SerializedOnceOk<MunicipalityResponse>(view, () => ToResponse(view));
    }

    public static async Task<Results<Ok<MunicipalityResponse>, ValidationProblem, ProblemHttpResult>> UpdateMunicipality(
        string id, MunicipalityRequest request, ClaimsPrincipal user, IGrainFactory grains, HttpRequest http)
    {
        if (!RequestValidation.IsSlug(id))
        {
            return NotFound(id);
        }

        var validation = request.ValidateProfile();
        if (request.Id is not null && request.Id != id)
        {
            validation.Add("id", "The id of a partner cannot change; leave it out or repeat the id of the URL.");
        }

        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }

        var grain = grains.GetGrain<IMunicipalityGrain>(id);
        var expected = await EntityTags.RequiredVersionAsync(http, async () => (await grain.GetAsync())?.Version);
        var updated = await grain.UpdateProfileAsync(request.ToProfile(), expected, user.ToActor());

        // The answer is this write's version, whatever another writer did since; the lists are read after it.
        // Partners are never deleted, so the partner just written exists.
        var view = await grain.GetViewAsync() ?? throw new ResourceNotFoundException("partner", id);
        http.HttpContext.Response.Headers.ETag = EntityTags.Format(updated.Version);
        return TypedResults.Ok(ToResponse(view with { Snapshot = updated }));
    }

    public static async Task<Results<Ok<ApiKeyResponse>, ProblemHttpResult>> IssueApiKey(
        string id, ClaimsPrincipal user, IGrainFactory grains, ApiKeyCache keys)
    {
        if (!RequestValidation.IsSlug(id))
        {
            return NotFound(id);
        }

        var apiKey = ApiKeys.Generate();
        await grains.GetGrain<IMunicipalityGrain>(id).RotateApiKeyAsync(ApiKeys.Hash(apiKey), user.ToActor());
        keys.Forget(id);
        return TypedResults.Ok(new ApiKeyResponse(id, apiKey));
    }

    private static async Task<Results<Ok<MunicipalityResponse>, ProblemHttpResult>> ChangeActivationAsync(
        string id, IGrainFactory grains, Func<IMunicipalityGrain, Task<MunicipalitySnapshot>> change)
    {
        if (!RequestValidation.IsSlug(id))
        {
            return NotFound(id);
        }

        var grain = grains.GetGrain<IMunicipalityGrain>(id);
        var changed = await change(grain);
        var view = await grain.GetViewAsync() ?? throw new ResourceNotFoundException("partner", id);
        return TypedResults.Ok(ToResponse(view with { Snapshot = changed }));
    }

    private static MunicipalityResponse ToResponse(MunicipalityView view)
    {
        var p = view.Snapshot.Profile;
        return new MunicipalityResponse(
            view.Snapshot.Id, p.Name, p.Country, p.Kind, p.Region, p.Population, p.Website, p.Languages, p.ContactEmail,
            view.Projects, view.Agreements, view.Snapshot.DeactivatedAt is null, view.Snapshot.CreatedAt, view.Snapshot.UpdatedAt);
    }

    private static ProblemHttpResult NotFound(string id) =>
        Problems.NotFound("partner", id);
}
