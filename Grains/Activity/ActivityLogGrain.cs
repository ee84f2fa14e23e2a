using Collaboration.Silo;
using Collaboration.Silo.Storage;

namespace Collaboration.Grains.Activity;

/// <summary>
/// Numbers activity one entry at a time (the grain is non-reentrant), so the log is gapless: a sequence number
/// is taken only once its record is durable. Each durable record is then handed to the live feed, in order.
/// </summary>
[GrainType("activity-log")]
public sealed class ActivityLogGrain(IAppendLog log, ActivityFeed? feed = null) : Grain, IActivityLogGrain
{
    private long _last;
    private bool _lastUnknown;

    public override async Task OnActivateAsync(CancellationToken cancellationToken) =>
        _last = await log.GetLastActivitySequenceAsync(cancellationToken);

    public async Task<ActivityRecord> AppendAsync(ActivityEntry entry)
    {
        if (_lastUnknown)
        {
            // A failed append may still have committed (a timeout hides the commit): ask the log, never reuse a number.
            _last = await log.GetLastActivitySequenceAsync();
            _lastUnknown = false;
        }

        var record = new ActivityRecord(_last + 1, TimeProvider.GetUtcNow(), entry.Type, entry.Actor, entry.Subject, entry.Summary);
        try
        {
            await log.AppendAsync(ActivityLogReader.LogName, record.Seq, record.At, ActivityLogReader.Serialize(record));
        }
        catch
        {
            _lastUnknown = true;
            throw;
        }

        _last = record.Seq;

        // Only after the append is durable: a live listener never sees a record the log could lose.
        feed?.Publish(record);
        return record;
    }

    public Task<IReadOnlyList<ActivityRecord>> ReadAsync(long after, int limit) => log.ReadActivityAsync(after, limit);

    public Task<long> GetLastSequenceAsync() => Task.FromResult(_last);
}
