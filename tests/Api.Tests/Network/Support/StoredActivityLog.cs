using Collaboration.Grains.Activity;
using Collaboration.Grains.Storage;

namespace Collaboration.Api.Tests.Network.Support;

/// <summary>The activity log grain's reads, straight from a store: the stream writer under test needs nothing else of it.</summary>
public sealed class StoredActivityLog(IAppendLog log) : IActivityLogGrain
{
    public Task<IReadOnlyList<ActivityRecord>> ReadAsync(long after, int limit) => log.ReadActivityAsync(after, limit);

    public Task<long> GetLastSequenceAsync() => log.GetLastActivitySequenceAsync();

    public Task<ActivityRecord> AppendAsync(ActivityEntry entry) => throw new NotSupportedException("The tests append to the store themselves.");

    public Task<RecordedWrite> AppendWithStateAsync(ActivityEntry entry, StateWrite state) => throw new NotSupportedException("The tests append to the store themselves.");

    public Task<long> SubscribeAsync(IActivityObserver observer) => throw new NotSupportedException();

    public Task UnsubscribeAsync(IActivityObserver observer) => throw new NotSupportedException();
}
