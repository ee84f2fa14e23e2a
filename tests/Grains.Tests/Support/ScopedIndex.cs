using System.Text.RegularExpressions;
using Collaboration.Grains.Indexing;

namespace Collaboration.Grains.Tests.Support;

/// <summary>
/// The cluster's indexes as one test sees them: only the documents whose id or payload names something of the test
/// (an id carrying its tag). Read models that answer for the whole network (the exchange catalogue, the network
/// monitor) run over it unchanged, so a test on the shared cluster counts, lists and pages its own documents only.
/// Pages keep the storage's rules: at most <see cref="IndexQuery.Limit"/> hits, and a next cursor only when more follow.
/// </summary>
public sealed class ScopedIndex(IGrainIndex index, string tag) : IGrainIndex
{
    private const int BatchSize = 500;

    // The tag as a whole word of an id: "kelme-t0007" or "ag-t0007-1", never "t00071".
    private readonly Regex _tag = new($"(?<![a-z0-9]){Regex.Escape(tag)}(?![a-z0-9])", RegexOptions.CultureInvariant);

    public async Task<IndexPage> QueryAsync(IndexQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var wanted = query.Limit == int.MaxValue ? int.MaxValue : query.Limit + 1;
        var hits = new List<IndexHit>();
        var batch = query with { Limit = BatchSize };
        while (hits.Count < wanted)
        {
            var page = await index.QueryAsync(batch, cancellationToken);
            hits.AddRange(page.Items.Where(Belongs).Take(wanted - hits.Count));
            if (page.Next is null)
            {
                break;
            }

            batch = batch with { After = page.Next };
        }

        if (hits.Count <= query.Limit)
        {
            return new IndexPage(hits, null);
        }

        hits.RemoveRange(query.Limit, hits.Count - query.Limit);
        return new IndexPage(hits, hits[^1].Cursor);
    }

    public async Task<long> CountAsync(IndexQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var page = await QueryAsync(query with { After = null, Limit = int.MaxValue }, cancellationToken);
        return page.Items.Count;
    }

    private bool Belongs(IndexHit hit) => _tag.IsMatch(hit.DocumentId) || (hit.Payload is { } payload && _tag.IsMatch(payload));
}
