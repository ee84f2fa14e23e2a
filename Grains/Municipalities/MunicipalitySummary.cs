namespace Collaboration.Grains.Municipalities;

/// <summary>
/// What the partners index returns for each partner, so that listing partners activates no grain. A deactivated
/// partner stays in the index (its history names it) with <see cref="DeactivatedAt"/> set; lists and counts leave it out.
/// </summary>
[GenerateSerializer, Immutable, Alias("collaboration.MunicipalitySummary")]
public sealed record MunicipalitySummary(
    string Id, MunicipalityProfile Profile, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? DeactivatedAt = null)
{
    public bool Active => DeactivatedAt is null;
}
