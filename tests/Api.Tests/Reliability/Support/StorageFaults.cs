using Collaboration.Grains.Errors;
using Collaboration.Grains.Indexing;
using Collaboration.Silo.Storage;

namespace Collaboration.Api.Tests.Reliability.Support;

/// <summary>
/// The real storage, with writes of one grain type made to fail on demand, as a crash or an outage at that very
/// write would: the write does not happen and the caller gets <see cref="StorageUnavailableException"/>.
/// </summary>
public sealed class StorageFaults(IGrainStateStore inner) : IGrainStateStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, int> _failures = [];

    /// <summary>The next <paramref name="count"/> writes of grains of <paramref name="grainType"/> fail.</summary>
    public void FailWritesOf(string grainType, int count = 1)
    {
        lock (_lock)
        {
            _failures[grainType] = count;
        }
    }

    public Task<GrainStateRecord?> ReadAsync(GrainStateId id, CancellationToken cancellationToken = default) =>
        inner.ReadAsync(id, cancellationToken);

    public Task<string> WriteAsync(
        GrainStateId id,
        ReadOnlyMemory<byte> data,
        string? expectedETag,
        IReadOnlyList<IndexEntry> indexEntries,
        CancellationToken cancellationToken = default) =>
        ShouldFail(id)
            ? Task.FromException<string>(new StorageUnavailableException($"Injected failure writing {id}.") { RetryAfter = TimeSpan.FromSeconds(1) })
            : inner.WriteAsync(id, data, expectedETag, indexEntries, cancellationToken);

    public Task ClearAsync(GrainStateId id, string? expectedETag, CancellationToken cancellationToken = default) =>
        inner.ClearAsync(id, expectedETag, cancellationToken);

    private bool ShouldFail(GrainStateId id)
    {
        lock (_lock)
        {
            if (_failures.TryGetValue(id.GrainType, out var left) && left > 0)
            {
                _failures[id.GrainType] = left - 1;
                return true;
            }

            return false;
        }
    }
}
