using System.Runtime.CompilerServices;
using System.Text.Json;
using Collaboration.Grains.Indexing;
using Collaboration.Grains.Storage;

namespace Collaboration.Grains.Municipalities;

/// <summary>Reads partners from the partners index, so that a grain needing many partners' countries activates none of them.</summary>
public static class MunicipalityIndexExtensions
{
    // Every partner, kept against the first page of the partners index (see GrainIndexExtensions.QueryDerivedAsync).
    private static readonly ConditionalWeakTable<IndexPage, IReadOnlyDictionary<string, MunicipalitySummary>> Directories = new();

    /// <summary>Every partner of the network by id, as the index holds it after the last acknowledged write; the same dictionary while no partner changed.</summary>
    public static Task<IReadOnlyDictionary<string, MunicipalitySummary>> PartnersByIdAsync(this IGrainIndex index, CancellationToken cancellationToken = default) =>
        index.QueryDerivedAsync(new IndexQuery(IndexNames.Municipalities) { Descending = false }, Directories, Parse, cancellationToken);

    /// <summary>A partner's name for people to read (activity summaries), or its id when the index does not know it.</summary>
    public static async Task<string> PartnerNameAsync(this IGrainIndex index, string id, CancellationToken cancellationToken = default) =>
        (await index.PartnerNamesAsync(cancellationToken))(id);

    /// <summary>Every partner's name for people to read, as <see cref="PartnerNameAsync"/> gives one: for code that names several.</summary>
    public static async Task<Func<string, string>> PartnerNamesAsync(this IGrainIndex index, CancellationToken cancellationToken = default) =>
        PartnerNames.In(await index.PartnersByIdAsync(cancellationToken));

    private static IReadOnlyDictionary<string, MunicipalitySummary> Parse(IReadOnlyList<IndexHit> hits)
    {
        var partners = new Dictionary<string, MunicipalitySummary>(hits.Count, StringComparer.Ordinal);
        foreach (var hit in hits)
        {
            partners[hit.DocumentId] = JsonSerializer.Deserialize<MunicipalitySummary>(hit.Payload!, GrainStateSerializer.Options)!;
        }

        return partners;
    }
}
