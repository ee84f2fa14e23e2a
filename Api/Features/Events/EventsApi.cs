using System.Security.Claims;
using Collaboration.Api.Errors;
using Collaboration.Api.Hosting.OpenApi;
using Collaboration.Api.Http;
using Collaboration.Api.Security;
using Collaboration.Api.Validation;
using Collaboration.Grains.Errors;
using Collaboration.Grains.Events;
using Collaboration.Grains.Indexing;
using Collaboration.Grains.Projects;
using Collaboration.Grains.Queries;
using Collaboration.Grains.Storage;
using System.Text.Json;
using Collaboration.Api.Features.Exchanges;
using Collaboration.Grains.Exchanges;
using Collaboration.Grains.Municipalities;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Collaboration.Api.Features.Events;

/// <summary>Events of projects, their cancellation and the participation of each town's delegation; reports in <see cref="EventReportsApi"/>.</summary>
public static class EventsApi
{
    private const int MaxEventsPerPage = 200;

    public static IEndpointRouteBuilder MapEventsApi(this IEndpointRouteBuilder routes)
    {
        var projects = routes.MapGroup("/projects/{id}").WithTags("Events").RequireAuthorization()
            .WithStandardProblems();
        projects.MapPost("/events", CreateEvent)
            .WithName(nameof(CreateEvent)).WithSummary("Record an event of a project (a partner of the project or the coordinator)");
        projects.MapGet("/events", ListProjectEvents)
            .WithName(nameof(ListProjectEvents)).WithSummary("List a project's events, oldest first, cancelled ones included");

        var events = routes.MapGroup("/events").WithTags("Events").RequireAuthorization()
            .WithStandardProblems();
        events.MapGet("/", ListEvents)
            .WithName(nameof(ListEvents)).WithSummary("List events across projects by start date, oldest first, with a cursor: those starting from..to, hosted in a country, of a project");
        events.MapGet("/{eventId}", GetEvent)
            .WithName(nameof(GetEvent)).WithSummary("Read an event with the participation recorded so far");
        events.MapPut("/{eventId}", UpdateEvent)
            .AcceptsIfMatch().WithName(nameof(UpdateEvent)).WithSummary("Replace an event's details (the host or the coordinator; If-Match)");
        events.MapPost("/{eventId}/cancellation", CancelEvent)
            .AcceptsIfMatch().WithName(nameof(CancelEvent)).WithSummary("Cancel an event (the host or the coordinator); it is no longer reported");
        events.MapPut("/{eventId}/participation/{municipalityId}", RecordParticipation)
            .AcceptsIfMatch().WithName(nameof(RecordParticipation)).WithSummary("Record how many people a partner's delegation brought (that partner, the host or the coordinator)");

        routes.MapEventReportsApi();
        return routes;
    }

    public static async Task<Results<Created<EventResponse>, ValidationProblem, ProblemHttpResult>> CreateEvent(
        string id, EventRequest request, ClaimsPrincipal user, IGrainFactory grains, IdempotencyContext idempotency, HttpResponse response)
    {
        if (!RequestValidation.IsSlug(id))
        {
            return Problems.NotFound("project", id);
        }

        var validation = request.Validate();
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }

