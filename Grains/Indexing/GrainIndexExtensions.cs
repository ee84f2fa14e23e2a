using System.Runtime.CompilerServices;
using Collaboration.Grains.Indexing;

namespace Collaboration.Grains.Indexing;

public static class GrainIndexExtensions
{
    private const int PageSize = 500;

    private static readonly ConditionalWeakTable<IndexPage, IReadOnlyList<string>> IdsOfPages = new();

    /// <summary>Every hit of a query, page by page; for lists bounded by the network's size (partners, a partner's projects).</summary>
    public static async Task<IReadOnlyList<IndexHit>> QueryAllAsync(this IGrainIndex index, IndexQuery query, CancellationToken cancellationToken = default)
    {
        var hits = new List<IndexHit>();
        var page = query with { Limit = PageSize, After = null };
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

    /// <summary>
    /// The document ids of every hit, in index order. While the index is unchanged, a storage that caches answers
    /// hands back the same page, and so this returns the same list: callers may reuse what they derived from it.
    /// </summary>
    public static async Task<IReadOnlyList<string>> QueryIdsAsync(this IGrainIndex index, IndexQuery query, CancellationToken cancellationToken = default)
    {
        var first = await index.QueryAsync(query with { Limit = PageSize, After = null }, cancellationToken);
        if (first.Next is null)
        {
            return IdsOfPages.GetValue(first, static page => page.Items.Select(h => h.DocumentId).ToList());
        }

        return (await index.QueryAllAsync(query, cancellationToken)).Select(h => h.DocumentId).ToList();
    }
}
