using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Collaboration.EndToEnd.Tests.Support;
using Xunit.Abstractions;

namespace Collaboration.EndToEnd.Tests;

/// <summary>
/// The kill test, with real processes: Azurite, two fronts co-hosting a silo each and one in client mode. Writers post
/// through all three; one co-hosting front is killed with SIGKILL under that load. The other two keep answering, the
/// grains that lived on the dead silo answer again elsewhere with their state within 20 s, every acknowledged write is
/// there exactly once, and the killed front restarts and rejoins. Then the other co-hosting front hangs (SIGSTOP):
/// callers of the two left wait no longer than the response timeout.
/// </summary>
public sealed class ClusterKillTests(ITestOutputHelper output)
{
    private const int Writers = 6;
    private const int AcknowledgedBeforeKill = 36;
    private const int AcknowledgedWhileDown = 24;
    private const int AcknowledgedAfterRestart = 24;

    private static readonly TimeSpan RequestBound = TimeSpan.FromSeconds(30);

    /// <summary>How long the grains of the dead silo may take to answer again elsewhere.</summary>
    private static readonly TimeSpan RecoveryBound = TimeSpan.FromSeconds(20);

    /// <summary>A bound on each phase of the load (all writers together), so that a stuck test fails instead of hanging.</summary>
    private static readonly TimeSpan PhaseBound = TimeSpan.FromSeconds(120);

    /// <summary>
    /// What a request may take beyond the response timeout: Orleans notices an expired call on a timer, not at the very
    /// moment, and the request's HTTP round trip and its calls that did not hang take their time on a loaded machine.
    /// </summary>
    private static readonly TimeSpan HangSlack = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task AKilledFrontCostsTheOthersNothingItsGrainsComeBackEveryAcknowledgedWriteStaysOnceAndAHungOneCostsAResponseTimeout()
    {
        var clock = Stopwatch.StartNew();
        await using var cluster = await FrontCluster.StartAsync();
        output.WriteLine($"{Ms(clock.Elapsed)}: Azurite and the three fronts started");
        var victim = cluster.First;
        var writers = await SeedAsync(cluster);
        writers.Start();
        try
        {
            // 1. Load through all three fronts, then the kill, while the writers are writing.
            await writers.AcknowledgedAsync(AcknowledgedBeforeKill).WaitAsync(PhaseBound);
            var beforeKill = writers.Writes.Where(w => w.Id is not null).ToList();
            writers.FrontDown(victim);
            await victim.Process.KillAsync();
            var killedAt = clock.Elapsed;
            output.WriteLine($"{Ms(killedAt)}: {victim} killed after {beforeKill.Count} acknowledged writes");

            // 2. What was acknowledged before the kill (much of it on the dead silo: each co-hosting front activates what it
            //    writes on its own silo) answers through the two left, with its state, within the bound.
            var recovered = await Task.WhenAll(
                ReadAllAsync(cluster.Second, beforeKill, killedAt, clock),
                ReadAllAsync(cluster.Client, beforeKill, killedAt, clock));
            output.WriteLine($"every write acknowledged before the kill answered again through {cluster.Second} after {Ms(recovered[0].Took)} " +
                $"({recovered[0].Unavailable} reads answered 503 meanwhile), through {cluster.Client} after {Ms(recovered[1].Took)} ({recovered[1].Unavailable})");
            Assert.All(recovered, r => Assert.True(r.Took <= RecoveryBound, $"Reads answered again only after {Ms(r.Took)}."));

            // 3. The other two keep taking writes.
            await writers.AcknowledgedAsync(writers.Acknowledged + AcknowledgedWhileDown).WaitAsync(PhaseBound);
            var downFor = writers.Writes.Where(w => w.AcknowledgedThrough is not null && w.AcknowledgedThrough != victim.Name).Count();
            output.WriteLine($"{Ms(clock.Elapsed)}: {writers.Acknowledged} acknowledged, {downFor} through the two fronts left");

            // 4. The killed front restarts and rejoins: its writers go on with the write they were at, and it reads what was
            //    written without it.
            await cluster.RestartAsync(victim);
            writers.FrontBack();
            output.WriteLine($"{Ms(clock.Elapsed)}: {victim} restarted");
            var restartedAt = writers.Acknowledged;
            await writers.AcknowledgedAsync(restartedAt + AcknowledgedAfterRestart).WaitAsync(PhaseBound);
            await writers.StopAsync().WaitAsync(PhaseBound);
            Assert.Empty(writers.Problems);
            Assert.Contains(writers.Writes, w => w.AcknowledgedThrough == victim.Name && w.Sequence > beforeKill.Where(b => b.Writer == w.Writer).Select(b => b.Sequence).DefaultIfEmpty(-1).Max());

            // 5. Every write was acknowledged in the end, and each is there exactly once, under the id its answer named,
            //    whichever front is asked.
            var writes = writers.Writes;
            Assert.All(writes, w => Assert.NotNull(w.Id));
            foreach (var front in cluster.Fronts)
            {
                await AssertExactlyOnceAsync(front, writers);
            }

            var unavailable = writes.Sum(w => w.Unavailable);
            output.WriteLine($"{Ms(clock.Elapsed)}: {writes.Count} writes, all there once through each front; {writes.Count(w => w.Attempts > 1)} needed more than one attempt, {unavailable} attempts were answered 503");

            // 6. The other co-hosting front hangs: callers of the fronts left wait at most the response timeout, then their
            //    calls go to the silo left.
            await HangAsync(cluster, cluster.Second, writes, clock);
        }
        finally
        {
            // A failed assertion leaves writers retrying: stop them before the processes go.
            writers.FrontBack();
            await writers.StopAsync().WaitAsync(PhaseBound);
        }
    }

