using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Collaboration.Api.Features.Health;

/// <summary>A health report: the overall state, how long the checks took, and one entry per dependency checked.</summary>
public sealed record HealthResponse(HealthStatus Status, TimeSpan TotalDuration, IReadOnlyDictionary<string, HealthEntryResponse> Entries)
{
    public static HealthResponse From(HealthReport report) => new(
        report.Status,
        report.TotalDuration,
        report.Entries.ToDictionary(e => e.Key, e => new HealthEntryResponse(e.Value.Status, e.Value.Duration, e.Value.Description)));
}
