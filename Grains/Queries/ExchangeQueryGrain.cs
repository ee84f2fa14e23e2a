using Collaboration.Grains.Exchanges;
using Collaboration.Grains.Indexing;

namespace Collaboration.Grains.Queries;

[GrainType("exchange-query")]
[StatelessWorker]
public sealed class ExchangeQueryGrain(IGrainIndex index) : Grain, IExchangeQueryGrain
{
    private ExchangeCatalog Catalog => field ??= new ExchangeCatalog(GrainFactory, index);

    public Task<ExchangeJsonPage> SearchAsync(ExchangeFilter filter, int? limit, string? cursor) =>
        Catalog.SearchJsonAsync(filter, limit, cursor);

    public Task<ExchangeView?> GetAsync(string exchangeId) => Catalog.GetAsync(exchangeId);

    public Task<ExchangePage<ReplyRecord>> GetRepliesAsync(string exchangeId, int? limit, string? cursor) =>
        Catalog.GetRepliesAsync(exchangeId, limit, cursor);

    public Task<MunicipalityExchanges> GetForMunicipalityAsync(string municipalityId, int? limit, string? postedCursor, string? adoptedCursor) =>
        Catalog.GetForMunicipalityAsync(municipalityId, limit, postedCursor, adoptedCursor);
}
