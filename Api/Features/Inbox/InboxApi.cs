using System.Globalization;
using System.Security.Claims;
using Collaboration.Api.Errors;
using Collaboration.Api.Http;
using Collaboration.Api.Security;
using Collaboration.Api.Validation;
using Collaboration.Grains.Errors;
using Collaboration.Grains.Inbox;
using Collaboration.Grains.Municipalities;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Collaboration.Api.Features.Inbox;

/// <summary>A partner's inbox: what needs its attention, newest first (the partner itself or the coordinator).</summary>
public static class InboxApi
{
    public const int DefaultLimit = 20;

    public static RouteGroupBuilder MapInboxApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/municipalities/{id}/inbox").WithTags("Inbox").RequireAuthorization()
            .WithStandardProblems();

        group.MapGet("/", GetInbox)
            .WithName(nameof(GetInbox)).WithSummary("A partner's inbox, newest first, with its unread count; `after` takes the previous page's nextCursor");
        group.MapPost("/read", MarkInboxRead)
            .WithName(nameof(MarkInboxRead)).WithSummary("Mark every item up to `upTo` read; answers the unread count");
        return group;
    }

    public static async Task<Results<Ok<InboxResponse>, ValidationProblem, ProblemHttpResult>> GetInbox(
        string id, string? after, string? limit, ClaimsPrincipal user, IGrainFactory grains)
    {
        var validation = new RequestValidation();
        var cursor = ParseNumber(validation, "after", after, null, 1);
        var count = ParseNumber(validation, "limit", limit, DefaultLimit, 1, IInboxGrain.MaxPageSize) ?? DefaultLimit;
        if (await FindInboxAsync(id, user, grains) is not { } inbox)
        {
            return Problems.NotFound("partner", id);
        }

        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }

        await AttentionCatchUp.WaitAsync(grains);
        return TypedResults.Ok(InboxResponse.From(await inbox.GetPageAsync(cursor, (int)count)));
    }

    public static async Task<Results<Ok<InboxReadResponse>, ValidationProblem, ProblemHttpResult>> MarkInboxRead(
        string id, InboxReadRequest request, ClaimsPrincipal user, IGrainFactory grains)
    {
        var validation = new RequestValidation();
        validation.Required("upTo", request.UpTo);
        validation.Range("upTo", request.UpTo, 0, long.MaxValue);
        if (await FindInboxAsync(id, user, grains) is not { } inbox)
        {
            return Problems.NotFound("partner", id);
        }

        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }

        await AttentionCatchUp.WaitAsync(grains);
        return TypedResults.Ok(new InboxReadResponse(await inbox.MarkReadAsync(request.UpTo!.Value)));
    }

    /// <summary>The partner's inbox, once the caller may read it (403) and the partner exists (404).</summary>
    private static async Task<IInboxGrain?> FindInboxAsync(string id, ClaimsPrincipal user, IGrainFactory grains)
    {
        var actor = user.ToActor();
        if (!actor.IsCoordinator && !actor.Is(id))
        {
            throw new ForbiddenException("A partner's inbox is read by that partner or the coordinator.");
        }

        return RequestValidation.IsSlug(id) && await grains.GetGrain<IMunicipalityGrain>(id).GetAsync() is not null
            ? grains.GetGrain<IInboxGrain>(id)
            : null;
    }

    private static long? ParseNumber(RequestValidation validation, string field, string? text, long? fallback, long min, long max = long.MaxValue)
    {
        if (string.IsNullOrEmpty(text))
        {
            return fallback;
        }

        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            validation.Add(field, "Must be a whole number.");
            return fallback;
        }

        validation.Range(field, value, min, max);
        return value;
    }
}
