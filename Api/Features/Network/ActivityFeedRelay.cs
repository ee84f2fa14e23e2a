using Collaboration.Grains.Activity;

namespace Collaboration.Api.Features.Network;

/// <summary>
/// In client mode, brings the activity log's records into this process's <see cref="ActivityFeed"/>: one observer per
/// process, renewed well before its subscription lapses. A record missed while the subscription was being renewed
/// is read from the log by the live streams, which notice the gap in sequence numbers.
/// </summary>
public sealed partial class ActivityFeedRelay(IGrainFactory grains, ActivityFeed feed, TimeProvider clock, ILogger<ActivityFeedRelay> logger)
    : BackgroundService, IActivityObserver
{
    // Renewed on the clock Orleans runs on (not the domain's): the subscription lapses by Orleans's time.
    private static readonly TimeSpan Renewal = IActivityLogGrain.ObserverLifetime / 4;

    public Task OnActivityAsync(ActivityRecord record)
    {
        feed.Publish(record);
        return Task.CompletedTask;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var log = grains.GetGrain<IActivityLogGrain>(IActivityLogGrain.Key);
        var reference = grains.CreateObjectReference<IActivityObserver>(this);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await log.SubscribeAsync(reference);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogSubscribeFailed(e);
                }

                await Task.Delay(Renewal, clock, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
        finally
        {
            grains.DeleteObjectReference<IActivityObserver>(reference);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not subscribe to the activity log; live streams catch up from the log and the subscription is tried again")]
    private partial void LogSubscribeFailed(Exception exception);
}
