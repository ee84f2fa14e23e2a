using Collaboration.Grains.Queries;
using System.Globalization;
using Collaboration.Api.Http;
using Collaboration.Api.Security;
using Collaboration.Api.Validation;
using Collaboration.Grains.Activity;
using Collaboration.Grains.Network;
using Collaboration.Grains.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Collaboration.Api.Features.Network;

/// <summary>Monitoring the whole network (coordinator only): figures, the graph, quiet partners, and the activity log, also live.</summary>
public static class NetworkApi
{
    public const int DefaultActivityLimit = 100;
    public const int DefaultInactiveDays = 90;
    public const int MaxInactiveDays = 3650;
    public const int DefaultUpcomingLimit = 10;
    public const int MaxUpcomingLimit = 100;
    public const string LastEventIdHeader = "Last-Event-ID";

    public static RouteGroupBuilder MapNetworkApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/network").WithTags("Network").RequireAuthorization(Roles.Coordinator)
            .WithStandardProblems();

        group.MapGet("/summary", GetNetworkSummary)
            .WithName(nameof(GetNetworkSummary)).WithSummary("Counts of partners, countries, projects, events, participants, exchanges, adoptions and agreements");
        group.MapGet("/graph", GetNetworkGraph)
            .WithName(nameof(GetNetworkGraph)).WithSummary("Partners, projects and agreements as nodes; partnership, lead, party and adoption as edges");
        group.MapGet("/statistics", GetNetworkStatistics)
            .WithName(nameof(GetNetworkStatistics))
            .WithSummary("Events and participants per month, partners and participants per country, exchanges per theme");
        group.MapGet("/inactive", GetInactivePartners)
            .WithName(nameof(GetInactivePartners)).WithSummary("Partners without activity in the last `days` days (90 by default), quiet the longest first");
        group.MapGet("/events/upcoming", GetUpcomingEvents)
            .WithName(nameof(GetUpcomingEvents)).WithSummary("Events that start today or later, soonest first");
        group.MapGet("/activity", GetActivity)
            .WithName(nameof(GetActivity)).WithSummary("The activity log after sequence number `after`, oldest first");
        group.MapGet("/activity/stream", StreamActivity)
            .WithName(nameof(StreamActivity))
            .WithSummary("The activity log as Server-Sent Events, live; resumes after Last-Event-ID (or `after`)");
        return group;
    }

    public static async Task<Ok<NetworkSummary>> GetNetworkSummary(IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<INetworkQueryGrain>(INetworkQueryGrain.Key).GetSummaryAsync());

    public static async Task<Ok<NetworkGraph>> GetNetworkGraph(IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<INetworkQueryGrain>(INetworkQueryGrain.Key).GetGraphAsync());

    public static async Task<Ok<NetworkStatistics>> GetNetworkStatistics(IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<INetworkQueryGrain>(INetworkQueryGrain.Key).GetStatisticsAsync());

    public static async Task<Results<Ok<IReadOnlyList<InactivePartner>>, ValidationProblem>> GetInactivePartners(
        string? days, IGrainFactory grains)
    {
        var validation = new RequestValidation();
        var window = ParseNumber(validation, "days", days, DefaultInactiveDays, 1, MaxInactiveDays);
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }

        return TypedResults.Ok(await grains.GetGrain<INetworkQueryGrain>(INetworkQueryGrain.Key).GetInactiveAsync((int)window));
    }

    public static async Task<Results<Ok<IReadOnlyList<UpcomingEvent>>, ValidationProblem>> GetUpcomingEvents(
        string? limit, IGrainFactory grains)
    {
        var validation = new RequestValidation();
        var count = ParseNumber(validation, "limit", limit, DefaultUpcomingLimit, 1, MaxUpcomingLimit);
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }

        return TypedResults.Ok(await grains.GetGrain<INetworkQueryGrain>(INetworkQueryGrain.Key).GetUpcomingEventsAsync((int)count));
    }

    public static async Task<Results<Ok<List<ActivityItem>>, ValidationProblem>> GetActivity(
        string? after, string? limit, IGrainFactory grains)
    {
        var validation = new RequestValidation();
        var from = ParseNumber(validation, "after", after, 0, 0, long.MaxValue);
        var count = ParseNumber(validation, "limit", limit, DefaultActivityLimit, 1, ActivityLogReader.MaxReadLimit);
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }

        var records = await grains.GetGrain<IActivityLogGrain>(IActivityLogGrain.Key).ReadAsync(from, (int)count);
        return TypedResults.Ok(records.Select(ActivityItem.From).ToList());
    }

    /// <summary>A reconnecting client's Last-Event-ID wins over <c>after</c>, which only sets where a first connection starts.</summary>
    public static Results<ActivityStreamResult, ValidationProblem> StreamActivity(
        string? after, [FromHeader(Name = LastEventIdHeader)] string? lastEventId)
    {
        var validation = new RequestValidation();
        var from = string.IsNullOrEmpty(lastEventId)
            ? ParseNumber(validation, "after", after, 0, 0, long.MaxValue)
            : ParseNumber(validation, LastEventIdHeader, lastEventId, 0, 0, long.MaxValue);
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }

        return new ActivityStreamResult(from);
    }

    private static long ParseNumber(RequestValidation validation, string field, string? text, long fallback, long min, long max)
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
