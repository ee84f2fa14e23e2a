using Collaboration.Grains.Exchanges;

namespace Collaboration.Api.Features.Exchanges;

/// <summary>The body of PUT /exchanges/{id}/adoptions/{municipalityId}.</summary>
public sealed record AdoptionRequest(AdoptionStatus? Status, string? Note = null);
