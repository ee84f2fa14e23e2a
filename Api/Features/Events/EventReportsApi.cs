using Collaboration.Api.Errors;
using Collaboration.Api.Http;
using Collaboration.Api.Validation;
using Collaboration.Grains.Domain;
using Collaboration.Grains.Errors;
using Collaboration.Grains.Events;
using Collaboration.Grains.Indexing;
using Collaboration.Grains.Municipalities;
using Collaboration.Grains.Projects;
using Collaboration.Grains.Queries;
using Collaboration.Grains.Reporting;
using Collaboration.Grains.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Collaboration.Api.Features.Events;

/// <summary>
/// What is produced from recorded events: the funder's information template, calendars and the participation
/// export. Text is UTF-8 without a byte order mark; the formatters in Grains/Reporting fix the bytes.
/// </summary>
public static class EventReportsApi
{
    public const string PlainText = "text/plain; charset=utf-8";
    public const string Calendar = "text/calendar; charset=utf-8";
    public const string Csv = "text/csv; charset=utf-8";

    public static IEndpointRouteBuilder MapEventReportsApi(this IEndpointRouteBuilder routes)
    {
        var projects = routes.MapGroup("/projects/{id}").WithTags("Reporting").RequireAuthorization()
            .WithStandardProblems();
        projects.MapGet("/report", GetProjectReport).Produces<string>(StatusCodes.Status200OK, "text/plain")
            .WithName(nameof(GetProjectReport)).WithSummary("The information template for all of the project's reported events, oldest first");
        projects.MapGet("/calendar.ics", GetProjectCalendar).Produces<string>(StatusCodes.Status200OK, "text/calendar")
            .WithName(nameof(GetProjectCalendar)).WithSummary("The project's events as an iCalendar (RFC 5545), cancelled ones marked");
        projects.MapGet("/participants.csv", GetProjectParticipants).Produces<string>(StatusCodes.Status200OK, "text/csv")
            .WithName(nameof(GetProjectParticipants)).WithSummary("One row per delegation of every reported event, for the funder's grant calculation (RFC 4180)");

        var events = routes.MapGroup("/events").WithTags("Reporting").RequireAuthorization()
            .WithStandardProblems();
        events.MapGet("/{eventId}/report", GetEventReport).Produces<string>(StatusCodes.Status200OK, "text/plain")
            .WithName(nameof(GetEventReport)).WithSummary("The information template's block of one event, numbered as in the project's report");

        var municipalities = routes.MapGroup("/municipalities").WithTags("Reporting").RequireAuthorization()
            .WithStandardProblems();
        municipalities.MapGet("/{id}/calendar.ics", GetMunicipalityCalendar).Produces<string>(StatusCodes.Status200OK, "text/calendar")
            .WithName(nameof(GetMunicipalityCalendar)).WithSummary("A partner's events (of its projects, hosted, or attended) as an iCalendar (RFC 5545)");
        return routes;
    }

    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> GetProjectReport(
        string id, IGrainFactory grains)
    {
        if (await FindProjectAsync(id, grains) is not { } project)
        {
            return Problems.NotFound("project", id);
        }

        var report = await grains.GetGrain<IReportQueryGrain>(IReportQueryGrain.Key).ProjectAsync(project);
        return TypedResults.Text(InformationTemplate.Render(report), PlainText);
    }

    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> GetEventReport(
        string eventId, IGrainFactory grains)
    {
        var snapshot = EventIds.IsValid(eventId) ? await grains.GetGrain<IEventGrain>(eventId).GetAsync() : null;
        if (snapshot is null || await FindProjectAsync(snapshot.Event.ProjectId, grains) is not { } project)
        {
            return Problems.NotFound("event", eventId);
        }

        // The block is numbered by the event's place among the project's reported events.
        var report = await grains.GetGrain<IReportQueryGrain>(IReportQueryGrain.Key).ProjectAsync(project);
        if (InformationTemplate.RenderEvent(report, eventId) is not { } block)
        {
            var why = snapshot.Event.Status == EventStatus.Cancelled
                ? "it was cancelled, and a cancelled event is not reported"
                : "no delegation of more than zero people is recorded yet; record the participation first";
            return TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                detail: $"Event '{eventId}' has no report: {why}.");
        }

        return TypedResults.Text(block, PlainText);
    }

    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> GetProjectCalendar(
        string id, IGrainFactory grains, [FromKeyedServices(DomainClock.Key)] TimeProvider clock)
    {
        if (await FindProjectAsync(id, grains) is not { } project)
        {
            return Problems.NotFound("project", id);
        }

        var report = await grains.GetGrain<IReportQueryGrain>(IReportQueryGrain.Key).ProjectAsync(project);
        var name = $"{project.Definition.Acronym}: {project.Definition.Title}";

        // DTSTAMP is when this calendar object was created (RFC 5545 with METHOD): now.
        return TypedResults.Text(CalendarWriter.Write(name, report.Events, clock.GetUtcNow()), Calendar);
    }

    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> GetMunicipalityCalendar(
        string id, IGrainFactory grains, [FromKeyedServices(DomainClock.Key)] TimeProvider clock)
    {
        var municipality = RequestValidation.IsSlug(id) ? await grains.GetGrain<IMunicipalityGrain>(id).GetAsync() : null;
        if (municipality is null)
        {
            return Problems.NotFound("partner", id);
        }

        var events = await grains.GetGrain<IReportQueryGrain>(IReportQueryGrain.Key).MunicipalityEventsAsync(id);
        return TypedResults.Text(CalendarWriter.Write(municipality.Profile.Name, events, clock.GetUtcNow()), Calendar);
    }

    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> GetProjectParticipants(
        string id, IGrainFactory grains, HttpResponse response)
    {
        if (await FindProjectAsync(id, grains) is not { } project)
        {
            return Problems.NotFound("project", id);
        }

        var report = await grains.GetGrain<IReportQueryGrain>(IReportQueryGrain.Key).ProjectAsync(project);
        response.Headers.ContentDisposition = $"attachment; filename=\"{project.Id}-participants.csv\"";
        return TypedResults.Text(ParticipantsCsvWriter.Write(report.Events), Csv);
    }

    private static async Task<ProjectSnapshot?> FindProjectAsync(string id, IGrainFactory grains) =>
        RequestValidation.IsSlug(id) ? await grains.GetGrain<IProjectGrain>(id).GetAsync() : null;
}
