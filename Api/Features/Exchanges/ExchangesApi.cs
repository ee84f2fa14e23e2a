using Collaboration.Grains.Queries;
using System.ComponentModel;
using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using Collaboration.Api.Errors;
using Collaboration.Api.Hosting.OpenApi;
using Collaboration.Api.Http;
using Collaboration.Api.Security;
using Collaboration.Grains.Exchanges;
using Collaboration.Grains.Storage;
using Collaboration.Grains.Errors;
using Collaboration.Grains.Indexing;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Collaboration.Api.Features.Exchanges;

/// <summary>
/// Knowledge exchange: partners post what worked, ask what others did, reply, and track the replication of each
/// other's practices. Lists and searches are answered by the storage's index, not by activating every exchange.
/// </summary>
public static class ExchangesApi
{
    /// <summary>The OpenAPI description of <c>q</c>: the search syntax, with examples from the SHELTER network.</summary>
    internal const string SearchDescription =
        "Words to find in title, summary and body, case and diacritics ignored (`kelme` finds Kelmė); every word must occur. " +
        "`\"local partnership\"` is a phrase: its words next to each other, in order (so is `Laragne-Montéglin`). " +
        "`integration OR inclusion` finds either (OR in capitals; it joins the two words or phrases beside it, so " +
        "`integration OR inclusion migrants` needs migrants and one of the two). `-tourism` leaves out exchanges holding " +
        "the word (or `-\"mass tourism\"`, a phrase). `migr*` is a prefix: migrants, migration. All together: " +
        "`\"local partnership\" integration OR inclusion -tourism migr*`. Other symbols only separate words. " +
        "At most 200 characters. 400 when it holds no word, only excluded words, or an OR without a word or phrase on each side.";

    public static RouteGroupBuilder MapExchangesApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/exchanges").WithTags("Exchanges").RequireAuthorization()
            .WithStandardProblems();

        group.MapPost("/", PostExchange).RequireAuthorization(Roles.Municipality)
            .WithName(nameof(PostExchange)).WithSummary("Post a good practice, question, lesson learned or resource, authored by the calling partner");
        group.MapGet("/", ListExchanges)
            .WithName(nameof(ListExchanges)).WithSummary("Search exchanges by theme, author's country, author, project, kind and words, newest first, with a cursor");
        group.MapGet("/{id}", GetExchange)
            .WithName(nameof(GetExchange)).WithSummary("Read an exchange with its replies and adoptions");
        group.MapPut("/{id}", EditExchange).RequireAuthorization(Roles.Municipality)
            .AcceptsIfMatch().WithName(nameof(EditExchange)).WithSummary("Edit an exchange: kind, title, summary, body, themes, language (its author; If-Match)");
        group.MapPost("/{id}/withdrawal", WithdrawExchange)
            .WithName(nameof(WithdrawExchange)).WithSummary("Withdraw an exchange from lists and search; it still answers for its adoptions (its author or the coordinator)");
        group.MapPost("/{id}/replies", PostReply).RequireAuthorization(Roles.Municipality)
            .WithName(nameof(PostReply)).WithSummary("Reply to an exchange, as the calling partner");
        group.MapGet("/{id}/replies", ListReplies)
            .WithName(nameof(ListReplies)).WithSummary("Read every reply to an exchange, oldest first, with a cursor");
        group.MapGet("/{id}/replies/{replyId}", GetReply)
            .WithName(nameof(GetReply)).WithSummary("Read one reply");
        group.MapGet("/{id}/adoptions/{municipalityId}", GetAdoption)
            .WithName(nameof(GetAdoption)).WithSummary("Read a partner's adoption of an exchange with its history");
        group.MapPut("/{id}/adoptions/{municipalityId}", SetAdoption).RequireAuthorization(Roles.Municipality)
            .AcceptsIfMatch().WithName(nameof(SetAdoption)).WithSummary("Set the status of the calling partner's adoption of another partner's exchange (If-Match)");

