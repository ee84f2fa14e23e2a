using Collaboration.Grains.Access;
using Collaboration.Silo;

namespace Collaboration.Grains.Municipalities;

/// <summary>A partner of the network (a municipality or another partner body), keyed by its slug.</summary>
public interface IMunicipalityGrain : IGrainWithStringKey
{
    /// <summary>Registers the partner with the hash of its first API key; 409 when the id is taken.</summary>
    Task<MunicipalitySnapshot> CreateAsync(MunicipalityProfile profile, string apiKeyHash, Actor actor);

    Task<MunicipalitySnapshot?> GetAsync();

    /// <summary>Replaces the profile; only the partner itself or the coordinator, and only at <paramref name="expectedVersion"/> when given.</summary>
    Task<MunicipalitySnapshot> UpdateProfileAsync(MunicipalityProfile profile, string? expectedVersion, Actor actor);

    /// <summary>Makes <paramref name="newKeyHash"/> the partner's only valid key; the old key stops working at once.</summary>
    Task RotateApiKeyAsync(string newKeyHash, Actor actor);
}
