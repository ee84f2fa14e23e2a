using Collaboration.Grains.Municipalities;

namespace Collaboration.Api.Features.Municipalities;

/// <summary>The answer to POST /municipalities: the partner and its API key, shown this once and never again.</summary>
public sealed record CreatedMunicipalityResponse(
    string Id,
    string Name,
    string Country,
    PartnerKind Kind,
    string? Region,
    int? Population,
    string? Website,
    IReadOnlyList<string> Languages,
    string? ContactEmail,
    IReadOnlyList<string> Projects,
    IReadOnlyList<string> Agreements,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string ApiKey);
