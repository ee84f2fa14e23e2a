using System.Text.Json;
using Collaboration.Api.Features.Network;
using Collaboration.Api.Tests.Network.Support;
using Collaboration.Grains.Activity;
using Collaboration.Grains.Storage;
using Collaboration.Silo.Storage.Memory;
using Collaboration.Tests.Time;
using Microsoft.Extensions.Logging.Abstractions;

namespace Collaboration.Api.Tests.Network;

/// <summary>
/// The relay that fills a front's live feed from the cluster's activity log: whatever order and number of times
/// records are notified in, and whichever are never notified, the feed gets each record once, in order, from where the
/// log stood when the relay first polled.
/// </summary>
public sealed class ActivityFeedRelayTests
{
    private readonly MemoryStorage _store = new();
    private readonly ActivityFeed _feed = new();
    private readonly StoredActivityLog _log;
    private readonly ActivityFeedRelay _relay;

    public ActivityFeedRelayTests()
    {
        _log = new StoredActivityLog(_store);
        _relay = new ActivityFeedRelay(null!, _feed, new ManualTimeProvider(), NullLogger<ActivityFeedRelay>.Instance);
    }

    [Fact]
    public async Task NotifiedRecordsReachTheFeedOnceAndInOrderWhateverOrderAndHowOftenTheyArrive()
    {
        await AppendAsync(1, 2);
        using var feed = _feed.Subscribe();
        await _relay.PollAsync(_log, _relay);

        var records = await AppendAsync(3, 4, 5, 6);
        await _relay.RelayAsync(_log, records[0]);
        await _relay.RelayAsync(_log, records[0]);
        await _relay.RelayAsync(_log, records[2]);
        await _relay.RelayAsync(_log, records[1]);
        await _relay.RelayAsync(_log, records[3]);

        // The log's first two came before the relay began: a stream reads those from the log itself.
        Assert.Equal([3L, 4, 5, 6], Drain(feed));
    }

    [Fact]
    public async Task ARecordNobodyNotifiedIsReadFromTheLogAtTheNextPollWhichAlsoSubscribesAgain()
    {
        using var feed = _feed.Subscribe();
        await _relay.PollAsync(_log, _relay);
        await AppendAsync(1, 2, 3);

        await _relay.PollAsync(_log, _relay);
        await _relay.PollAsync(_log, _relay);

        Assert.Equal([1L, 2, 3], Drain(feed));
        Assert.Equal(3, _log.Subscriptions);
    }

    private async Task<List<ActivityRecord>> AppendAsync(params long[] sequences)
    {
        var records = new List<ActivityRecord>();
        foreach (var seq in sequences)
        {
            var record = new ActivityRecord(seq, DateTimeOffset.UnixEpoch.AddMinutes(seq), "exchange.posted", "canepina", $"exchange/x{seq}", $"record {seq}");
            await _store.AppendAsync(ActivityLogReader.LogName, seq, record.At, JsonSerializer.Serialize(record, GrainStateSerializer.Options));
            records.Add(record);
        }

        return records;
    }

    private static List<long> Drain(ActivitySubscription feed)
    {
        var sequences = new List<long>();
        while (feed.Records.TryRead(out var record))
        {
            sequences.Add(record.Seq);
        }

        return sequences;
    }
}
