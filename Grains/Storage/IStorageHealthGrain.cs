namespace Collaboration.Grains.Storage;

/// <summary>Asks a silo whether its storage answers now (for readiness probes of the front ends).</summary>
public interface IStorageHealthGrain : IGrainWithStringKey
{
    const string Key = "storage";

    /// <summary>Completes when storage answers; throws <see cref="Errors.StorageUnavailableException"/> otherwise.</summary>
    Task CheckAsync();
}