    private async Task HangAsync(FrontCluster cluster, FrontCluster.Front hung, IReadOnlyList<ClusterWriters.Write> writes, Stopwatch clock)
    {
        await hung.Process.PauseAsync();
        var pausedAt = clock.Elapsed;
        output.WriteLine($"{Ms(pausedAt)}: {hung} stopped (SIGSTOP)");
        var callers = cluster.Fronts.Where(f => f != hung).ToList();
        var slowest = TimeSpan.Zero;
        var answered = 0;
        var failed = 0;
        foreach (var front in callers)
        {
            using var client = front.CreateClient(ApiProcess.CoordinatorKey, RequestBound);
            foreach (var write in writes.Where(w => w.Writer % 3 == 1).Take(12))
            {
                var started = clock.Elapsed;
                using var response = await client.GetAsync($"/exchanges/{write.Id}");
                var took = clock.Elapsed - started;
                slowest = took > slowest ? took : slowest;
                Assert.True(
                    response.StatusCode is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable,
                    $"{front} answered {(int)response.StatusCode} for {write} while {hung} hung: {await response.Content.ReadAsStringAsync()}");
                Assert.True(took <= FrontCluster.ResponseTimeout + HangSlack, $"{front} took {Ms(took)} to answer for {write} while {hung} hung.");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    answered++;
                }
                else
                {
                    failed++;
                }
            }
        }

        output.WriteLine($"while {hung} hung: {answered} reads answered, {failed} answered 503, the slowest in {Ms(slowest)} (response timeout {Ms(FrontCluster.ResponseTimeout)})");

        // Resumed, the silo finds itself declared dead and stops; the fixture kills it if it does not.
        await hung.Process.ResumeAsync();
        var exited = await hung.Process.ExitsWithinAsync(TimeSpan.FromSeconds(30));
        output.WriteLine($"{Ms(clock.Elapsed)}: {hung} resumed; it {(exited ? "stopped itself, declared dead" : "is still running")}");

