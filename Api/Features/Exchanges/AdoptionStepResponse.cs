using Collaboration.Grains.Exchanges;

namespace Collaboration.Api.Features.Exchanges;

/// <summary>One step of an adoption's history.</summary>
public sealed record AdoptionStepResponse(AdoptionStatus Status, string? Note, DateTimeOffset At);
