using Collaboration.Grains.Errors;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Collaboration.Grains.Activity;

/// <summary>
/// Keeps a follower of the activity log (a projection, the attention router) current as activity happens. Records
/// that arrive while the follower catches up are coalesced into the next catch-up; a failed one is retried with the
/// next record (the follower reads the log from its own position, so nothing is skipped).
/// </summary>
public abstract partial class ActivityPump(ActivityFeed feed, ILogger logger) : BackgroundService
{
    /// <summary>Brings the follower up to the end of the log.</summary>
    protected abstract Task CatchUpAsync();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Let the host finish starting (the silo among it) before the first grain call.
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            using var subscription = feed.Subscribe();
            await TryCatchUpAsync();
            try
            {
                while (await subscription.Records.WaitToReadAsync(stoppingToken))
                {
                    while (subscription.Records.TryRead(out _))
                    {
                        // Coalesced: one catch-up reads everything the log has.
                    }

                    await TryCatchUpAsync();
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }

            // Here the feed cut us off (we fell behind): subscribe again, then catch up from the log.
        }
    }

    private async Task TryCatchUpAsync()
    {
        try
        {
            await CatchUpAsync();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogCatchUpFailed(e, GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Pump}: the follower could not catch up with the activity log; it retries with the next activity")]
    private partial void LogCatchUpFailed(Exception exception, string pump);
}
