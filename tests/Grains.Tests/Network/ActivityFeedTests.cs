using System.Diagnostics;
using Collaboration.Grains.Activity;
using Xunit.Abstractions;

namespace Collaboration.Grains.Tests.Network;

public sealed class ActivityFeedTests(ITestOutputHelper output)
{
    private static ActivityRecord Record(long seq) =>
        new(seq, DateTimeOffset.UnixEpoch.AddMinutes(seq), "project.created", "coordinator", $"project/p{seq}", $"record {seq}");

    [Fact]
    public void EverySubscriberReceivesEveryPublishedRecordInOrder()
    {
        var feed = new ActivityFeed();
        using var first = feed.Subscribe();
        using var second = feed.Subscribe();

        for (var seq = 1; seq <= 5; seq++)
        {
            feed.Publish(Record(seq));
        }

        Assert.Equal([1L, 2, 3, 4, 5], Drain(first).Select(r => r.Seq));
        Assert.Equal([1L, 2, 3, 4, 5], Drain(second).Select(r => r.Seq));
        Assert.Equal(5, feed.LastPublished);
    }

    [Fact]
    public void ASubscriberThatFallsBehindIsCutOffWhileThePublisherGoesOn()
    {
        var feed = new ActivityFeed();
        using var slow = feed.Subscribe(capacity: 2);
        using var keeping = feed.Subscribe();

        for (var seq = 1; seq <= 5; seq++)
        {
            feed.Publish(Record(seq));
        }

        Assert.True(slow.Overflowed);
        Assert.Equal([1L, 2], Drain(slow).Select(r => r.Seq));
        Assert.True(slow.Records.Completion.IsCompleted);
        Assert.False(keeping.Overflowed);
        Assert.Equal(5, Drain(keeping).Count);
        Assert.Equal(1, feed.SubscriberCount);
    }

    [Fact]
    public void ASubscriberThatLeftReceivesNothingMore()
    {
        var feed = new ActivityFeed();
        var subscription = feed.Subscribe();
        feed.Publish(Record(1));

        subscription.Dispose();
        feed.Publish(Record(2));

        Assert.Equal([1L], Drain(subscription).Select(r => r.Seq));
        Assert.Equal(0, feed.SubscriberCount);
        Assert.False(subscription.Overflowed);
    }

    /// <summary>Reports the cost of a publish to 100 listeners in the test output (no assertion on time).</summary>
    [Fact]
    public void PublishingToAHundredListenersThatNeverReadNeitherWaitsNorFails()
    {
        var feed = new ActivityFeed();
        var listeners = Enumerable.Range(0, 100).Select(_ => feed.Subscribe(capacity: 1000)).ToList();

        var watch = Stopwatch.StartNew();
        for (var seq = 1; seq <= 1200; seq++)
        {
            feed.Publish(Record(seq));
        }

        watch.Stop();
        Assert.All(listeners, l => Assert.True(l.Overflowed));
        Assert.All(listeners, l => Assert.Equal(1000, Drain(l).Count));
        Assert.Equal(0, feed.SubscriberCount);
        output.WriteLine($"1200 publishes to 100 listeners (cut off after 1000): {watch.Elapsed.TotalMicroseconds / 1200:F1} µs per publish");
    }

    private static List<ActivityRecord> Drain(ActivitySubscription subscription)
    {
        var records = new List<ActivityRecord>();
        while (subscription.Records.TryRead(out var record))
        {
            records.Add(record);
        }

        return records;
    }
}
