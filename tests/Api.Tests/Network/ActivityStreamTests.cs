using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using Collaboration.Api.Tests.Network.Support;
using Xunit.Abstractions;

namespace Collaboration.Api.Tests.Network;

/// <summary>The live activity stream over real sockets (Kestrel on loopback).</summary>
public sealed class ActivityStreamTests(KestrelApiFactory api, ITestOutputHelper output) : IClassFixture<KestrelApiFactory>
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    private static string Seq(long seq) => seq.ToString(CultureInfo.InvariantCulture);

    private static async Task PostPartnerAsync(HttpClient client, string id)
    {
        var response = await client.PostAsJsonAsync("/municipalities", new { id, name = id, country = "SI" });
        response.EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task TheStreamSendsTheBacklogAfterTheResumePointThenLiveRecords()
    {
        using var coordinator = api.CreateSocketClient();
        var start = await ActivityStreamClient.LastSeqAsync(coordinator);
        await PostPartnerAsync(coordinator, "live-a");
        using var timeout = new CancellationTokenSource(Patience);
        await using var stream = await ActivityStreamClient.OpenAsync(coordinator, Seq(start), timeout.Token);

        Assert.Equal("text/event-stream", stream.Response.Content.Headers.ContentType?.MediaType);
        var backlog = await stream.NextAsync();
        await PostPartnerAsync(coordinator, "live-b");
        var live = await stream.NextAsync();

        Assert.Equal((Seq(start + 1), "activity"), (backlog.Id, backlog.Type));
        Assert.Equal("municipality/live-a", backlog.Data.GetProperty("subject").GetString());
        Assert.Equal(Seq(start + 2), live.Id);
        Assert.Equal("municipality/live-b", live.Data.GetProperty("subject").GetString());
    }

    [Fact]
    public async Task AClientThatReconnectsWithLastEventIdGetsEveryRecordOnce()
    {
        using var coordinator = api.CreateSocketClient();
        var start = await ActivityStreamClient.LastSeqAsync(coordinator);
        using var timeout = new CancellationTokenSource(Patience);
        long lastSeen;
        await using (var first = await ActivityStreamClient.OpenAsync(coordinator, Seq(start), timeout.Token))
        {
            await PostPartnerAsync(coordinator, "resume-a");
            await PostPartnerAsync(coordinator, "resume-b");
            lastSeen = long.Parse((await first.NextAsync()).Id, CultureInfo.InvariantCulture);
        }

        await PostPartnerAsync(coordinator, "resume-c");
        await using var second = await ActivityStreamClient.OpenAsync(coordinator, Seq(lastSeen), timeout.Token);
        var rest = await second.ReadThroughAsync(start + 3);

        Assert.Equal(start + 1, lastSeen);
        Assert.Equal([start + 2, start + 3], rest);
    }

    [Fact]
    public async Task AFirstConnectionCanStartAfterASequenceNumberGivenInTheQuery()
    {
        using var coordinator = api.CreateSocketClient();
        await PostPartnerAsync(coordinator, "query-a");
        var start = await ActivityStreamClient.LastSeqAsync(coordinator);
        await PostPartnerAsync(coordinator, "query-b");
        using var timeout = new CancellationTokenSource(Patience);

        await using var stream = await ActivityStreamClient.OpenAsync(coordinator, null, timeout.Token, $"/network/activity/stream?after={start}");

        Assert.Equal("municipality/query-b", (await stream.NextAsync()).Data.GetProperty("subject").GetString());
    }

    /// <summary>
    /// Also measures what 100 listeners cost the writers: the same sequential posts are timed without and with them
    /// (reported in the test output; no assertion on timings, which depend on the machine).
    /// </summary>
    [Fact]
    public async Task AHundredListenersEachReceiveEveryRecordInOrderWhileWritersPost()
    {
        const int Listeners = 100;
        const int TimedWrites = 40;
        const int ConcurrentWriters = 4;
        const int WritesPerWriter = 10;
        using var writer = api.CreateSocketClient();
        using var listening = api.CreateSocketClient();
        await TimeWritesAsync(writer, "warm", 10);
        var alone = await TimeWritesAsync(writer, "alone", TimedWrites);

        var start = await ActivityStreamClient.LastSeqAsync(writer);
        var end = start + TimedWrites + (ConcurrentWriters * WritesPerWriter);
        using var timeout = new CancellationTokenSource(Patience);
        var streams = await Task.WhenAll(Enumerable.Range(0, Listeners).Select(_ => RawActivityListener.OpenAsync(listening, start, timeout.Token)));
        try
        {
            var reading = streams.Select(s => s.ReadThroughAsync(end)).ToArray();
            var listened = await TimeWritesAsync(writer, "listened", TimedWrites);
            await Task.WhenAll(Enumerable.Range(0, ConcurrentWriters).Select(async w =>
            {
                using var client = api.CreateSocketClient();
                for (var i = 0; i < WritesPerWriter; i++)
                {
                    await PostPartnerAsync(client, $"crowd-{w}-{i}");
                }
            }));

            var received = await Task.WhenAll(reading);

            var expected = Enumerable.Range(1, (int)(end - start)).Select(i => start + i).ToList();
            Assert.All(received, seqs => Assert.Equal(expected, seqs));
            output.WriteLine($"writer latency, {TimedWrites} sequential POST /municipalities: " +
                $"without listeners {alone}; with {Listeners} SSE listeners receiving {listened}");
        }
        finally
        {
            foreach (var stream in streams)
            {
                await stream.DisposeAsync();
            }
        }
    }

    private static async Task<string> TimeWritesAsync(HttpClient client, string prefix, int count)
    {
        var timings = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            var watch = Stopwatch.StartNew();
            await PostPartnerAsync(client, $"{prefix}-{i}");
            timings.Add(watch.Elapsed.TotalMilliseconds);
        }

        timings.Sort();
        return string.Create(CultureInfo.InvariantCulture,
            $"median {timings[count / 2]:F1} ms, p95 {timings[(int)Math.Ceiling(count * 0.95) - 1]:F1} ms, max {timings[^1]:F1} ms");
    }
}
