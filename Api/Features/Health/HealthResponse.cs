using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Collaboration.Api.Features.Health;

/// <summary>
/// A health report: the overall state, how long the checks took, and one entry per dependency checked. Readiness also
/// names the silo that answered and how many silos are active (left out when the cluster did not say in time).
/// </summary>
public sealed record HealthResponse(
    HealthStatus Status,
    TimeSpan TotalDuration,
    IReadOnlyDictionary<string, HealthEntryResponse> Entries,
    SiloResponse? Silo = null,
    int? ActiveSilos = null)
{
    public static HealthResponse From(HealthReport report) => new(
        report.Status,
        report.TotalDuration,
        report.Entries.ToDictionary(e => e.Key, e => new HealthEntryResponse(e.Value.Status, e.Value.Duration, e.Value.Description)));
}
