using Collaboration.Grains.Indexing;

namespace Collaboration.Grains.Queries;

/// <summary>
/// The indexes as a front end reads them for plain lists (partners, projects, agreements, expired idempotency
/// records): every query goes to an <see cref="IIndexQueryGrain"/> on a silo. The catalogue, the network figures and
/// the reports have query grains of their own.
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
