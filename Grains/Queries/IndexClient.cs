using Collaboration.Grains.Indexing;

namespace Collaboration.Grains.Queries;

/// <summary>
/// The indexes as a front end reads them: every query goes to an <see cref="IIndexQueryGrain"/> on a silo. The read
/// models built on <see cref="IGrainIndex"/> (the exchange catalogue, the network monitor, the reports) work on it unchanged.
/// </summary>
public sealed class IndexClient(IGrainFactory grains) : IGrainIndex
{
    private readonly IIndexQueryGrain _grain = grains.GetGrain<IIndexQueryGrain>(IIndexQueryGrain.Key);

    public Task<IndexPage> QueryAsync(IndexQuery query, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return _grain.QueryAsync(query);
    }

    public Task<long> CountAsync(IndexQuery query, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return _grain.CountAsync(query);
    }
}
