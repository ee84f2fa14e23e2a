namespace Collaboration.Grains.Storage;

/// <summary>Tells whether the storage can be reached now (for readiness probes).</summary>
public interface IStorageHealth
{
    /// <summary>Completes normally when storage answers; throws <see cref="StorageUnavailableException"/> otherwise.</summary>
    Task CheckAsync(CancellationToken cancellationToken = default);
}
