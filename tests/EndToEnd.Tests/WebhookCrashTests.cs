using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Collaboration.EndToEnd.Tests.Support;
using Collaboration.Tests.Webhooks;

namespace Collaboration.EndToEnd.Tests;

/// <summary>
/// Webhooks across a crash: the API process is killed with SIGKILL while a delivery is in flight, and after a restart
/// on the same data folder the receiver gets that delivery and everything queued behind it, in order.
/// </summary>
public sealed class WebhookCrashTests
{
    // Bounds a cross-process wait: after the restart a reminder (every 2 s here) wakes the webhook.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private static readonly Dictionary<string, string> Settings = new()
    {
        ["Collaboration:Webhooks:AllowLoopbackHttp"] = "true",
        ["Collaboration:Webhooks:RetryDelay"] = "00:00:00.100",
        ["Collaboration:Webhooks:MaxRetryDelay"] = "00:00:01",
        ["Collaboration:Webhooks:WakePeriod"] = "00:00:02",
    };

    [Fact]
    public async Task ADeliveryInFlightWhenTheProcessIsKilledIsDeliveredAfterTheRestartFollowedByEverythingQueuedBehindIt()
    {
        using var folder = new TemporaryFolder();
        await using var receiver = await WebhookReceiver.StartAsync();
        var inFlight = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource<HttpStatusCode>(TaskCreationOptions.RunContinuationsAsynchronously);
        var restarted = false;
        receiver.Answer = async delivery =>
        {
            if (restarted)
            {
                return HttpStatusCode.OK;
            }

            // Before the crash: the first delivery is held open, so the process dies in the middle of it.
            inFlight.TrySetResult();
            return await release.Task;
        };

        var api = await ApiProcess.StartAsync(folder.Path, Settings);
        try
        {
            using (var coordinator = api.CreateClient(ApiProcess.CoordinatorKey))
            {
                var created = await coordinator.PostAsJsonAsync("/webhooks", new { url = receiver.Url, kinds = new[] { "municipality.created" } });
                Assert.Equal(HttpStatusCode.Created, created.StatusCode);
                await CreateTownsAsync(coordinator, 1, 3);
                await inFlight.Task.WaitAsync(Patience);
                await CreateTownsAsync(coordinator, 4, 5);
            }

            await api.KillAsync();
            restarted = true;
            release.TrySetResult(HttpStatusCode.ServiceUnavailable);
            await api.DisposeAsync();
            api = await ApiProcess.StartAsync(folder.Path, Settings);

            await receiver.WaitUntilAsync(r => r.Count(d => d.Status == HttpStatusCode.OK) >= 5, Patience);
        }
        finally
        {
            await api.DisposeAsync();
        }

        var accepted = receiver.Accepted;
        Assert.Equal(["1", "2", "3", "4", "5"], accepted.Select(d => d.DeliveryId));
        Assert.Equal(Enumerable.Range(1, 5).Select(i => $"municipality/crash-town-{i}"), accepted.Select(d => d.Json.GetProperty("subject").GetString()));
    }

    private static async Task CreateTownsAsync(HttpClient coordinator, int from, int to)
    {
        for (var i = from; i <= to; i++)
        {
            var response = await coordinator.PostAsJsonAsync("/municipalities", new { id = $"crash-town-{i}", name = $"Town {i}", country = "SI" });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }
    }
}
