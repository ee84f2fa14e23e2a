using Collaboration.Grains.Errors;
using Collaboration.Grains.Storage;

namespace Collaboration.Grains.Access;

/// <summary>
/// One municipality API key, keyed by the key's hash (the key itself is never stored), so that authenticating a
/// request is one lookup by hash.
/// </summary>
public interface IApiKeyGrain : IGrainWithStringKey
{
    /// <summary>The municipality this key acts as, or null when the key is unknown or revoked.</summary>
    Task<string?> GetMunicipalityAsync();

    Task BindAsync(string municipalityId);

    Task RevokeAsync();
}
