using Collaboration.Grains.Indexing;

namespace Collaboration.Grains.Indexing;

public static class GrainIndexExtensions
{
    /// <summary>Every hit of a query, page by page; for lists bounded by the network's size (partners, a partner's projects).</summary>
    public static async Task<IReadOnlyList<IndexHit>> QueryAllAsync(this IGrainIndex index, IndexQuery query, CancellationToken cancellationToken = default)
    {
        var hits = new List<IndexHit>();
        var page = query with { Limit = 500, After = null };
        while (true)
        {
            var result = await index.QueryAsync(page, cancellationToken);
            hits.AddRange(result.Items);
            if (result.Next is null)
            {
                return hits;
            }

            page = page with { After = result.Next };
        }
    }

    /// <summary>The document ids of every hit, in index order.</summary>
    public static async Task<IReadOnlyList<string>> QueryIdsAsync(this IGrainIndex index, IndexQuery query, CancellationToken cancellationToken = default) =>
        (await index.QueryAllAsync(query, cancellationToken)).Select(h => h.DocumentId).ToList();
}
