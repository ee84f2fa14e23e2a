using Collaboration.Grains.Exchanges;

namespace Collaboration.Api.Features.Exchanges;

/// <summary>
/// A town's replication of an exchange: its status and latest note, since when it is tracked, and its history
/// oldest first (the most recent 100 steps).
/// </summary>
public sealed record AdoptionResponse(
    ExchangeReferenceResponse Exchange,
    string MunicipalityId,
    AdoptionStatus Status,
    string? Note,
    DateTimeOffset Since,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<AdoptionStepResponse> History)
{
    public static AdoptionResponse From(AdoptionRecord a) => new(
        new ExchangeReferenceResponse(a.Exchange.Id, a.Exchange.Kind, a.Exchange.Title, a.Exchange.Author, a.Exchange.AuthorCountry),
        a.MunicipalityId,
        a.Status,
        a.Note,
        a.Since,
        a.UpdatedAt,
        a.History.Select(h => new AdoptionStepResponse(h.Status, h.Note, h.At)).ToList());
}
