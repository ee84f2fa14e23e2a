using Collaboration.Grains.Indexing;

namespace Collaboration.Grains.Queries;

/// <summary>
/// Answers index queries on a silo, next to the storage that keeps the indexes, so a front end (co-hosted or an
/// Orleans client) never opens the database itself. Stateless: Orleans runs as many activations as the load needs.
/// </summary>
public interface IIndexQueryGrain : IGrainWithStringKey
{
    /// <summary>The one key callers use; a stateless worker's key only names it.</summary>
    const string Key = "indexes";

    [ReadOnly]
    Task<IndexPage> QueryAsync(IndexQuery query);

    [ReadOnly]
    Task<long> CountAsync(IndexQuery query);
}
