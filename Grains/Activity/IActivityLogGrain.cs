
using Collaboration.Grains.Storage;

namespace Collaboration.Grains.Activity;

/// <summary>
/// The network's activity log: one grain (key <see cref="Key"/>) so that sequence numbers are assigned one at a
/// time, gapless; records live in the storage's append log, not in the grain's state.
/// </summary>
public interface IActivityLogGrain : IGrainWithStringKey
{
    const string Key = "network";

    /// <summary>Appends durably and returns the record with its sequence number.</summary>
    /// <remarks>Interleaved: entries that arrive while a batch is being written go together into the next one.</remarks>
    [AlwaysInterleave]
    Task<ActivityRecord> AppendAsync(ActivityEntry entry);

    /// <summary>
    /// Commits <paramref name="state"/> and the record of <paramref name="entry"/> together (one durable commit where
    /// the storage can) and returns both; a stale ETag is refused with <see cref="Orleans.Storage.InconsistentStateException"/>
    /// and logs nothing. The grain storage calls it for a grain that writes its state with
    /// <see cref="ActivityWithStateWrite.WriteStateAndRecordAsync{TState}"/>.
    /// </summary>
    /// <remarks>Interleaved, batched with <see cref="AppendAsync"/>.</remarks>
    [AlwaysInterleave]
    Task<RecordedWrite> AppendWithStateAsync(ActivityEntry entry, StateWrite state);

    /// <summary>Records after <paramref name="after"/>, oldest first.</summary>
    /// <remarks>Interleaved: a reader never queues behind a batch being written.</remarks>
    [AlwaysInterleave]
    Task<IReadOnlyList<ActivityRecord>> ReadAsync(long after, int limit);

    [AlwaysInterleave]
    Task<long> GetLastSequenceAsync();

    /// <summary>
    /// Tells <paramref name="observer"/> of every record appended from now on, for <see cref="ObserverLifetime"/>, and
    /// answers the sequence number of the last record appended so far. A front that calls this every moment renews its
    /// subscription, subscribes again to a log activated anew (on another silo, after its silo died), and learns of any
    /// record it was not told of, to read from the log (sequence numbers are gapless).
    /// </summary>
    [AlwaysInterleave]
    Task<long> SubscribeAsync(IActivityObserver observer);

    [AlwaysInterleave]
    Task UnsubscribeAsync(IActivityObserver observer);

    /// <summary>How long a subscription lasts without being renewed.</summary>
    static TimeSpan ObserverLifetime => TimeSpan.FromMinutes(2);
}
