using System.Text.Json;
using Collaboration.Silo.Indexing;

namespace Collaboration.Grains.Exchanges;

/// <summary>
/// What exchanges need to know about partners, read from the indexes that the municipality and project grains
/// publish (no grain is called, so no call can loop back): index "projects" with term partner=&lt;municipality&gt;
/// (document id = project id), and index "municipalities" (document id = municipality id, payload with its country).
/// </summary>
internal sealed class PartnerDirectory(IGrainIndex index)
{
    internal const string ProjectsIndex = "projects";
    internal const string MunicipalitiesIndex = "municipalities";
    private const int PageSize = 100;

    /// <summary>The municipality's country code, or null when there is no such municipality.</summary>
    public async Task<string?> FindCountryAsync(string municipalityId, CancellationToken cancellationToken = default)
    {
        // The index offers no lookup by document id, so this walks the partners (a network has hundreds at most).
        await foreach (var hit in WalkAsync(new IndexQuery(MunicipalitiesIndex), cancellationToken))
        {
            if (hit.DocumentId == municipalityId)
            {
                return CountryOf(hit.Payload);
            }
        }

        return null;
    }

    /// <summary>True when the municipality is a partner of the project.</summary>
    public async Task<bool> IsPartnerAsync(string municipalityId, string projectId, CancellationToken cancellationToken = default)
    {
        var query = new IndexQuery(ProjectsIndex) { Terms = [new IndexTerm("partner", municipalityId)] };
        await foreach (var hit in WalkAsync(query, cancellationToken))
        {
            if (hit.DocumentId == projectId)
            {
                return true;
            }
        }

        return false;
    }

    private async IAsyncEnumerable<IndexHit> WalkAsync(
        IndexQuery query,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        query = query with { Descending = false, Limit = PageSize, After = null };
        while (true)
        {
            var page = await index.QueryAsync(query, cancellationToken);
            foreach (var hit in page.Items)
            {
                yield return hit;
            }

            if (page.Next is null)
            {
                yield break;
            }

            query = query with { After = page.Next };
        }
    }

    private static string? CountryOf(string? payload)
    {
        if (payload is null)
        {
            return null;
        }

        using var document = JsonDocument.Parse(payload);
        return document.RootElement.ValueKind == JsonValueKind.Object
               && document.RootElement.TryGetProperty("country", out var country)
               && country.ValueKind == JsonValueKind.String
            ? ExchangeIndex.NormalizeCountry(country.GetString()!)
            : null;
    }
}
