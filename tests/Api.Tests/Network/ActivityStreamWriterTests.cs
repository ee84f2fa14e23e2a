using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using Collaboration.Api.Features.Network;
using Collaboration.Api.Tests.Network.Support;
using Collaboration.Api.Tests.Support;
using Collaboration.Grains.Activity;
using Collaboration.Grains.Storage;
using Collaboration.Silo.Storage.Memory;
using Collaboration.Tests.Time;

namespace Collaboration.Api.Tests.Network;

public sealed class ActivityStreamWriterTests
{
    private readonly MemoryStorage _log = new();
    private readonly ActivityFeed _feed = new();
    private readonly ManualTimeProvider _clock = new();
    private readonly Pipe _pipe = new();

    private ActivityStreamWriter Writer(int capacity = ActivityFeed.DefaultCapacity) =>
        new(new StoredActivityLog(_log), _feed, _clock, CollaborationApiFactory.Json) { BufferCapacity = capacity };

    /// <summary>What the activity log grain does: append durably, then publish.</summary>
    private async Task AppendAsync(long seq, bool publish = true)
    {
        var record = new ActivityRecord(seq, _clock.GetUtcNow(), "exchange.posted", "canepina", $"exchange/x{seq}", $"record {seq}");
        await _log.AppendAsync(ActivityLogReader.LogName, seq, record.At, JsonSerializer.Serialize(record, GrainStateSerializer.Options));
        if (publish)
        {
            _feed.Publish(record);
        }
    }

    private async Task<string> ReadUntilAsync(string marker)
    {
        var text = new StringBuilder();
        while (!text.ToString().Contains(marker, StringComparison.Ordinal))
        {
            var result = await _pipe.Reader.ReadAsync();
            foreach (var segment in result.Buffer)
            {
                text.Append(Encoding.UTF8.GetString(segment.Span));
            }

            _pipe.Reader.AdvanceTo(result.Buffer.End);
            Assert.False(result.IsCompleted, $"The stream ended before '{marker}': {text}");
        }

        return text.ToString();
    }

    private static List<long> Ids(string text) =>
        text.Split('\n').Where(l => l.StartsWith("id: ", StringComparison.Ordinal)).Select(l => long.Parse(l[4..], System.Globalization.CultureInfo.InvariantCulture)).ToList();

    [Fact]
    public async Task AnIdleStreamSendsAHeartbeatCommentWhenTheIntervalHasPassed()
    {
        using var stop = new CancellationTokenSource();
        var streaming = Writer().WriteAsync(_pipe.Writer.AsStream(), 0, stop.Token);
        await ReadUntilAsync("retry:");

        _clock.Advance(ActivityStreamWriter.DefaultHeartbeat);

        Assert.Contains(": heartbeat\n\n", await ReadUntilAsync(": heartbeat"), StringComparison.Ordinal);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => streaming);
    }

    [Fact]
    public async Task TheBacklogComesFirstThenLiveRecordsEachOnceInOrder()
    {
        await AppendAsync(1, publish: false);
        await AppendAsync(2, publish: false);
        await AppendAsync(3, publish: false);
        using var stop = new CancellationTokenSource();
        var streaming = Writer().WriteAsync(_pipe.Writer.AsStream(), 1, stop.Token);
        var backlog = await ReadUntilAsync("id: 3\n");

        await AppendAsync(4);
        var live = await ReadUntilAsync("id: 4\n");

        Assert.Equal([2L, 3, 4], Ids(backlog + live));
        Assert.Contains("event: activity\ndata: {\"seq\":4,", live, StringComparison.Ordinal);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => streaming);
    }

    [Fact]
    public async Task ARecordThatNeverReachedTheFeedIsReadFromTheLog()
    {
        using var stop = new CancellationTokenSource();
        var streaming = Writer().WriteAsync(_pipe.Writer.AsStream(), 0, stop.Token);
        await ReadUntilAsync("retry:");

        await AppendAsync(1, publish: false);
        await AppendAsync(2);

        Assert.Equal([1L, 2], Ids(await ReadUntilAsync("id: 2\n")));
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => streaming);
    }

    [Fact]
    public async Task AStreamCutOffForFallingBehindCatchesUpFromTheLogWithoutGapsOrRepeats()
    {
        using var stop = new CancellationTokenSource();
        var streaming = Writer(capacity: 2).WriteAsync(_pipe.Writer.AsStream(), 0, stop.Token);
        await ReadUntilAsync("retry:");

        for (var seq = 1; seq <= 50; seq++)
        {
            await AppendAsync(seq);
        }

        Assert.Equal(Enumerable.Range(1, 50).Select(i => (long)i), Ids(await ReadUntilAsync("id: 50\n")));
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => streaming);
    }
}
