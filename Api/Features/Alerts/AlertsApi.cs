using System.Text.Json;
using Collaboration.Api.Http;
using Collaboration.Api.Security;
using Collaboration.Grains.Alerts;
using Collaboration.Grains.Indexing;
using Collaboration.Grains.Queries;
using Collaboration.Grains.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Collaboration.Api.Features.Alerts;

/// <summary>The coordinators' alerts: each project against its programme's rules with the time left, quiet partners, agreements open too long.</summary>
public static class AlertsApi
{
    public static RouteGroupBuilder MapAlertsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/network/alerts").WithTags("Network").RequireAuthorization(Roles.Coordinator)
            .WithStandardProblems();

        group.MapGet("/", GetAlerts)
            .WithName(nameof(GetAlerts)).WithSummary("Open alerts, critical first, then the oldest first; each clears itself when its cause goes away");
        return group;
    }

    public static async Task<Ok<List<Alert>>> GetAlerts(IndexClient index, IGrainFactory grains)
    {
        // Alerts are evaluated as activity is routed: wait (briefly) for what was written before this read.
        await AttentionCatchUp.WaitAsync(grains);
        var hits = await index.QueryAllAsync(new IndexQuery(IndexNames.Alerts) { Descending = false });
        return TypedResults.Ok(hits
            .Select(h => JsonSerializer.Deserialize<Alert>(h.Payload!, GrainStateSerializer.Options)!)
            .OrderByDescending(a => a.Severity)
            .ThenBy(a => a.Since)
            .ThenBy(a => a.Subject, StringComparer.Ordinal)
            .ToList());
    }
}
