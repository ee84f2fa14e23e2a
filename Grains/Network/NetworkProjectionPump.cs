using Collaboration.Grains.Activity;
using Collaboration.Grains.Errors;
using Collaboration.Grains.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Collaboration.Grains.Network;

/// <summary>
/// Keeps the network projection current as activity happens, so that the summary and the inactive-partner
/// list answer from folded state instead of folding on the request. Records that arrive while a fold runs are
/// coalesced into the next fold; a failed fold is retried with the next record (reads catch up anyway).
/// </summary>
public sealed partial class NetworkProjectionPump(ActivityFeed feed, IGrainFactory grains, ILogger<NetworkProjectionPump> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Let the host finish starting (the silo among it) before the first grain call.
        await Task.Yield();
        var projection = grains.GetGrain<INetworkProjectionGrain>(INetworkProjectionGrain.Key);
        while (!stoppingToken.IsCancellationRequested)
        {
            using var subscription = feed.Subscribe();
            await TryCatchUpAsync(projection);
            try
            {
                while (await subscription.Records.WaitToReadAsync(stoppingToken))
                {
                    while (subscription.Records.TryRead(out _))
                    {
                        // Coalesced: one fold reads everything the log has.
                    }

                    await TryCatchUpAsync(projection);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }

            // Here the feed cut us off (we fell behind): subscribe again, then fold from the log.
        }
    }

    private async Task TryCatchUpAsync(INetworkProjectionGrain projection)
    {
        try
        {
            await projection.CatchUpAsync();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogFoldFailed(e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The network projection could not catch up with the activity log; it retries with the next activity")]
    private partial void LogFoldFailed(Exception exception);
}
