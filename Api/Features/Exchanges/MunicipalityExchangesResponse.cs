namespace Collaboration.Api.Features.Exchanges;

/// <summary>
/// A partner's own view: what it posted (newest first) and what it adopts (newest adoption first). Each list pages
/// on its own: pass <c>posted.nextCursor</c> as <c>postedCursor</c>, <c>adopted.nextCursor</c> as <c>adoptedCursor</c>.
/// </summary>
public sealed record MunicipalityExchangesResponse(
    string MunicipalityId,
    PageResponse<ExchangeListItemResponse> Posted,
    PageResponse<AdoptionResponse> Adopted);
