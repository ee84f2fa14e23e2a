using Collaboration.Grains.Domain;
using Collaboration.Grains.Indexing;
using Collaboration.Grains.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Collaboration.Grains.Idempotency;

/// <summary>
/// Sweeps expired Idempotency-Key answers through their index, oldest first, so storage holds about one day of keyed
/// POSTs however long the service runs. A failed sweep (storage unavailable) is logged and tried again at the next tick.
/// </summary>
[GrainType("idempotency-janitor")]
public sealed partial class IdempotencyJanitorGrain(
    IGrainIndex index,
    [FromKeyedServices(DomainClock.Key)] TimeProvider clock,
    ILogger<IdempotencyJanitorGrain> logger) : Grain, IIdempotencyJanitorGrain, IRemindable
{
    public const string ReminderName = "sweep";

    /// <summary>How often the reminder wakes the janitor.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    private const int PageSize = 200;

    public async Task EnsureScheduledAsync()
    {
        if (await this.GetReminder(ReminderName) is null)
        {
            await this.RegisterOrUpdateReminder(ReminderName, Interval, Interval);
        }
    }

    public async Task<int> SweepAsync()
    {
        var deleted = 0;
        var cutoff = (clock.GetUtcNow() - IdempotencyRetention.Period).UtcTicks;
        var query = new IndexQuery(IndexNames.Idempotency) { Descending = false, Limit = PageSize };
        while (true)
        {
            var page = await index.QueryAsync(query);
            var expired = page.Items.TakeWhile(hit => hit.SortKey <= cutoff).ToList();
            foreach (var hit in expired)
            {
                if (await GrainFactory.GetGrain<IIdempotencyGrain>(hit.DocumentId).ForgetIfExpiredAsync(IdempotencyRetention.Period))
                {
                    deleted++;
                }
            }

            // Ordered oldest first: a page with a fresh record, or the last page, ends the sweep.
            if (expired.Count < page.Items.Count || page.Next is null)
            {
                return deleted;
            }

            query = query with { After = page.Next };
        }
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        try
        {
            var deleted = await SweepAsync();
            if (deleted > 0)
            {
                LogSwept(deleted);
            }
        }
        catch (Exception e) when (e is OrleansException or TimeoutException)
        {
            LogSweepFailed(e);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} expired Idempotency-Key answers")]
    private partial void LogSwept(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Expired Idempotency-Key answers could not be deleted now; trying again at the next sweep")]
    private partial void LogSweepFailed(Exception exception);
}
