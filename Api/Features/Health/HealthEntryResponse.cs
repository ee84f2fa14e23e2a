using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Collaboration.Api.Features.Health;

/// <summary>One dependency's check: its state, how long it took, and what it found.</summary>
public sealed record HealthEntryResponse(HealthStatus Status, TimeSpan Duration, string? Description);
