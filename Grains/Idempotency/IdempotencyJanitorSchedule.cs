using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Collaboration.Grains.Idempotency;

/// <summary>
/// Makes sure, on every silo's start, that the cluster's one janitor reminder exists (<see cref="IIdempotencyJanitorGrain"/>):
/// asking again from each silo is harmless, as the reminder table holds one reminder per grain and name. Tried again,
/// with a growing pause, until storage answers.
/// </summary>
public sealed partial class IdempotencyJanitorSchedule(IGrainFactory grains, TimeProvider clock, ILogger<IdempotencyJanitorSchedule> logger)
    : BackgroundService
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Let the host finish starting (the silo among it) before the first grain call.
        await Task.Yield();
        var retry = FirstRetry;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await grains.GetGrain<IIdempotencyJanitorGrain>(IIdempotencyJanitorGrain.Key).EnsureScheduledAsync();
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogScheduleFailed(e, retry);
            }

            try
            {
                await Task.Delay(retry, clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }

            retry = retry * 2 < LongestRetry ? retry * 2 : LongestRetry;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not make sure the Idempotency-Key janitor's reminder exists; trying again in {Retry}")]
    private partial void LogScheduleFailed(Exception exception, TimeSpan retry);
}