        // Whatever lived there answers through the fronts left.
        foreach (var front in callers)
        {
            using var client = front.CreateClient(ApiProcess.CoordinatorKey, RequestBound);
            var last = writes[^1];
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/exchanges/{last.Id}")).StatusCode);
        }
    }

    /// <summary>Partners for the writers, registered through the fronts in turn; the writers act as them.</summary>
    private static async Task<ClusterWriters> SeedAsync(FrontCluster cluster)
    {
        var partners = new List<string>();
        var keys = new List<string>();
        for (var i = 0; i < Writers; i++)
        {
            using var coordinator = cluster.Fronts[i % 3].CreateClient(ApiProcess.CoordinatorKey, RequestBound);
            var id = $"writer-{i}";
            using var response = await coordinator.PostAsJsonAsync("/municipalities", new { id, name = $"Writer town {i}", country = i % 2 == 0 ? "SI" : "IT" });
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.Created, $"Seeding {id}: {(int)response.StatusCode} {text}");
            partners.Add(id);
            keys.Add(JsonDocument.Parse(text).RootElement.GetProperty("apiKey").GetString()!);
        }

        return new ClusterWriters(cluster, partners, keys);
    }

    /// <summary>
    /// Reads every write through <paramref name="front"/> until each answers with its title (polling: the silo's death is
    /// noticed by the others in their own time); returns how long after the kill the last one answered, and how many reads
    /// were answered 503 (their grain was on the dead silo, not yet declared dead) before.
    /// </summary>
    private static async Task<(TimeSpan Took, int Unavailable)> ReadAllAsync(
        FrontCluster.Front front, IReadOnlyList<ClusterWriters.Write> writes, TimeSpan killedAt, Stopwatch clock)
    {
        using var client = front.CreateClient(ApiProcess.CoordinatorKey, RequestBound);
        var waiting = writes.ToList();
        var unavailable = 0;
        while (waiting.Count > 0 && clock.Elapsed - killedAt <= RecoveryBound + RecoveryBound)
        {
            var answered = new List<ClusterWriters.Write>();
            foreach (var write in waiting)
            {
                using var response = await client.GetAsync($"/exchanges/{write.Id}");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    var exchange = await response.Content.ReadFromJsonAsync<JsonElement>();
                    Assert.Equal(write.Title, exchange.GetProperty("title").GetString());
                    answered.Add(write);
                }
                else
                {
                    Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
                    unavailable++;
                }
            }

            waiting.RemoveAll(answered.Contains);
            if (waiting.Count > 0)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200));
            }
        }

        Assert.Empty(waiting);
        return (clock.Elapsed - killedAt, unavailable);
    }

    /// <summary>Every write is listed once among its author's exchanges, under the id it was answered with.</summary>
    private static async Task AssertExactlyOnceAsync(FrontCluster.Front front, ClusterWriters writers)
    {
        using var client = front.CreateClient(ApiProcess.CoordinatorKey, RequestBound);
        var listed = new List<(string Title, string Id)>();
        foreach (var partner in writers.Partners)
        {
            string? cursor = null;
            do
            {
                var path = $"/exchanges?author={partner}&limit=100" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}");
                using var response = await client.GetAsync(path);
                var text = await response.Content.ReadAsStringAsync();
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path} through {front}: {(int)response.StatusCode} {text}");
                var page = JsonDocument.Parse(text).RootElement;
                listed.AddRange(page.GetProperty("items").EnumerateArray().Select(e => (e.GetProperty("title").GetString()!, e.GetProperty("id").GetString()!)));
                cursor = page.GetProperty("nextCursor").GetString();
            }
            while (cursor is not null);
        }

        var byTitle = listed.GroupBy(e => e.Title).ToDictionary(g => g.Key, g => g.Select(e => e.Id).ToList());
        foreach (var write in writers.Writes)
        {
            Assert.True(byTitle.TryGetValue(write.Title, out var ids), $"{front} does not list {write}.");
            Assert.True(ids.Count == 1 && ids[0] == write.Id, $"{front} lists {write} as [{string.Join(", ", ids)}], answered {write.Id}.");
        }

        Assert.Equal(writers.Writes.Count, listed.Count);
    }

    private static string Ms(TimeSpan time) => $"{time.TotalMilliseconds:0} ms";
}
