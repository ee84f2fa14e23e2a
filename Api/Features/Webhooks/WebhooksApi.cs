using System.Security.Claims;
using System.Text.RegularExpressions;
using Collaboration.Api.Errors;
using Collaboration.Api.Http;
using Collaboration.Api.Security;
using Collaboration.Api.Validation;
using Collaboration.Grains.Access;
using Collaboration.Grains.Attention;
using Collaboration.Grains.Errors;
using Collaboration.Grains.Webhooks;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Collaboration.Api.Features.Webhooks;

/// <summary>
/// Webhooks: a partner's receive its own inbox items, the coordinator's receive activity records of the chosen kinds.
/// Each is managed by its owner (and read by the coordinator).
/// </summary>
public static partial class WebhooksApi
{
    public const int MaxKinds = 50;
    public const int DeliveriesShown = 100;

    public static RouteGroupBuilder MapWebhooksApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/webhooks").WithTags("Webhooks").RequireAuthorization()
            .WithStandardProblems();

        group.MapPost("/", CreateWebhook)
            .WithName(nameof(CreateWebhook)).WithSummary("Register a webhook; answers its signing secret once");
        group.MapGet("/", ListWebhooks)
            .WithName(nameof(ListWebhooks)).WithSummary("The caller's webhooks");
        group.MapGet("/{id}", GetWebhook)
            .WithName(nameof(GetWebhook)).WithSummary("One webhook (its owner or the coordinator)");
        group.MapDelete("/{id}", DeleteWebhook)
            .WithName(nameof(DeleteWebhook)).WithSummary("Delete a webhook; what was queued is not delivered (its owner or the coordinator)");
        group.MapGet("/{id}/deliveries", GetWebhookDeliveries)
            .WithName(nameof(GetWebhookDeliveries)).WithSummary("The webhook's most recent deliveries, newest first, with their attempts");
        return group;
    }

    public static async Task<Results<Created<WebhookResponse>, ValidationProblem>> CreateWebhook(
        WebhookRequest request, ClaimsPrincipal user, IGrainFactory grains, IConfiguration configuration)
    {
        var actor = user.ToActor();
        var validation = new RequestValidation();
        if (WebhookUrls.Check(request.Url, configuration.GetValue<bool>($"{WebhookOptions.Section}:AllowLoopbackHttp")) is { } problem)
        {
            validation.Add("url", problem);
        }

        validation.List("kinds", request.Kinds, MaxKinds, 100, required: true);
        if (request.Kinds is { Count: 0 })
        {
            validation.Add("kinds", "At least one kind.");
        }

        foreach (var kind in request.Kinds ?? [])
        {
            if (kind is not null && !IsKnownKind(actor, kind))
            {
                validation.Add("kinds", actor.IsCoordinator
                    ? $"'{kind}' is not an activity type (such as project.created or exchange.posted)."
                    : $"'{kind}' is not a kind of inbox item; one of {string.Join(", ", InboxKinds.All.Order(StringComparer.Ordinal))}.");
            }
        }

        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }

        var kinds = request.Kinds!.Select(k => k!).Distinct(StringComparer.Ordinal).ToList();
        var created = await Owner(grains, actor).RegisterAsync(request.Url!, kinds);
        return TypedResults.Created($"/webhooks/{created.Webhook.Id}", WebhookResponse.From(created.Webhook, created.Secret));
    }

    public static async Task<Ok<List<WebhookResponse>>> ListWebhooks(ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok((await Owner(grains, user.ToActor()).ListAsync()).Select(w => WebhookResponse.From(w)).ToList());

    public static async Task<Results<Ok<WebhookResponse>, ProblemHttpResult>> GetWebhook(string id, ClaimsPrincipal user, IGrainFactory grains) =>
        await FindAsync(id, user.ToActor(), grains) is { } webhook ? TypedResults.Ok(WebhookResponse.From(webhook)) : NotFound(id);

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteWebhook(string id, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (await FindAsync(id, user.ToActor(), grains) is not { } webhook)
        {
            return NotFound(id);
        }

        await grains.GetGrain<IWebhookOwnerGrain>(webhook.Owner).RemoveAsync(webhook.Id);
        return TypedResults.NoContent();
    }

    public static async Task<Results<Ok<IReadOnlyList<WebhookDelivery>>, ProblemHttpResult>> GetWebhookDeliveries(
        string id, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (await FindAsync(id, user.ToActor(), grains) is null)
        {
            return NotFound(id);
        }

        // What was written before this read is queued first, so a client sees the deliveries of its own writes.
        await AttentionCatchUp.WaitAsync(grains);
        return TypedResults.Ok(await grains.GetGrain<IWebhookGrain>(id).GetDeliveriesAsync(DeliveriesShown));
    }

    /// <summary>The webhook when it exists and the caller owns it or is the coordinator (403 for another owner's).</summary>
    private static async Task<WebhookRegistration?> FindAsync(string id, Actor actor, IGrainFactory grains)
    {
        if (!WebhookId().IsMatch(id) || await grains.GetGrain<IWebhookGrain>(id).GetAsync() is not { } webhook)
        {
            return null;
        }

        return actor.IsCoordinator || webhook.Owner == actor.MunicipalityId
            ? webhook
            : throw new ForbiddenException("A webhook is managed by its owner (or the coordinator).");
    }

    private static IWebhookOwnerGrain Owner(IGrainFactory grains, Actor actor) =>
        grains.GetGrain<IWebhookOwnerGrain>(actor.IsCoordinator ? IWebhookOwnerGrain.Coordinator : actor.MunicipalityId!);

    private static bool IsKnownKind(Actor actor, string kind) =>
        actor.IsCoordinator ? ActivityType().IsMatch(kind) : InboxKinds.All.Contains(kind);

    private static ProblemHttpResult NotFound(string id) => Problems.NotFound("webhook", id);

    [GeneratedRegex("^wh-[0-9a-f]{16}$")]
    private static partial Regex WebhookId();

    [GeneratedRegex("^[a-z]+\\.[a-zA-Z]+$")]
    private static partial Regex ActivityType();
}
