using Collaboration.Grains.Access;
using Collaboration.Grains.Errors;
using Collaboration.Grains.Idempotency;
using Collaboration.Grains.Storage;

namespace Collaboration.Grains.Municipalities;

/// <summary>A partner of the network (a municipality or another partner body), keyed by its slug.</summary>
public interface IMunicipalityGrain : IGrainWithStringKey
{
    /// <summary>
    /// Registers the partner with the hash of its first API key; 409 when the id is taken.
    /// <para>
    /// <paramref name="creationRequest"/> identifies the request (caller, route, Idempotency-Key and body). When the
    /// partner exists, was created by that same request, and less than <see cref="IdempotencyRetention.Period"/> ago,
    /// the request is a retry whose answer was lost (its stored answer would have been replayed otherwise), so nobody
    /// ever received the key it made: <paramref name="apiKeyHash"/> replaces that key and the partner is answered as created.
    /// </para>
    /// </summary>
    Task<MunicipalitySnapshot> CreateAsync(MunicipalityProfile profile, string apiKeyHash, Actor actor, string? creationRequest = null);

    Task<MunicipalitySnapshot?> GetAsync();

    /// <summary>The partner with its projects and agreements in one call; null when there is no such partner.</summary>
    [ReadOnly]
    Task<MunicipalityView?> GetViewAsync();

    /// <summary>Replaces the profile; only the partner itself or the coordinator, and only at <paramref name="expectedVersion"/> when given.</summary>
    Task<MunicipalitySnapshot> UpdateProfileAsync(MunicipalityProfile profile, string? expectedVersion, Actor actor);

    /// <summary>Makes <paramref name="newKeyHash"/> the partner's only valid key; the old key stops working at once. 409 while deactivated.</summary>
    Task RotateApiKeyAsync(string newKeyHash, Actor actor);

    /// <summary>
    /// The coordinator takes the partner out of the network: its key stops working and lists and counts leave it out,
    /// while its projects, exchanges and agreements keep naming it. Deactivating twice changes nothing.
    /// </summary>
    Task<MunicipalitySnapshot> DeactivateAsync(Actor actor);

    /// <summary>The coordinator brings a deactivated partner back, with the key it had. Reactivating an active partner changes nothing.</summary>
    Task<MunicipalitySnapshot> ReactivateAsync(Actor actor);
}
