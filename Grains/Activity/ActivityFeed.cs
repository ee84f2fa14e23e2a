namespace Collaboration.Grains.Activity;

/// <summary>
/// Hands every activity record, once it is durable, to the live listeners of this process (SSE streams, the
/// network projection). Publishing never waits: each listener has a bounded buffer of its own, and a listener
/// whose buffer is full is cut off (it catches up from the log), so a slow listener never slows a writer.
/// </summary>
public sealed class ActivityFeed
{
    /// <summary>Records a listener may fall behind by before it is cut off.</summary>
    public const int DefaultCapacity = 1024;

    private readonly Lock _lock = new();
    private ActivitySubscription[] _subscriptions = [];
    private long _lastPublished;

    /// <summary>How many listeners are attached now.</summary>
    public int SubscriberCount => Volatile.Read(ref _subscriptions).Length;

    /// <summary>The sequence number of the last record published in this process (0 before the first).</summary>
    public long LastPublished => Interlocked.Read(ref _lastPublished);

    /// <summary>Starts receiving records published from now on.</summary>
    public ActivitySubscription Subscribe(int capacity = DefaultCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        var subscription = new ActivitySubscription(this, capacity);
        lock (_lock)
        {
            _subscriptions = [.. _subscriptions, subscription];
        }

        return subscription;
    }

    /// <summary>Called by the activity log after the record is durable; costs one non-blocking write per listener.</summary>
    public void Publish(ActivityRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        InterlockedMax(ref _lastPublished, record.Seq);

        // A snapshot of the array: subscribing or leaving while we publish neither blocks nor breaks this loop.
        foreach (var subscription in Volatile.Read(ref _subscriptions))
        {
            if (!subscription.TryDeliver(record))
            {
                subscription.Overflow();
                Remove(subscription);
            }
        }
    }

    internal void Remove(ActivitySubscription subscription)
    {
        lock (_lock)
        {
            var index = Array.IndexOf(_subscriptions, subscription);
            if (index >= 0)
            {
                _subscriptions = [.. _subscriptions[..index], .. _subscriptions[(index + 1)..]];
            }
        }
    }

    private static void InterlockedMax(ref long target, long value)
    {
        var current = Interlocked.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}
