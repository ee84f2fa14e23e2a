using System.Security.Claims;
using Collaboration.Api.Errors;
using Collaboration.Api.Hosting.OpenApi;
using Collaboration.Api.Http;
using Collaboration.Api.Security;
using Collaboration.Api.Validation;
using Collaboration.Grains.Agreements;
using Collaboration.Grains.Errors;
using Collaboration.Grains.Indexing;
using Collaboration.Grains.Queries;
using Collaboration.Grains.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Collaboration.Api.Features.Agreements;

/// <summary>
/// Partnership agreements between partners: drafted, signed by each party for itself, in force once every party
/// signed. Who may do what, and in which state, is the agreement grain's to decide (403 and 409 come from it).
/// </summary>
public static class AgreementsApi
{
    private const int DefaultHistoryLimit = 100;
    private const int MaxHistoryLimit = 1000;

    public static RouteGroupBuilder MapAgreementsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/agreements").WithTags("Agreements").RequireAuthorization()
            .WithStandardProblems();

        group.MapPost("/", DraftAgreement)
            .RequiresInBody("parties").WithName(nameof(DraftAgreement)).WithSummary("Draft an agreement between partners (coordinator, or one of the parties)");
        group.MapGet("/", ListAgreements)
            .WithName(nameof(ListAgreements)).WithSummary("List agreements, optionally of one party or in one status");
        group.MapGet("/{id}", GetAgreement)
            .WithName(nameof(GetAgreement)).WithSummary("Read an agreement with its text and signatures");
        group.MapPut("/{id}", AmendAgreement)
            .AcceptsIfMatch().WithName(nameof(AmendAgreement)).WithSummary("Amend the title, areas or text of an open agreement, clearing its signatures (coordinator or a party; If-Match)");
        group.MapPost("/{id}/signatures", SignAgreement)
            .WithName(nameof(SignAgreement)).WithSummary("Sign an agreement for the calling party; the last signature puts it in force");
        group.MapPost("/{id}/parties", AccedeToAgreement)
            .WithName(nameof(AccedeToAgreement)).WithSummary("Admit a new party that has not signed yet (coordinator or a party that signed)");
        group.MapDelete("/{id}/parties/{municipalityId}", WithdrawFromAgreement)
            .WithName(nameof(WithdrawFromAgreement)).WithSummary("Withdraw the calling party; fewer than two parties left terminate the agreement");
        group.MapGet("/{id}/history", GetAgreementHistory)
            .WithName(nameof(GetAgreementHistory)).WithSummary("Every change of an agreement, dated, oldest first");
        return group;
    }

    public static async Task<Results<Created<AgreementResponse>, ValidationProblem>> DraftAgreement(
        AgreementRequest request, ClaimsPrincipal user, IGrainFactory grains, IdempotencyContext idempotency, HttpResponse response)
    {
        var validation = request.ValidateDraft();
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }

        // With an Idempotency-Key, a retry after a crash lands on the same agreement (see IdempotencyContext).
        var drafted = await idempotency.CreateAsync(AgreementIds.Prefix, (id, creation) =>
            grains.GetGrain<IAgreementGrain>(id).DraftAsync(user.ToActor(), request.ToContent(), request.ToParties(), creation));
        response.Headers.ETag = EntityTags.Format(drafted.ETagVersion);
        return TypedResults.Created($"/agreements/{drafted.Id}", AgreementResponse.From(drafted));
    }

    public static async Task<Results<Ok<List<AgreementListItem>>, ValidationProblem>> ListAgreements(
        string? partner, string? party, string? status, IndexClient index)
    {
        var validation = new RequestValidation();
        var terms = new List<IndexTerm>();

        // ?partner= as on every list; ?party= is the older name, still read.
        party = QueryAlias.Pick(validation, "partner", partner, "party", party);
        if (!string.IsNullOrEmpty(party))
        {
            validation.Slug(string.IsNullOrEmpty(partner) ? "party" : "partner", party);
            terms.Add(new IndexTerm(AgreementIndex.PartyField, party));
        }

        if (!string.IsNullOrEmpty(status))
        {
            var known = Enum.GetValues<AgreementStatus>().Where(s => s.ToWire() == status).ToList();
            if (known.Count == 0)
            {
                validation.Add("status", "Must be open, inForce or terminated.");
            }
            else
            {
                terms.Add(AgreementIndex.Status(known[0]));
            }
        }

        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }

        var hits = await index.QueryAllAsync(new IndexQuery(AgreementIndex.Name) { Terms = terms, Descending = false });
        return TypedResults.Ok(hits.Select(h => AgreementListItem.From(AgreementIndex.ReadSummary(h))).ToList());
    }

    public static async Task<Results<Ok<AgreementResponse>, ProblemHttpResult>> GetAgreement(
        string id, IGrainFactory grains, HttpResponse response)
    {
        if (!AgreementIds.IsWellFormed(id))
        {
            return NotFound(id);
        }

        var agreement = await grains.GetGrain<IAgreementGrain>(id).GetAsync();
        response.Headers.ETag = EntityTags.Format(agreement.ETagVersion);
        return TypedResults.Ok(AgreementResponse.From(agreement));
    }

    public static async Task<Results<Ok<AgreementResponse>, ValidationProblem, ProblemHttpResult>> AmendAgreement(
        string id, AgreementRequest request, ClaimsPrincipal user, IGrainFactory grains, HttpRequest http)
    {
        if (!AgreementIds.IsWellFormed(id))
        {
            return NotFound(id);
        }

        var validation = request.ValidateAmendment();
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }

        var grain = grains.GetGrain<IAgreementGrain>(id);
        var amended = await grain.AmendAsync(
            user.ToActor(), request.ToContent(), await EntityTags.RequiredVersionAsync(http, async () => (await grain.GetAsync()).ETagVersion));
        http.HttpContext.Response.Headers.ETag = EntityTags.Format(amended.ETagVersion);
        return TypedResults.Ok(AgreementResponse.From(amended));
    }

    public static async Task<Results<Ok<AgreementResponse>, ValidationProblem, ProblemHttpResult>> SignAgreement(
        string id, SignatureRequest request, ClaimsPrincipal user, IGrainFactory grains, HttpResponse response)
    {
        if (!AgreementIds.IsWellFormed(id))
        {
            return NotFound(id);
        }

        var validation = request.Validate();
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }

        var signed = await grains.GetGrain<IAgreementGrain>(id).SignAsync(user.ToActor(), request.ToSignature());
        response.Headers.ETag = EntityTags.Format(signed.ETagVersion);
        return TypedResults.Ok(AgreementResponse.From(signed));
    }

    public static async Task<Results<Ok<AgreementResponse>, ValidationProblem, ProblemHttpResult>> AccedeToAgreement(
        string id, AccessionRequest request, ClaimsPrincipal user, IGrainFactory grains, HttpResponse response)
    {
        if (!AgreementIds.IsWellFormed(id))
        {
            return NotFound(id);
        }

        var validation = new RequestValidation();
        validation.Slug("municipalityId", request.MunicipalityId);
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }

        var updated = await grains.GetGrain<IAgreementGrain>(id).AccedeAsync(user.ToActor(), request.MunicipalityId!);
        response.Headers.ETag = EntityTags.Format(updated.ETagVersion);
        return TypedResults.Ok(AgreementResponse.From(updated));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> WithdrawFromAgreement(
        string id, string municipalityId, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (!AgreementIds.IsWellFormed(id))
        {
            return NotFound(id);
        }

        if (!RequestValidation.IsSlug(municipalityId))
        {
            return Problems.NotFound($"party of agreement '{id}'", municipalityId);
        }

        await grains.GetGrain<IAgreementGrain>(id).WithdrawAsync(user.ToActor(), municipalityId);
        return TypedResults.NoContent();
    }

    public static async Task<Results<Ok<List<AgreementHistoryEntryResponse>>, ValidationProblem, ProblemHttpResult>> GetAgreementHistory(
        string id, long? after, int? limit, IGrainFactory grains)
    {
        if (!AgreementIds.IsWellFormed(id))
        {
            return NotFound(id);
        }

        var validation = new RequestValidation();
        validation.Range("after", after, 0, long.MaxValue);
        validation.Range("limit", limit, 1, MaxHistoryLimit);
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }

        var history = await grains.GetGrain<IAgreementGrain>(id).GetHistoryAsync(after ?? 0, limit ?? DefaultHistoryLimit);
        return TypedResults.Ok(history.Select(AgreementHistoryEntryResponse.From).ToList());
    }

    private static ProblemHttpResult NotFound(string id) => Problems.NotFound("agreement", id);
}
