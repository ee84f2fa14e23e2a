using Collaboration.Grains.Domain;
using Collaboration.Grains.Idempotency;
using Collaboration.Grains.Indexing;
using Collaboration.Grains.Queries;
using Collaboration.Grains.Storage;

namespace Collaboration.Api.Http;

/// <summary>
/// Deletes stored Idempotency-Key answers once they are past <see cref="IdempotencyRetention.Period"/>, oldest first,
/// every <see cref="Interval"/>: storage then holds about one day of keyed POSTs, however long the service runs.
/// A failed sweep (storage unavailable, or no silo answering in time) is logged and tried again at the next tick.
/// </summary>
public sealed partial class IdempotencyJanitor(IndexClient index, IGrainFactory grains, [FromKeyedServices(DomainClock.Key)] TimeProvider clock, ILogger<IdempotencyJanitor> logger)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);
    private const int PageSize = 200;

    /// <summary>Deletes every expired record; returns how many it deleted.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken = default)
    {
        var deleted = 0;
        var cutoff = (clock.GetUtcNow() - IdempotencyRetention.Period).UtcTicks;
        var query = new IndexQuery(IndexNames.Idempotency) { Descending = false, Limit = PageSize };
        while (!cancellationToken.IsCancellationRequested)
        {
            var page = await index.QueryAsync(query, cancellationToken);
            var expired = page.Items.TakeWhile(hit => hit.SortKey <= cutoff).ToList();
            foreach (var hit in expired)
            {
                if (await grains.GetGrain<IIdempotencyGrain>(hit.DocumentId).ForgetIfExpiredAsync(IdempotencyRetention.Period))
                {
                    deleted++;
                }
            }

            // Ordered oldest first: a page with a fresh record, or the last page, ends the sweep.
            if (expired.Count < page.Items.Count || page.Next is null)
            {
                break;
            }

            query = query with { After = page.Next };
        }

        return deleted;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    var deleted = await SweepAsync(stoppingToken);
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
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} expired Idempotency-Key answers")]
    private partial void LogSwept(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Expired Idempotency-Key answers could not be deleted now; trying again at the next sweep")]
    private partial void LogSweepFailed(Exception exception);
}
