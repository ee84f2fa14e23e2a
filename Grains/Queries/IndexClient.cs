using Collaboration.Grains.Indexing;

namespace Collaboration.Grains.Queries;

/// <summary>
/// The indexes as a front end reads them: every query goes to an <see cref="IIndexQueryGrain"/> on a silo. The read
/// models built on <see cref="IGrainIndex"/> (the exchange catalogue, the network monitor, the reports) work on it unchanged.
/// </summary>
public sealed class IndexClient(IGrainFactory grains) : IGrainIndex
{
    // Resolved on first use: an Orleans client learns which grain implements an interface only once it is connected.
    private IIndexQueryGrain? _grain;

    private IIndexQueryGrain Grain => _grain ??= grains.GetGrain<IIndexQueryGrain>(IIndexQueryGrain.Key);

    public Task<IndexPage> QueryAsync(IndexQuery query, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Grain.QueryAsync(query);
    }

    public Task<long> CountAsync(IndexQuery query, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Grain.CountAsync(query);
    }
}
