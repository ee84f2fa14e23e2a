using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Collaboration.EndToEnd.Tests.Support;
using Xunit.Abstractions;

namespace Collaboration.EndToEnd.Tests;

/// <summary>
/// Three fronts over the same Azure Table data (two co-hosting a silo each, one in client mode; every one a real
/// process): a write through one is read through the others at once, in single reads, lists, searches, the network's
/// figures and Idempotency-Key replays; and the live activity stream of every front delivers every record written
/// through any of them, in order, without a gap, within a second of the write's answer.
/// </summary>
public sealed class ClusterFrontsTests(ITestOutputHelper output)
{
    private static readonly TimeSpan RequestBound = TimeSpan.FromSeconds(30);

    /// <summary>How soon a record must reach every front's live stream after its write was answered.</summary>
    private static readonly TimeSpan LiveBound = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task AWriteThroughAnyFrontIsReadThroughEveryOtherAtOnceAndEveryLiveStreamGetsEveryRecordInOrder()
    {
        var clock = Stopwatch.StartNew();
        await using var cluster = await FrontCluster.StartAsync();
        output.WriteLine($"Azurite and the three fronts started in {Ms(clock.Elapsed)}");
        var fronts = cluster.Fronts;
        var coordinators = fronts.Select(f => f.CreateClient(ApiProcess.CoordinatorKey, RequestBound)).ToList();
        var streams = new List<ActivityStreamReader>();
        try
        {
            foreach (var front in fronts)
            {
                streams.Add(await ActivityStreamReader.OpenAsync(front.CreateClient(ApiProcess.CoordinatorKey, Timeout.InfiniteTimeSpan), clock));
            }

            var delays = new List<TimeSpan>();
            var keys = new Dictionary<string, string>();

            // Partners registered through each front in turn, each read back at once through the other two: by id, in the
            // list, in the network's figures; and each record reaches every front's stream.
            for (var i = 0; i < 9; i++)
            {
                var writer = i % fronts.Count;
                var id = $"town-{i}";
                var created = await Created(await coordinators[writer].PostAsJsonAsync("/municipalities", new { id, name = $"Town {i}", country = i % 2 == 0 ? "SI" : "IT" }));
                var answered = clock.Elapsed;
                keys[id] = created.GetProperty("apiKey").GetString()!;
                foreach (var reader in Others(writer))
                {
                    var partner = await Ok(await coordinators[reader].GetAsync($"/municipalities/{id}"));
                    Assert.Equal($"Town {i}", partner.GetProperty("name").GetString());
                    var list = await Ok(await coordinators[reader].GetAsync("/municipalities"));
                    Assert.Contains(list.EnumerateArray(), p => p.GetProperty("id").GetString() == id);
                    var summary = await Ok(await coordinators[reader].GetAsync("/network/summary"));
                    Assert.Equal(i + 1, summary.GetProperty("partners").GetInt32());
                }

                delays.AddRange(await ArrivalDelaysAsync(streams, $"municipality/{id}", answered));
            }

            // A change through one front, read at once through another with its new ETag; a stale If-Match is refused there.
            var before = await coordinators[2].GetAsync("/municipalities/town-0");
            var staleTag = before.Headers.ETag!.Tag;
            using (var update = new HttpRequestMessage(HttpMethod.Put, "/municipalities/town-0") { Content = JsonContent.Create(new { name = "Novo mesto", country = "SI" }) })
            {
                update.Headers.TryAddWithoutValidation("If-Match", staleTag);
                Assert.Equal(HttpStatusCode.OK, (await coordinators[0].SendAsync(update)).StatusCode);
            }

            var after = await coordinators[1].GetAsync("/municipalities/town-0");
            Assert.Equal("Novo mesto", (await Ok(after)).GetProperty("name").GetString());
            Assert.NotEqual(staleTag, after.Headers.ETag!.Tag);
            using (var stale = new HttpRequestMessage(HttpMethod.Put, "/municipalities/town-0") { Content = JsonContent.Create(new { name = "Stale", country = "SI" }) })
            {
                stale.Headers.TryAddWithoutValidation("If-Match", staleTag);
                Assert.Equal(HttpStatusCode.PreconditionFailed, (await coordinators[2].SendAsync(stale)).StatusCode);
            }

            // A practice posted through the client front is found by a word through each co-hosting front at once.
            using var author = fronts[2].CreateClient(keys["town-1"], RequestBound);
            var practice = await Created(await author.PostAsJsonAsync("/exchanges", new
            {
                kind = "goodPractice",
                title = "Volunteers welcoming newcomers at the station",
                summary = "Each arriving family meets a volunteer who speaks its language.",
                themes = new[] { "integration" },
            }));
            var practiceId = practice.GetProperty("id").GetString()!;
            var posted = clock.Elapsed;
            foreach (var reader in Others(2))
            {
                var found = await Ok(await coordinators[reader].GetAsync("/exchanges?q=volunteer%20station"));
                Assert.Equal([practiceId], found.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetString()));
            }

            delays.AddRange(await ArrivalDelaysAsync(streams, $"exchange/{practiceId}", posted));

            // An Idempotency-Key answered through one front is replayed through the others; another body with it is 422.
            var first = await PostWithKeyAsync(coordinators[1], "shared-key", new { id = "town-keyed", name = "Keyed", country = "HR" });
            Assert.Equal(HttpStatusCode.Created, first.StatusCode);
            foreach (var reader in Others(1))
            {
                var replay = await PostWithKeyAsync(coordinators[reader], "shared-key", new { id = "town-keyed", name = "Keyed", country = "HR" });
                Assert.Equal(HttpStatusCode.Created, replay.StatusCode);
                Assert.True(replay.Headers.Contains("Idempotent-Replayed"), $"Not replayed through {fronts[reader]}.");
                Assert.Equal(await first.Content.ReadAsStringAsync(), await replay.Content.ReadAsStringAsync());
                var reused = await PostWithKeyAsync(coordinators[reader], "shared-key", new { id = "town-other", name = "Other", country = "HR" });
                Assert.Equal(HttpStatusCode.UnprocessableEntity, reused.StatusCode);
            }

            // Every stream has every record of the log, in order, gapless.
            var log = (await Ok(await coordinators[0].GetAsync("/network/activity?limit=1000"))).EnumerateArray().ToList();
            var last = log[^1].GetProperty("seq").GetInt64();
            foreach (var (stream, front) in streams.Zip(fronts))
            {
                Assert.True(await stream.WaitForSequenceAsync(last, RequestBound), $"{front}'s stream stopped at {stream.Arrivals.LastOrDefault()}: {stream.Failure}");
                Assert.Equal(Enumerable.Range(1, (int)last).Select(n => (long)n), stream.Arrivals.Select(a => a.Sequence));
            }

            delays.Sort();
            output.WriteLine($"Checked at {Ms(clock.Elapsed)}");
            output.WriteLine($"{delays.Count} deliveries after the write's answer: median {Ms(delays[delays.Count / 2])}, " +
                $"90th percentile {Ms(delays[delays.Count * 9 / 10])}, slowest {Ms(delays[^1])} (0 when the record came before the answer)");
            Assert.All(delays, delay => Assert.True(delay <= LiveBound, $"A record reached a stream {Ms(delay)} after its write was answered."));
        }
        finally
        {
            foreach (var stream in streams)
            {
                await stream.DisposeAsync();
            }

            coordinators.ForEach(c => c.Dispose());
        }
    }

    [Fact]
    public async Task AFrontAskedToJoinAClusterOverItsSqliteFileRefusesToStartAndSaysWhy()
    {
        using var folder = new TemporaryFolder();

        var (exitCode, output) = await ApiProcess.RunUntilItExitsAsync(folder.Path, new Dictionary<string, string>
        {
            ["Collaboration:Cluster:Provider"] = "AzureTable",
        });

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Collaboration:Storage:Provider is Sqlite: a SQLite file belongs to one process", output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(folder.Path, "collaboration.db")));
    }

    private static IEnumerable<int> Others(int front) => Enumerable.Range(0, 3).Where(f => f != front);

    /// <summary>How long after <paramref name="answered"/> each stream received the record about <paramref name="subject"/>.</summary>
    private static async Task<IEnumerable<TimeSpan>> ArrivalDelaysAsync(List<ActivityStreamReader> streams, string subject, TimeSpan answered)
    {
        var arrivals = await Task.WhenAll(streams.Select(s => s.WaitForSubjectAsync(subject, RequestBound)));
        Assert.All(arrivals, a => Assert.NotNull(a));
        return arrivals.Select(a => a!.At > answered ? a.At - answered : TimeSpan.Zero);
    }

    private static Task<HttpResponseMessage> PostWithKeyAsync(HttpClient client, string key, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/municipalities")
        {
            Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(request);
    }

    private static string Ms(TimeSpan time) => $"{time.TotalMilliseconds:0} ms";

    private static async Task<JsonElement> Created(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"Expected 201 but got {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static async Task<JsonElement> Ok(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Expected 200 but got {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