        routes.MapGroup("/municipalities").WithTags("Exchanges").RequireAuthorization().WithStandardProblems()
            .MapGet("/{id}/exchanges", GetMunicipalityExchanges)
            .WithName(nameof(GetMunicipalityExchanges)).WithSummary("A partner's own view: the exchanges it posted and those it adopts");
        return group;
    }

    public static async Task<Created<ExchangeResponse>> PostExchange(
        ExchangeRequest request, ClaimsPrincipal user, IGrainFactory grains, IdempotencyContext idempotency)
    {
        // The author is the caller, never a field of the body; the grain validates every field. With an
        // Idempotency-Key, a retry after a crash lands on the same exchange (see IdempotencyContext).
        var exchange = await idempotency.CreateAsync(ExchangeIds.ExchangePrefix, (exchangeId, creation) =>
            grains.GetGrain<IExchangeGrain>(exchangeId).PostAsync(user.ToActor(), request.ToDraft(), creation));
        return TypedResults.Created($"/exchanges/{exchange.Id}", ExchangeResponse.From(exchange, [], 0, []));
    }

    public static async Task<StoredJsonPageOk<ExchangeListItemResponse>> ListExchanges(
        string? theme,
        string? country,
        string? author,
        string? projectId,
        string? kind,
        [Description(SearchDescription)] string? q,
        string? limit,
        string? cursor,
        IGrainFactory grains)
    {
        var page = await grains.GetGrain<IExchangeQueryGrain>(IExchangeQueryGrain.Key).SearchAsync(
            new ExchangeFilter(theme, country, author, projectId, kind, q), Limit(limit), cursor);

        // Each stored item holds the fields of an ExchangeListItemResponse, in its order (ExchangeListItemJsonTests).
        return new StoredJsonPageOk<ExchangeListItemResponse>(page.ItemsJson, page.NextCursor);
    }

    public static async Task<Results<Ok<ExchangeResponse>, ProblemHttpResult>> GetExchange(
        string id, IGrainFactory grains, HttpResponse response, IOptions<JsonOptions> json)
    {
        if (await grains.GetGrain<IExchangeQueryGrain>(IExchangeQueryGrain.Key).GetAsync(id) is not { } view)
        {
            return NotFound(id);
        }

        return Answer(view, response, json.Value.SerializerOptions);
    }

    public static async Task<Results<Ok<ExchangeResponse>, ProblemHttpResult>> EditExchange(
        string id, ExchangeRequest request, ClaimsPrincipal user, IGrainFactory grains, HttpRequest http, IOptions<JsonOptions> json)
    {
        var query = grains.GetGrain<IExchangeQueryGrain>(IExchangeQueryGrain.Key);
        if (!ExchangeIds.IsExchangeId(id) || await query.GetAsync(id) is not { } view)
        {
            return NotFound(id);
        }

        // The ETag is a digest of the whole view (GetExchange); the grain then checks that the exchange itself is
        // still at the revision that view showed, so an edit in between fails as stale too.
        var options = json.Value.SerializerOptions;
        var digest = Digest(ExchangeResponse.From(view), options);
        var required = await EntityTags.RequiredVersionAsync(http, () => Task.FromResult<string?>(digest));
        if (required is not null && required != digest)
        {
            throw new PreconditionFailedException($"Exchange '{id}' changed since it was read; read it again.");
        }

        await grains.GetGrain<IExchangeGrain>(id).EditAsync(user.ToActor(), request.ToDraft(), required is null ? null : view.Exchange.Revision);
        return await AnswerWithViewAsync(id, query, http.HttpContext.Response, options);
    }

    public static async Task<Results<Ok<ExchangeResponse>, ProblemHttpResult>> WithdrawExchange(
        string id, ClaimsPrincipal user, IGrainFactory grains, HttpResponse response, IOptions<JsonOptions> json)
    {
        if (!ExchangeIds.IsExchangeId(id))
        {
            return NotFound(id);
        }

        await grains.GetGrain<IExchangeGrain>(id).WithdrawAsync(user.ToActor());
        return await AnswerWithViewAsync(id, grains.GetGrain<IExchangeQueryGrain>(IExchangeQueryGrain.Key), response, json.Value.SerializerOptions);
    }

    public static async Task<Results<Created<ReplyResponse>, ProblemHttpResult>> PostReply(
        string id, ReplyRequest request, ClaimsPrincipal user, IGrainFactory grains, IdempotencyContext idempotency)
    {
        if (!ExchangeIds.IsExchangeId(id))
        {
            return NotFound(id);
        }

        var reply = await idempotency.CreateAsync(ExchangeIds.ReplyPrefix, (replyId, creation) =>
            grains.GetGrain<IReplyGrain>(replyId).PostAsync(user.ToActor(), id, request.Body ?? "", creation));
        return TypedResults.Created($"/exchanges/{id}/replies/{reply.Id}", ReplyResponse.From(reply));
    }

    public static async Task<Ok<PageResponse<ReplyResponse>>> ListReplies(
        string id, string? limit, string? cursor, IGrainFactory grains)
    {
        var page = await grains.GetGrain<IExchangeQueryGrain>(IExchangeQueryGrain.Key).GetRepliesAsync(id, Limit(limit), cursor);
        return TypedResults.Ok(new PageResponse<ReplyResponse>(page.Items.Select(ReplyResponse.From).ToList(), page.NextCursor));
    }

    public static async Task<Results<Ok<ReplyResponse>, ProblemHttpResult>> GetReply(string id, string replyId, IGrainFactory grains)
    {
        var reply = ExchangeIds.IsReplyId(replyId) ? await grains.GetGrain<IReplyGrain>(replyId).GetAsync() : null;
        return reply is not null && reply.ExchangeId == id
            ? TypedResults.Ok(ReplyResponse.From(reply))
            : Problems.NotFound($"reply to exchange '{Shorten(id)}'", replyId);
    }

    public static async Task<Results<Ok<AdoptionResponse>, ProblemHttpResult>> GetAdoption(
        string id, string municipalityId, IGrainFactory grains, HttpResponse response)
    {
        var snapshot = ExchangeIds.IsExchangeId(id) && Slug(municipalityId)
            ? await grains.GetGrain<IAdoptionGrain>(ExchangeIds.AdoptionKey(id, municipalityId)).GetAsync()
            : null;
        if (snapshot is null)
        {
            return Problems.NotFound($"adoption of exchange '{Shorten(id)}' by", municipalityId);
        }

        response.Headers.ETag = EntityTags.Format(snapshot.Version);
        return TypedResults.Ok(AdoptionResponse.From(snapshot.Adoption));
    }

    public static async Task<Results<Created<AdoptionResponse>, Ok<AdoptionResponse>, ValidationProblem, ProblemHttpResult>> SetAdoption(
        string id, string municipalityId, AdoptionRequest request, ClaimsPrincipal user, IGrainFactory grains, HttpRequest http)
    {
        if (!ExchangeIds.IsExchangeId(id))
        {
            return NotFound(id);
        }

        if (!Slug(municipalityId))
        {
            return Problems.NotFound("partner", municipalityId);
        }

        if (request.Status is not { } status)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["status"] = ["Required: one of interested, adapting, implemented, abandoned."],
            });
        }

        var grain = grains.GetGrain<IAdoptionGrain>(ExchangeIds.AdoptionKey(id, municipalityId));
        var snapshot = await grain.SetStatusAsync(
            user.ToActor(), status, request.Note, await EntityTags.RequiredVersionAsync(http, async () => (await grain.GetAsync())?.Version));
        http.HttpContext.Response.Headers.ETag = EntityTags.Format(snapshot.Version);
        var body = AdoptionResponse.From(snapshot.Adoption);

        // A history of one step is an adoption this request created (the history keeps far more than one).
        return snapshot.Adoption.History.Count == 1
            ? TypedResults.Created($"/exchanges/{id}/adoptions/{municipalityId}", body)
            : TypedResults.Ok(body);
    }

    public static async Task<Ok<MunicipalityExchangesResponse>> GetMunicipalityExchanges(
        string id, string? limit, string? postedCursor, string? adoptedCursor, IGrainFactory grains)
    {
        var view = await grains.GetGrain<IExchangeQueryGrain>(IExchangeQueryGrain.Key).GetForMunicipalityAsync(id, Limit(limit), postedCursor, adoptedCursor);
        return TypedResults.Ok(new MunicipalityExchangesResponse(
            view.MunicipalityId,
            new PageResponse<ExchangeListItemResponse>(view.Posted.Items.Select(ExchangeListItemResponse.From).ToList(), view.Posted.NextCursor),
            new PageResponse<AdoptionResponse>(view.Adopted.Items.Select(AdoptionResponse.From).ToList(), view.Adopted.NextCursor)));
    }

    /// <summary>
    /// The limit as a number for the catalog to check. Text that is no number becomes 0, which the catalog refuses
    /// with the same message as any limit out of range, together with every other problem of the query.
    /// </summary>
    private static int? Limit(string? limit) =>
        string.IsNullOrWhiteSpace(limit) ? null
        : int.TryParse(limit, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value
        : 0;

    private static async Task<Results<Ok<ExchangeResponse>, ProblemHttpResult>> AnswerWithViewAsync(
        string id, IExchangeQueryGrain query, HttpResponse response, JsonSerializerOptions options) =>
        await query.GetAsync(id) is { } view ? Answer(view, response, options) : NotFound(id);

    private static Ok<ExchangeResponse> Answer(ExchangeView view, HttpResponse response, JsonSerializerOptions options)
    {
        var body = ExchangeResponse.From(view);
        // The view is assembled from several grains, so its version is a digest of what it says.
        response.Headers.ETag = EntityTags.Format(Digest(body, options));
        return TypedResults.Ok(body);
    }

    private static bool Slug(string id) => ExchangeValidation.IsSlug(id);

    private static string Digest(object body, JsonSerializerOptions options) =>
        Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(body, options)).AsSpan(0, 16));

    private static string Shorten(string id) => id.Length <= 80 ? id : id[..80] + "…";

    private static ProblemHttpResult NotFound(string id) => Problems.NotFound("exchange", id);
}
