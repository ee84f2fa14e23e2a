using Collaboration.Grains.Municipalities;

namespace Collaboration.Api.Features.Municipalities;

/// <summary>
/// A partner as GET /municipalities/{id} answers it: the profile, its projects and agreements (ids). The answer to
/// its creation also carries <see cref="ApiKey"/>, shown that once and never again. A partner the coordinator
/// deactivated is <see cref="Active"/> false: its key does not work and lists leave it out, its history stays.
/// </summary>
public sealed record MunicipalityResponse(
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
    bool Active,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string? ApiKey = null);