        // With an Idempotency-Key, a retry after a crash lands on the same event (see IdempotencyContext).
        var created = await idempotency.CreateAsync(EventIds.Prefix, (eventId, creation) =>
            grains.GetGrain<IEventGrain>(eventId).CreateAsync(id, request.ToDetails(), user.ToActor(), creation));
        response.Headers.ETag = EntityTags.Format(created.Version);
        return TypedResults.Created($"/events/{created.Event.Id}", EventResponse.From(created.Event));
    }

    public static async Task<Results<Ok<List<EventResponse>>, ProblemHttpResult>> ListProjectEvents(
        string id, IGrainFactory grains, IndexClient index)
    {
        if (!RequestValidation.IsSlug(id) || await grains.GetGrain<IProjectGrain>(id).GetAsync() is null)
        {
            return Problems.NotFound("project", id);
        }

        var events = await index.ProjectEventsAsync(id);
        return TypedResults.Ok(events.Select(EventResponse.From).ToList());
    }

    public static async Task<Results<Ok<PageResponse<EventResponse>>, ValidationProblem>> ListEvents(
        string? from, string? to, string? country, string? project, string? projectId, string? limit, string? cursor, IndexClient index)
    {
        var validation = new RequestValidation();

        // ?project= (the contract's name here); ?projectId=, as GET /exchanges calls it, is read too.
        project = QueryAlias.Pick(validation, "project", project, "projectId", projectId);
        var first = validation.Date("from", from);
        var last = validation.Date("to", to);
        if (first is { } f && last is { } l && l < f)
        {
            validation.Add("to", "Must not be before from.");
        }

        if (!string.IsNullOrEmpty(country))
        {
            validation.Country("country", country);
        }

        if (!string.IsNullOrEmpty(project) && !RequestValidation.IsSlug(project))
        {
            validation.Slug("project", project);
        }

        var size = validation.Limit("limit", limit, MaxEventsPerPage);
        IndexCursor? after = null;
        if (!string.IsNullOrEmpty(cursor))
        {
            after = PageCursor.TryDecode(cursor, out var position) ? position : null;
            if (after is null)
            {
                validation.Add("cursor", PageCursor.InvalidMessage);
            }
        }

        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }

        // The index orders events by start day: begin at `from` (a cursor before any event of that day) and stop past `to`.
        after ??= first is { } start ? new IndexCursor(start.DayNumber, "") : null;
        var terms = string.IsNullOrEmpty(project) ? [] : new[] { new IndexTerm("project", project) };
        var hosts = string.IsNullOrEmpty(country) ? null : await index.PartnersByIdAsync();
        var items = new List<EventResponse>(size);
        string? next = null;
        while (true)
        {
            var page = await index.QueryAsync(new IndexQuery(IndexNames.Events) { Terms = terms, Descending = false, After = after, Limit = size });
            var past = false;
            foreach (var hit in page.Items)
            {
                var summary = JsonSerializer.Deserialize<EventSummary>(hit.Payload!, GrainStateSerializer.Options)!;
                if (last is { } end && summary.Details.StartDate > end)
                {
                    past = true;
                    break;
                }

                after = new IndexCursor(summary.Details.StartDate.DayNumber, summary.Id);
                if (hosts is not null && !(hosts.TryGetValue(summary.Details.Host, out var host)
                    && string.Equals(host.Profile.Country, country, StringComparison.OrdinalIgnoreCase)))
                {
                    continue;
                }

                items.Add(EventResponse.From(summary));
                if (items.Count == size)
                {
                    break;
                }
            }

            if (items.Count == size && !past)
            {
                // A full page: the next one starts after its last event (and may turn out empty).
                next = PageCursor.Encode(after!.Value);
                break;
            }

            if (past || page.Next is null)
            {
                break;
            }
        }

        return TypedResults.Ok(new PageResponse<EventResponse>(items, next));
    }

    public static async Task<Results<Ok<EventResponse>, ProblemHttpResult>> GetEvent(
        string eventId, IGrainFactory grains, HttpResponse response)
    {
        var snapshot = EventIds.IsValid(eventId) ? await grains.GetGrain<IEventGrain>(eventId).GetAsync() : null;
        if (snapshot is null)
        {
            return NotFound(eventId);
        }

        response.Headers.ETag = EntityTags.Format(snapshot.Version);
        return TypedResults.Ok(EventResponse.From(snapshot.Event));
    }

    public static async Task<Results<Ok<EventResponse>, ValidationProblem, ProblemHttpResult>> UpdateEvent(
        string eventId, EventRequest request, ClaimsPrincipal user, IGrainFactory grains, HttpRequest http)
    {
        if (!EventIds.IsValid(eventId))
        {
            return NotFound(eventId);
        }

        var validation = request.Validate();
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }

        var grain = grains.GetGrain<IEventGrain>(eventId);
        var updated = await grain.UpdateAsync(request.ToDetails(), await RequiredVersionAsync(http, grain), user.ToActor());
        http.HttpContext.Response.Headers.ETag = EntityTags.Format(updated.Version);
        return TypedResults.Ok(EventResponse.From(updated.Event));
    }

    public static async Task<Results<Ok<EventResponse>, ValidationProblem, ProblemHttpResult>> CancelEvent(
        string eventId, CancellationRequest? request, ClaimsPrincipal user, IGrainFactory grains, HttpRequest http)
    {
        if (!EventIds.IsValid(eventId))
        {
            return NotFound(eventId);
        }

        // The body is optional: a cancellation needs no reason.
        var validation = request?.Validate() ?? new RequestValidation();
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }

        var reason = string.IsNullOrWhiteSpace(request?.Reason) ? null : request.Reason.Trim();
        var grain = grains.GetGrain<IEventGrain>(eventId);
        var cancelled = await grain.CancelAsync(reason, await RequiredVersionAsync(http, grain), user.ToActor());
        http.HttpContext.Response.Headers.ETag = EntityTags.Format(cancelled.Version);
        return TypedResults.Ok(EventResponse.From(cancelled.Event));
    }

    public static async Task<Results<Ok<EventResponse>, ValidationProblem, ProblemHttpResult>> RecordParticipation(
        string eventId, string municipalityId, ParticipationRequest request, ClaimsPrincipal user, IGrainFactory grains, HttpRequest http)
    {
        if (!EventIds.IsValid(eventId))
        {
            return NotFound(eventId);
        }

        if (!RequestValidation.IsSlug(municipalityId))
        {
            return Problems.NotFound("partner", municipalityId);
        }

        var validation = request.Validate();
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }

        var grain = grains.GetGrain<IEventGrain>(eventId);
        var recorded = await grain.RecordParticipationAsync(
            municipalityId, (int)request.Participants!.Value, await RequiredVersionAsync(http, grain), user.ToActor());
        http.HttpContext.Response.Headers.ETag = EntityTags.Format(recorded.Version);
        return TypedResults.Ok(EventResponse.From(recorded.Event));
    }

    private static ProblemHttpResult NotFound(string eventId) => Problems.NotFound("event", eventId);

    private static Task<string?> RequiredVersionAsync(HttpRequest http, IEventGrain grain) =>
        EntityTags.RequiredVersionAsync(http, async () => (await grain.GetAsync())?.Version);
}
