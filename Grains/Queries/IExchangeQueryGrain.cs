using Collaboration.Grains.Exchanges;

namespace Collaboration.Grains.Queries;

/// <summary>
/// The exchange catalogue (<see cref="ExchangeCatalog"/>) on a silo, next to the indexes it reads: a search or a view
/// costs a front end one grain call, however many index queries and grains it takes.
/// </summary>
public interface IExchangeQueryGrain : IGrainWithStringKey
{
    const string Key = "exchanges";

    /// <summary>A search page with its items as stored JSON (<see cref="ExchangeJsonPage"/>), for a front end to write without serializing them again.</summary>
    [ReadOnly]
    Task<ExchangeJsonPage> SearchAsync(ExchangeFilter filter, int? limit, string? cursor);

    [ReadOnly]
    Task<ExchangeView?> GetAsync(string exchangeId);

    [ReadOnly]
    Task<ExchangePage<ReplyRecord>> GetRepliesAsync(string exchangeId, int? limit, string? cursor);

    [ReadOnly]
    Task<MunicipalityExchanges> GetForMunicipalityAsync(string municipalityId, int? limit, string? postedCursor, string? adoptedCursor);
}
