using Collaboration.Grains.Errors;
using Collaboration.Grains.Storage;

namespace Collaboration.Grains.Access;

/// <summary>The hash of the generated coordinator key (key <see cref="Key"/>), for deployments that configure none.</summary>
public interface ICoordinatorCredentialGrain : IGrainWithStringKey
{
    const string Key = "network";

    Task<string?> GetKeyHashAsync();

    /// <summary>Stores the hash unless one is stored already; returns the hash in force.</summary>
    Task<string> InitializeAsync(string keyHash);
}
