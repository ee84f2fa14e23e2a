using Collaboration.Grains.Activity;
using Collaboration.Grains.Storage;

namespace Collaboration.Api.Tests.Network.Support;

/// <summary>
/// The activity log grain's reads, straight from a store: the stream writer and the relay under test need nothing else
/// of it. A subscription is counted and answers the log's last sequence number.
/// </summary>
public sealed class StoredActivityLog(IAppendLog log) : IActivityLogGrain
{
    private int _subscriptions;

    public int Subscriptions => Volatile.Read(ref _subscriptions);

    public Task<IReadOnlyList<ActivityRecord>> ReadAsync(long after, int limit) => log.ReadActivityAsync(after, limit);

    public Task<long> GetLastSequenceAsync() => log.GetLastActivitySequenceAsync();

    public Task<ActivityRecord> AppendAsync(ActivityEntry entry) => throw new NotSupportedException("The tests append to the store themselves.");

    public Task<RecordedWrite> AppendWithStateAsync(ActivityEntry entry, StateWrite state) => throw new NotSupportedException("The tests append to the store themselves.");

    public Task<long> SubscribeAsync(IActivityObserver observer)
    {
        Interlocked.Increment(ref _subscriptions);
        return log.GetLastActivitySequenceAsync();
    }

    public Task UnsubscribeAsync(IActivityObserver observer) => throw new NotSupportedException();
}
