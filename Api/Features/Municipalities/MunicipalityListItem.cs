using Collaboration.Grains.Municipalities;

namespace Collaboration.Api.Features.Municipalities;

/// <summary>A partner in GET /municipalities: the profile, without the memberships (read one partner for those).</summary>
public sealed record MunicipalityListItem(
    string Id,
    string Name,
    string Country,
    PartnerKind Kind,
    string? Region,
    int? Population,
    string? Website,
    IReadOnlyList<string> Languages,
    string? ContactEmail,
    bool Active,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static MunicipalityListItem From(MunicipalitySummary s) => new(
        s.Id, s.Profile.Name, s.Profile.Country, s.Profile.Kind, s.Profile.Region, s.Profile.Population,
        s.Profile.Website, s.Profile.Languages, s.Profile.ContactEmail, s.Active, s.CreatedAt, s.UpdatedAt);
}
