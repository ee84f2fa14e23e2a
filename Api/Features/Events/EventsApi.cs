using System.Security.Claims;
using Collaboration.Api.Errors;
using Collaboration.Api.Http;
using Collaboration.Api.Security;
using Collaboration.Api.Validation;
using Collaboration.Grains.Errors;
using Collaboration.Grains.Events;
using Collaboration.Grains.Indexing;
using Collaboration.Grains.Projects;
using Collaboration.Grains.Queries;
using Collaboration.Grains.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Collaboration.Api.Features.Events;

/// <summary>Events of projects, their cancellation and the participation of each town's delegation; reports in <see cref="EventReportsApi"/>.</summary>
public static class EventsApi
{
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
        events.MapGet("/{eventId}", GetEvent)
            .WithName(nameof(GetEvent)).WithSummary("Read an event with the participation recorded so far");
        events.MapPut("/{eventId}", UpdateEvent)
            .WithName(nameof(UpdateEvent)).WithSummary("Replace an event's details (the host or the coordinator; If-Match)");
        events.MapPost("/{eventId}/cancellation", CancelEvent)
            .WithName(nameof(CancelEvent)).WithSummary("Cancel an event (the host or the coordinator); it is no longer reported");
        events.MapPut("/{eventId}/participation/{municipalityId}", RecordParticipation)
            .WithName(nameof(RecordParticipation)).WithSummary("Record how many people a town's delegation brought (that town, the host or the coordinator)");

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

        var updated = await grains.GetGrain<IEventGrain>(eventId)
            .UpdateAsync(request.ToDetails(), EntityTags.RequiredVersion(http), user.ToActor());
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
        var cancelled = await grains.GetGrain<IEventGrain>(eventId).CancelAsync(reason, EntityTags.RequiredVersion(http), user.ToActor());
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

        var recorded = await grains.GetGrain<IEventGrain>(eventId).RecordParticipationAsync(
            municipalityId, (int)request.Participants!.Value, EntityTags.RequiredVersion(http), user.ToActor());
        http.HttpContext.Response.Headers.ETag = EntityTags.Format(recorded.Version);
        return TypedResults.Ok(EventResponse.From(recorded.Event));
    }

    private static ProblemHttpResult NotFound(string eventId) => Problems.NotFound("event", eventId);
}
