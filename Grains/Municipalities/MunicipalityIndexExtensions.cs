using System.Runtime.CompilerServices;
using System.Text.Json;
using Collaboration.Grains.Indexing;
using Collaboration.Grains.Storage;

namespace Collaboration.Grains.Municipalities;

/// <summary>Reads partners from the partners index, so that a grain needing many partners' countries activates none of them.</summary>
public static class MunicipalityIndexExtensions
{
    private const int PageSize = 500;

    // Parsed pages, keyed by the page itself: the storage hands back the same page while no partner has changed
    // (its cached answers), and a new page object after any change. An entry lives only as long as its page.
    private static readonly ConditionalWeakTable<IndexPage, Dictionary<string, MunicipalitySummary>> Parsed = new();

    /// <summary>Every partner of the network by id, as the index holds it after the last acknowledged write.</summary>
    public static async Task<IReadOnlyDictionary<string, MunicipalitySummary>> PartnersByIdAsync(this IGrainIndex index, CancellationToken cancellationToken = default)
    {
        var query = new IndexQuery(IndexNames.Municipalities) { Descending = false, Limit = PageSize };
        var page = await index.QueryAsync(query, cancellationToken);
        if (page.Next is null)
        {
            return Parsed.GetValue(page, Parse);
        }

        // A network of more than one page of partners: merge the pages (each still parsed once).
        var all = new Dictionary<string, MunicipalitySummary>(Parse(page), StringComparer.Ordinal);
        while (page.Next is { } next)
        {
            page = await index.QueryAsync(query with { After = next }, cancellationToken);
            foreach (var (id, summary) in Parsed.GetValue(page, Parse))
            {
                all[id] = summary;
            }
        }

        return all;
    }

    private static Dictionary<string, MunicipalitySummary> Parse(IndexPage page)
    {
        var partners = new Dictionary<string, MunicipalitySummary>(page.Items.Count, StringComparer.Ordinal);
        foreach (var hit in page.Items)
        {
            partners[hit.DocumentId] = JsonSerializer.Deserialize<MunicipalitySummary>(hit.Payload!, GrainStateSerializer.Options)!;
        }

        return partners;
    }
}
