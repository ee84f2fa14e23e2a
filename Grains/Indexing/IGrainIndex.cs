namespace Collaboration.Grains.Indexing;

/// <summary>Answers queries over the index entries that grain states publish (see <see cref="IIndexedState"/>).</summary>
public interface IGrainIndex
{
    Task<IndexPage> QueryAsync(IndexQuery query, CancellationToken cancellationToken = default);

    /// <summary>How many documents match the query's terms and text (cursor and limit are ignored).</summary>
    Task<long> CountAsync(IndexQuery query, CancellationToken cancellationToken = default);
}
