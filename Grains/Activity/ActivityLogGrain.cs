using Collaboration.Grains.Domain;
using Collaboration.Grains.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Utilities;

namespace Collaboration.Grains.Activity;

/// <summary>
/// Numbers activity gaplessly and in order. Entries that arrive while a batch is being written wait together and
/// go into the next batch, one storage append each (one commit for many writers instead of one each). A number
/// is handed out only with its durable record; each durable record is then given to the live feed, in order.
/// </summary>
/// <remarks>
/// <see cref="IActivityLogGrain.AppendAsync"/> interleaves, but every turn of this grain runs on the activation's
/// one scheduler: the fields below are never touched by two threads at once, so they need no lock.
/// </remarks>
[GrainType("activity-log")]
public sealed class ActivityLogGrain(IAppendLog log, ActivityFeed feed, [FromKeyedServices(DomainClock.Key)] TimeProvider clock, ILogger<ActivityLogGrain> logger)
    : Grain, IActivityLogGrain
{
    private readonly ObserverManager<IActivityObserver> _observers = new(IActivityLogGrain.ObserverLifetime, logger);
    private List<Waiting> _waiting = [];
    private Task _flushing = Task.CompletedTask;
    private long _last;
    private bool _lastUnknown;

    public override async Task OnActivateAsync(CancellationToken cancellationToken) =>
        _last = await log.GetLastActivitySequenceAsync(cancellationToken);

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => _flushing;

    public async Task<ActivityRecord> AppendAsync(ActivityEntry entry) => (await EnqueueAsync(entry, state: null)).Record;

    public Task<RecordedWrite> AppendWithStateAsync(ActivityEntry entry, StateWrite state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return EnqueueAsync(entry, state);
    }

    public Task<IReadOnlyList<ActivityRecord>> ReadAsync(long after, int limit) => log.ReadActivityAsync(after, limit);

    public Task<long> GetLastSequenceAsync() => Task.FromResult(_last);

    public Task<long> SubscribeAsync(IActivityObserver observer)
    {
        _observers.Subscribe(observer, observer);
        return Task.FromResult(_last);
    }

    public Task UnsubscribeAsync(IActivityObserver observer)
    {
        _observers.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    private Task<RecordedWrite> EnqueueAsync(ActivityEntry entry, StateWrite? state)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var waiting = new Waiting(entry, state, new TaskCompletionSource<RecordedWrite>(TaskCreationOptions.RunContinuationsAsynchronously));
        _waiting.Add(waiting);
        if (_flushing.IsCompleted)
        {
            // Started on this activation's scheduler, so its continuations stay there too.
            _flushing = FlushAsync();
        }

        return waiting.Done.Task;
    }

    /// <summary>One flush at a time, so numbers are handed out and published in order.</summary>
    private async Task FlushAsync()
    {
        while (_waiting.Count > 0)
        {
            var batch = _waiting;
            _waiting = [];
            await AppendBatchAsync(batch);
        }
    }

    private async Task AppendBatchAsync(List<Waiting> batch)
    {
        var records = new List<ActivityRecord>(batch.Count);
        try
        {
            if (_lastUnknown)
            {
                // A failed append may still have committed, or a prefix of it (a timeout hides the commit): ask the log,
                // never reuse a number.
                _last = await log.GetLastActivitySequenceAsync();
                _lastUnknown = false;
            }

            var at = clock.GetUtcNow();
            var appends = new LogAppend[batch.Count];
            for (var i = 0; i < appends.Length; i++)
            {
                var entry = batch[i].Entry;
                appends[i] = new LogAppend(
                    at, seq => ActivityLogReader.Serialize(new ActivityRecord(seq, at, entry.Type, entry.Actor, entry.Subject, entry.Summary, entry.Partner)), batch[i].State);
            }

            // The states and their records commit together: a change is never durable without its record, nor a record without its change.
            var outcomes = await log.AppendWithStatesAsync(ActivityLogReader.LogName, _last + 1, appends);
            for (var i = 0; i < batch.Count; i++)
            {
                if (outcomes[i].Refusal is { } refusal)
                {
                    batch[i].Done.TrySetException(refusal);
                    continue;
                }

                var entry = batch[i].Entry;
                var record = new ActivityRecord(outcomes[i].Sequence, at, entry.Type, entry.Actor, entry.Subject, entry.Summary, entry.Partner);
                records.Add(record);
                _last = record.Seq;
                // Only after the commit: a live listener never sees a record the log could lose.
                feed.Publish(record);
                batch[i].Done.TrySetResult(new RecordedWrite(record, outcomes[i].ETag));
            }
        }
        catch (Exception e)
        {
            _lastUnknown = true;
            foreach (var waiting in batch)
            {
                waiting.Done.TrySetException(e);
            }

            return;
        }

        if (_observers.Count > 0)
        {
            foreach (var record in records)
            {
                // One-way calls: a slow or gone front end never holds up the log.
                await _observers.Notify(observer => observer.OnActivityAsync(record));
            }
        }
    }

    private sealed record Waiting(ActivityEntry Entry, StateWrite? State, TaskCompletionSource<RecordedWrite> Done);
}
