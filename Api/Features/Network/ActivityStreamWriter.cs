using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Collaboration.Grains.Activity;
using Collaboration.Grains.Domain;
using Collaboration.Grains.Storage;

namespace Collaboration.Api.Features.Network;

/// <summary>
/// Writes the activity log as Server-Sent Events: first what the log holds after the resume point, then live
/// records as they are appended. It subscribes to the live feed before reading the log, so nothing appended in
/// between is missed, and it writes each sequence number once, in order: a live record already read from the log
/// is skipped, and a gap (a record that never reached the feed) is filled from the log. If the feed cuts this
/// stream off for falling behind, the stream reads the missed records from the log and carries on.
/// </summary>
public sealed class ActivityStreamWriter(IActivityLogGrain log, ActivityFeed feed, [FromKeyedServices(DomainClock.Key)] TimeProvider clock, JsonSerializerOptions json)
{
    /// <summary>Comments sent while nothing happens, so proxies and clients keep an idle connection open.</summary>
    public static readonly TimeSpan DefaultHeartbeat = TimeSpan.FromSeconds(15);

    private const int PageSize = 500;
    private static readonly byte[] Opening = Encoding.UTF8.GetBytes(": activity stream\nretry: 3000\n\n");
    private static readonly byte[] HeartbeatComment = Encoding.UTF8.GetBytes(": heartbeat\n\n");

    // Every live stream is handed the same record instance: it is framed once, not once per listener.
    private static readonly ConditionalWeakTable<ActivityRecord, byte[]> Frames = [];

    public TimeSpan Heartbeat { get; init; } = DefaultHeartbeat;

    public int BufferCapacity { get; init; } = ActivityFeed.DefaultCapacity;

    /// <summary>Streams records after <paramref name="after"/> until <paramref name="cancellationToken"/> fires or the feed closes.</summary>
    public async Task WriteAsync(Stream output, long after, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var token = stop.Token;
        var last = after;

        // The first heartbeat is timed from the connection, before the client sees a byte.
        Task heartbeat = Task.Delay(Heartbeat, clock, token);
        await output.WriteAsync(Opening, token);
        await output.FlushAsync(token);
        try
        {
            while (true)
            {
                using var subscription = feed.Subscribe(BufferCapacity);
                last = await CatchUpAsync(output, last, token);

                Task<bool>? waiting = null;
                while (true)
                {
                    waiting ??= subscription.Records.WaitToReadAsync(token).AsTask();
                    if (await Task.WhenAny(waiting, heartbeat) == heartbeat)
                    {
                        await heartbeat;
                        await output.WriteAsync(HeartbeatComment, token);
                        await output.FlushAsync(token);
                        heartbeat = Task.Delay(Heartbeat, clock, token);
                        continue;
                    }

                    var open = await waiting;
                    waiting = null;
                    if (!open)
                    {
                        break;
                    }

                    while (subscription.Records.TryRead(out var record))
                    {
                        if (record.Seq > last + 1)
                        {
                            last = await CatchUpAsync(output, last, token);
                        }

                        if (record.Seq == last + 1)
                        {
                            await WriteRecordAsync(output, record, token);
                            last = record.Seq;
                        }
                    }

                    await output.FlushAsync(token);
                }

                if (!subscription.Overflowed)
                {
                    return;
                }
            }
        }
        finally
        {
            // Ends the pending heartbeat timer with the stream.
            await stop.CancelAsync();
        }
    }

    private async Task<long> CatchUpAsync(Stream output, long last, CancellationToken token)
    {
        while (true)
        {
            token.ThrowIfCancellationRequested();
            var records = await log.ReadAsync(last, PageSize);
            foreach (var record in records)
            {
                await WriteRecordAsync(output, record, token);
                last = record.Seq;
            }

            await output.FlushAsync(token);
            if (records.Count < PageSize)
            {
                return last;
            }
        }
    }

    private Task WriteRecordAsync(Stream output, ActivityRecord record, CancellationToken token) =>
        output.WriteAsync(Frames.GetValue(record, Frame), token).AsTask();

    private byte[] Frame(ActivityRecord record)
    {
        // The serializer escapes line breaks inside strings, so one data line always holds the whole record.
        var data = JsonSerializer.Serialize(ActivityItem.From(record), json);
        return Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"id: {record.Seq}\nevent: activity\ndata: {data}\n\n"));
    }
}
