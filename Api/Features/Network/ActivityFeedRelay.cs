using System.Threading.Channels;
using Collaboration.Grains.Activity;

namespace Collaboration.Api.Features.Network;

/// <summary>
/// Brings every record of the cluster's activity log into this front's live feed (<see cref="LiveActivity"/>), in
/// order and without a gap, wherever the log's grain lives: a front in client mode, or a front whose co-hosted silo is
/// one of several. One observer per process is told of each record as it becomes durable; every
/// <see cref="PollInterval"/> the relay also subscribes again, which renews the subscription, re-registers it with a
/// log activated anew on another silo (after its silo died), and answers the log's last sequence number, so a record
/// the observer was not told of (a lost or late notification, a log that moved) is read from the log within one poll.
/// Notifications that arrive twice or out of order are put right by sequence number.
/// </summary>
public sealed partial class ActivityFeedRelay(
    IGrainFactory grains,
    [FromKeyedServices(LiveActivity.Key)] ActivityFeed feed,
    TimeProvider clock,
    ILogger<ActivityFeedRelay> logger)
    : BackgroundService, IActivityObserver
{
    /// <summary>How often the relay polls the log: the longest a record waits when its notification went astray.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    private const int PageSize = 1000;

    // Notifications wait here for the relay's one loop; past the bound they are dropped and read from the log instead.
    private readonly Channel<ActivityRecord> _notified = Channel.CreateBounded<ActivityRecord>(new BoundedChannelOptions(4096)
    {
        SingleReader = true,
        SingleWriter = false,
        FullMode = BoundedChannelFullMode.DropWrite,
    });

    // The last sequence number handed to the feed; -1 until the first poll tells where the log is.
    private long _relayed = -1;

    // An outage fails every poll: it is logged once, when it begins.
    private bool _failing;

    public Task OnActivityAsync(ActivityRecord record)
    {
        _notified.Writer.TryWrite(record);
        return Task.CompletedTask;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Let the host finish starting (the silo among it, when co-hosted) before the first grain call.
        await Task.Yield();
        var log = grains.GetGrain<IActivityLogGrain>(IActivityLogGrain.Key);
        var reference = grains.CreateObjectReference<IActivityObserver>(this);
        Task<bool>? notified = null;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await PollAsync(log, reference);
                var poll = Task.Delay(PollInterval, clock, stoppingToken);
                while (true)
                {
                    notified ??= _notified.Reader.WaitToReadAsync(stoppingToken).AsTask();
                    if (await Task.WhenAny(notified, poll) == poll)
                    {
                        await poll;
                        break;
                    }

                    await notified;
                    notified = null;
                    while (_notified.Reader.TryRead(out var record))
                    {
                        await RelayAsync(log, record);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
        finally
        {
            await LeaveAsync(log, reference);
        }
    }

    /// <summary>Subscribes (again) and relays whatever the log holds beyond what this front has.</summary>
    internal async Task PollAsync(IActivityLogGrain log, IActivityObserver reference)
    {
        try
        {
            var last = await log.SubscribeAsync(reference);
            if (_relayed < 0)
            {
                // The live feed starts here: a stream reads what came before from the log itself.
                _relayed = last;
                return;
            }

            await RelayUpToAsync(log, last);
            _failing = false;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Failed(e);
        }
    }

    /// <summary>Hands a notified record to the feed in its place: a repeat is dropped, a gap before it is read from the log first.</summary>
    internal async Task RelayAsync(IActivityLogGrain log, ActivityRecord record)
    {
        if (_relayed < 0 || record.Seq <= _relayed)
        {
            // Before the first poll (which starts the feed after this record) or already relayed.
            return;
        }

        if (record.Seq > _relayed + 1)
        {
            try
            {
                await RelayUpToAsync(log, record.Seq - 1);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The streams fill a gap they see from the log themselves; the feed only has to stay in order.
                Failed(e);
            }
        }

        if (record.Seq > _relayed)
        {
            Publish(record);
        }
    }

    private async Task RelayUpToAsync(IActivityLogGrain log, long last)
    {
        while (_relayed < last)
        {
            var records = await log.ReadAsync(_relayed, (int)Math.Min(PageSize, last - _relayed));
            foreach (var record in records.Where(r => r.Seq > _relayed))
            {
                Publish(record);
            }

            if (records.Count == 0)
            {
                return;
            }
        }
    }

    private void Failed(Exception e)
    {
        if (!_failing)
        {
            _failing = true;
            LogPollFailed(e);
        }
    }

    private void Publish(ActivityRecord record)
    {
        feed.Publish(record);
        _relayed = record.Seq;
    }

    private async Task LeaveAsync(IActivityLogGrain log, IActivityObserver reference)
    {
        try
        {
            // A courtesy: an observer that is gone lapses by itself after IActivityLogGrain.ObserverLifetime.
            await log.UnsubscribeAsync(reference).WaitAsync(TimeSpan.FromSeconds(2), clock);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogUnsubscribeFailed(e);
        }
        finally
        {
            grains.DeleteObjectReference<IActivityObserver>(reference);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not reach the activity log; live streams catch up from the log and the relay tries again at its next poll")]
    private partial void LogPollFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Could not unsubscribe from the activity log on the way out; the subscription lapses by itself")]
    private partial void LogUnsubscribeFailed(Exception exception);
}
