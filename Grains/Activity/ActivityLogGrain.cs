using Collaboration.Silo;
using Collaboration.Silo.Storage;

namespace Collaboration.Grains.Activity;

/// <summary>
/// Numbers activity gaplessly and in order. Entries that arrive while a batch is being written wait together and
/// go into the next batch, one storage append each (one commit for many writers instead of one each). A number
/// is handed out only with its durable record; each durable record is then given to the live feed, in order.
/// </summary>
[GrainType("activity-log")]
public sealed class ActivityLogGrain(IAppendLog log, ActivityFeed? feed = null) : Grain, IActivityLogGrain
{
    // AppendAsync interleaves with the grain's turns, so what it shares with the flush is guarded here.
    private readonly Lock _lock = new();
    private List<Waiting> _waiting = [];
    private Task _flushing = Task.CompletedTask;
    private bool _flushRunning;
    private long _last;
    private bool _lastUnknown;

    public override async Task OnActivateAsync(CancellationToken cancellationToken) =>
        _last = await log.GetLastActivitySequenceAsync(cancellationToken);

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        Task flushing;
        lock (_lock)
        {
            flushing = _flushing;
        }

        await flushing;
    }

    public Task<ActivityRecord> AppendAsync(ActivityEntry entry)
    {
        var waiting = new Waiting(entry, new TaskCompletionSource<ActivityRecord>(TaskCreationOptions.RunContinuationsAsynchronously));
        lock (_lock)
        {
            _waiting.Add(waiting);
            if (!_flushRunning)
            {
                _flushRunning = true;
                _flushing = Task.Run(FlushAsync);
            }
        }

        return waiting.Done.Task;
    }

    public Task<IReadOnlyList<ActivityRecord>> ReadAsync(long after, int limit) => log.ReadActivityAsync(after, limit);

    public Task<long> GetLastSequenceAsync() => Task.FromResult(Interlocked.Read(ref _last));

    /// <summary>One flush at a time, so numbers are handed out and published in order.</summary>
    private async Task FlushAsync()
    {
        while (true)
        {
            List<Waiting> batch;
            lock (_lock)
            {
                if (_waiting.Count == 0)
                {
                    _flushRunning = false;
                    return;
                }

                (batch, _waiting) = (_waiting, []);
            }

            await AppendBatchAsync(batch);
        }
    }

    private async Task AppendBatchAsync(List<Waiting> batch)
    {
        ActivityRecord[] records;
        try
        {
            if (_lastUnknown)
            {
                // A failed append may still have committed, or a prefix of it (a timeout hides the commit): ask the log,
                // never reuse a number.
                Interlocked.Exchange(ref _last, await log.GetLastActivitySequenceAsync());
                _lastUnknown = false;
            }

            var at = TimeProvider.GetUtcNow();
            var first = _last + 1;
            records = batch
                .Select((w, i) => new ActivityRecord(first + i, at, w.Entry.Type, w.Entry.Actor, w.Entry.Subject, w.Entry.Summary))
                .ToArray();
            await log.AppendAsync(ActivityLogReader.LogName, records.Select(r => new LogRecord(r.Seq, r.At, ActivityLogReader.Serialize(r))).ToList());
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

        Interlocked.Exchange(ref _last, records[^1].Seq);
        for (var i = 0; i < records.Length; i++)
        {
            // Only after the append is durable: a live listener never sees a record the log could lose.
            feed?.Publish(records[i]);
            batch[i].Done.TrySetResult(records[i]);
        }
    }

    private sealed record Waiting(ActivityEntry Entry, TaskCompletionSource<ActivityRecord> Done);
}
