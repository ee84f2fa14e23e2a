namespace Collaboration.Grains.Municipalities;

/// <summary>The public profile of a partner, as its creator or the partner itself maintains it.</summary>
[GenerateSerializer, Immutable, Alias("collaboration.MunicipalityProfile")]
public sealed record MunicipalityProfile(
    string Name,
    string Country,
    PartnerKind Kind,
    string? Region,
    int? Population,
    string? Website,
    IReadOnlyList<string> Languages,
    string? ContactEmail);
