namespace Collaboration.Grains.Municipalities;

/// <summary>What the partners index returns for each partner, so that listing partners activates no grain.</summary>
[GenerateSerializer, Immutable, Alias("collaboration.MunicipalitySummary")]
public sealed record MunicipalitySummary(string Id, MunicipalityProfile Profile, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);
