using System.Runtime.CompilerServices;
using System.Text.Json;
using Collaboration.Grains.Indexing;
using Collaboration.Grains.Storage;

namespace Collaboration.Grains.Municipalities;

/// <summary>Reads partners from the partners index, so that a grain needing many partners' countries activates none of them.</summary>
public static class MunicipalityIndexExtensions
{
    private const int PageSize = 1000;

    // Every partner, keyed by the first page of the partners index: a storage that caches answers hands back the
    // same page while no partner has changed, and a new page after any change (a change anywhere in the index drops
    // all of its cached answers). An entry lives only as long as its page; a storage without a cache reads afresh.
    private static readonly ConditionalWeakTable<IndexPage, Dictionary<string, MunicipalitySummary>> Directories = new();

    /// <summary>Every partner of the network by id, as the index holds it after the last acknowledged write.</summary>
    public static async Task<IReadOnlyDictionary<string, MunicipalitySummary>> PartnersByIdAsync(this IGrainIndex index, CancellationToken cancellationToken = default)
    {
        var query = new IndexQuery(IndexNames.Municipalities) { Descending = false, Limit = PageSize };
        var first = await index.QueryAsync(query, cancellationToken);
        if (Directories.TryGetValue(first, out var known))
        {
            return known;
        }

        var partners = new Dictionary<string, MunicipalitySummary>(first.Items.Count, StringComparer.Ordinal);
        var page = first;
        while (true)
        {
            foreach (var hit in page.Items)
            {
                partners[hit.DocumentId] = JsonSerializer.Deserialize<MunicipalitySummary>(hit.Payload!, GrainStateSerializer.Options)!;
            }

            if (page.Next is not { } next)
            {
                break;
            }

            page = await index.QueryAsync(query with { After = next }, cancellationToken);
        }

        Directories.AddOrUpdate(first, partners);
        return partners;
    }
}
