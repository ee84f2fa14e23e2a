using System.Text.Json;
using Collaboration.Silo;
using Collaboration.Silo.Storage;

namespace Collaboration.Grains.Activity;

/// <summary>
/// Numbers activity one entry at a time (the grain is non-reentrant), so the log is gapless: a sequence number
/// is taken only once its record is durable.
/// </summary>
[GrainType("activity-log")]
public sealed class ActivityLogGrain(IAppendLog log) : Grain, IActivityLogGrain
{
    internal const string LogName = "activity";
    private const int MaxReadLimit = 1000;
    private long _last;

    public override async Task OnActivateAsync(CancellationToken cancellationToken) =>
        _last = await log.GetLastSequenceAsync(LogName, cancellationToken);

    public async Task<ActivityRecord> AppendAsync(ActivityEntry entry)
    {
        var record = new ActivityRecord(_last + 1, TimeProvider.GetUtcNow(), entry.Type, entry.Actor, entry.Subject, entry.Summary);
        await log.AppendAsync(LogName, record.Seq, record.At, JsonSerializer.Serialize(record, GrainStateSerializer.Options));
        _last = record.Seq;
        return record;
    }

    public async Task<IReadOnlyList<ActivityRecord>> ReadAsync(long after, int limit)
    {
        var records = await log.ReadAsync(LogName, Math.Max(0, after), Math.Clamp(limit, 1, MaxReadLimit));
        return records.Select(r => JsonSerializer.Deserialize<ActivityRecord>(r.Payload, GrainStateSerializer.Options)!).ToList();
    }

    public Task<long> GetLastSequenceAsync() => Task.FromResult(_last);
}
