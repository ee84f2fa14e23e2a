namespace Collaboration.Grains.Exchanges;

/// <summary>A partner's own view: what it posted (newest first) and what it adopts (newest adoption first), each paged on its own.</summary>
[GenerateSerializer, Immutable, Alias("collaboration.MunicipalityExchanges")]
public sealed record MunicipalityExchanges(
    string MunicipalityId,
    ExchangePage<ExchangeListItem> Posted,
    ExchangePage<AdoptionRecord> Adopted);
