namespace Collaboration.Grains.Exchanges;

/// <summary>
/// A town's replication of an exchange: its current status and note, since when it has been tracked, and its
/// history oldest first (the most recent <see cref="ExchangeLimits.AdoptionHistoryCap"/> steps).
/// </summary>
[GenerateSerializer, Immutable, Alias("collaboration.AdoptionRecord")]
public sealed record AdoptionRecord(
    ExchangeReference Exchange,
    string MunicipalityId,
    AdoptionStatus Status,
    string? Note,
    DateTimeOffset Since,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<AdoptionHistoryEntry> History);
