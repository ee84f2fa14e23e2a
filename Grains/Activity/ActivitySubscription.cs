using System.Threading.Channels;

namespace Collaboration.Grains.Activity;

/// <summary>
/// One listener of the <see cref="ActivityFeed"/>: records arrive in sequence order in <see cref="Records"/>.
/// When the listener fell too far behind, the channel completes and <see cref="Overflowed"/> is true: read the
/// missed records from the log and subscribe again. Dispose to leave.
/// </summary>
public sealed class ActivitySubscription : IDisposable
{
    private readonly ActivityFeed _feed;
    private readonly Channel<ActivityRecord> _channel;
    private volatile bool _overflowed;

    internal ActivitySubscription(ActivityFeed feed, int capacity)
    {
        _feed = feed;
        _channel = Channel.CreateBounded<ActivityRecord>(new BoundedChannelOptions(capacity)
        {
            SingleReader = true,
            SingleWriter = false,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    public ChannelReader<ActivityRecord> Records => _channel.Reader;

    /// <summary>True once the feed cut this listener off for falling behind; records after the buffered ones were not delivered.</summary>
    public bool Overflowed => _overflowed;

    public void Dispose()
    {
        _feed.Remove(this);
        _channel.Writer.TryComplete();
    }

    internal bool TryDeliver(ActivityRecord record) => _channel.Writer.TryWrite(record);

    internal void Overflow()
    {
        _overflowed = true;
        _channel.Writer.TryComplete();
    }
}
