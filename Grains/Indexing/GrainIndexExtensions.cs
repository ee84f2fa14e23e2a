using System.Runtime.CompilerServices;

namespace Collaboration.Grains.Indexing;

public static class GrainIndexExtensions
{
    private const int PageSize = 500;

    private static readonly ConditionalWeakTable<IndexPage, IReadOnlyList<string>> IdsOfAnswers = new();

    /// <summary>Every hit of a query, page by page; for lists bounded by the network's size (partners, a partner's projects).</summary>
    public static async Task<IReadOnlyList<IndexHit>> QueryAllAsync(this IGrainIndex index, IndexQuery query, CancellationToken cancellationToken = default)
    {
        var first = await index.QueryAsync(query with { Limit = PageSize, After = null }, cancellationToken);
        return await AllHitsAsync(index, query, first, cancellationToken);
    }

    /// <summary>
    /// A value made from every hit of a query, made once per answer of the index: the value is kept against the
    /// query's first page, which a storage that caches answers hands back unchanged until a commit touches the index
    /// (a change anywhere in an index drops all of its cached answers, so later pages cannot have changed either).
    /// So the same value comes back while the index is unchanged, and callers may reuse what they derived from it;
    /// a storage without a cache gives a new first page, and a new value, every time.
    /// </summary>
    public static async Task<T> QueryDerivedAsync<T>(
        this IGrainIndex index, IndexQuery query, ConditionalWeakTable<IndexPage, T> derived, Func<IReadOnlyList<IndexHit>, T> derive,
        CancellationToken cancellationToken = default)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(derived);
        ArgumentNullException.ThrowIfNull(derive);
        var first = await index.QueryAsync(query with { Limit = PageSize, After = null }, cancellationToken);
        if (derived.TryGetValue(first, out var known))
        {
            return known;
        }

        var value = derive(await AllHitsAsync(index, query, first, cancellationToken));
        derived.AddOrUpdate(first, value);
        return value;
    }

    /// <summary>The document ids of every hit, in index order; the same list while the index is unchanged (see <see cref="QueryDerivedAsync"/>).</summary>
    public static Task<IReadOnlyList<string>> QueryIdsAsync(this IGrainIndex index, IndexQuery query, CancellationToken cancellationToken = default) =>
        index.QueryDerivedAsync(query, IdsOfAnswers, static hits => (IReadOnlyList<string>)hits.Select(h => h.DocumentId).ToList(), cancellationToken);

    private static async Task<IReadOnlyList<IndexHit>> AllHitsAsync(IGrainIndex index, IndexQuery query, IndexPage first, CancellationToken cancellationToken)
    {
        if (first.Next is null)
        {
            return first.Items;
        }

        var hits = new List<IndexHit>(first.Items);
        var page = first;
        while (page.Next is { } next)
        {
            page = await index.QueryAsync(query with { Limit = PageSize, After = next }, cancellationToken);
            hits.AddRange(page.Items);
        }

        return hits;
    }
}
