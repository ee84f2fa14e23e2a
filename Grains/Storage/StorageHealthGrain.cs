namespace Collaboration.Grains.Storage;

[GrainType("storage-health")]
[StatelessWorker]
public sealed class StorageHealthGrain(IStorageHealth health) : Grain, IStorageHealthGrain
{
    public Task CheckAsync() => health.CheckAsync();
}
