using System.Text.Json;
using Collaboration.Grains.Errors;
using Collaboration.Grains.Indexing;
using Collaboration.Grains.Storage;

namespace Collaboration.Grains.Municipalities;

public sealed class MunicipalityState : IIndexedState
{
    public MunicipalityProfile? Profile { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The hash of the partner's current API key; the key itself is never stored.</summary>
    public string? ApiKeyHash { get; set; }

    /// <summary>
    /// The token of the request that created the partner (see <see cref="IMunicipalityGrain.CreateAsync"/>), so that
    /// a retry of that request after a crash is recognised; null when it came without an Idempotency-Key.
    /// </summary>
    public string? CreationRequest { get; set; }

    /// <summary>When the coordinator deactivated the partner; null while it is active. Its key works only while active.</summary>
    public DateTimeOffset? DeactivatedAt { get; set; }

    public IReadOnlyList<IndexEntry> GetIndexEntries(string key)
    {
        if (Profile is null)
        {
            return [];
        }

        var summary = new MunicipalitySummary(key, Profile, CreatedAt, UpdatedAt, DeactivatedAt);
        return
        [
            new IndexEntry(IndexNames.Municipalities, key)
            {
                Terms = [new IndexTerm("country", Profile.Country), new IndexTerm("kind", JsonNamingPolicy.CamelCase.ConvertName(Profile.Kind.ToString()))],
                Text = Profile.Name,
                Payload = JsonSerializer.Serialize(summary, GrainStateSerializer.Options),
            },
        ];
    }
}
