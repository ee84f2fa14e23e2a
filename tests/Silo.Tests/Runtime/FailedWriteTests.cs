using Collaboration.Silo.Indexing;
using Collaboration.Silo.Storage;
using Collaboration.Silo.Storage.Memory;
using Collaboration.Silo.Tests.Support;

namespace Collaboration.Silo.Tests.Runtime;

/// <summary>A grain changes its state, then writes it: when the write fails, the change must not outlive the call.</summary>
public sealed class FailedWriteTests
{
    [Fact]
    public async Task AChangeWhoseWriteFailedIsNotSeenByTheNextCall()
    {
        var storage = new SwitchableStorage();
        await using var silo = new TestSilo(storage);
        var counter = silo.Grains.GetGrain<ICounterGrain>("outage");
        Assert.Equal(1, await counter.IncrementAsync());

        storage.Failing = true;
        await Assert.ThrowsAsync<StorageUnavailableException>(counter.IncrementAsync);
        storage.Failing = false;

        Assert.Equal(1, await counter.GetAsync());
        Assert.Equal(2, await counter.IncrementAsync());
    }

    [Fact]
    public async Task AGrainWhoseWriteWasRefusedAsStaleReloadsTheStoredVersion()
    {
        var storage = new MemoryStorage();
        await using var first = new TestSilo(storage);
        await using var second = new TestSilo(storage);
        var inSecond = second.Grains.GetGrain<ICounterGrain>("stale");
        await inSecond.GetAsync();
        await first.Grains.GetGrain<ICounterGrain>("stale").IncrementAsync();

        await Assert.ThrowsAsync<InconsistentStateException>(inSecond.IncrementAsync);

        // Reloaded: it sees the other silo's write and its next write is not stale.
        Assert.Equal(1, await inSecond.GetAsync());
        Assert.Equal(2, await inSecond.IncrementAsync());
    }

    private sealed class SwitchableStorage : IGrainStorage
    {
        private readonly MemoryStorage _inner = new();

        public bool Failing { get; set; }

        public Task<GrainStateRecord?> ReadAsync(GrainStateId id, CancellationToken cancellationToken = default) =>
            _inner.ReadAsync(id, cancellationToken);

        public Task<string> WriteAsync(
            GrainStateId id,
            ReadOnlyMemory<byte> data,
            string? expectedETag,
            IReadOnlyList<IndexEntry> indexEntries,
            CancellationToken cancellationToken = default) =>
            Failing
                ? Task.FromException<string>(new StorageUnavailableException("Writes are switched off by the test."))
                : _inner.WriteAsync(id, data, expectedETag, indexEntries, cancellationToken);

        public Task ClearAsync(GrainStateId id, string? expectedETag, CancellationToken cancellationToken = default) =>
            _inner.ClearAsync(id, expectedETag, cancellationToken);
    }
}
