using System.Net;
using System.Text;
using System.Text.Json;
using Collaboration.EndToEnd.Tests.Support;

namespace Collaboration.EndToEnd.Tests;

/// <summary>
/// Storage made unavailable under the running API, by another process holding the SQLite file's write lock: writes
/// answer 503 with Retry-After after the configured busy timeout, readiness fails, and once the lock is gone the
/// service recovers by itself, with nothing left over from the refused writes.
/// </summary>
public sealed class StorageOutageTests
{
    // Every request is bounded by the client's timeout: one that hung in the outage would fail the test, not stall it.
    private static readonly TimeSpan RequestBound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task WhileAnotherProcessLocksTheDatabaseWritesAre503AndReadinessFailsAndTheServiceRecoversByItself()
    {
        using var folder = new TemporaryFolder();
        await using var api = await ApiProcess.StartAsync(folder.Path, new Dictionary<string, string>
        {
            ["Collaboration:Storage:BusyTimeout"] = "00:00:01",
        });
        using var coordinator = api.CreateClient(ApiProcess.CoordinatorKey, RequestBound);
        using var anonymous = api.CreateClient(null, RequestBound);
        await CreateAsync(coordinator, "outage-before", key: null, HttpStatusCode.Created);

        using (DatabaseLock.Take(Path.Combine(folder.Path, "collaboration.db")))
        {
            var refused = await CreateAsync(coordinator, "outage-during", key: "outage-key", HttpStatusCode.ServiceUnavailable);
            Assert.NotNull(refused.Headers.RetryAfter);
            var update = await coordinator.PutAsync("/municipalities/outage-before", Json(new { name = "Renamed in the outage", country = "SI" }));
            await AssertProblemAsync(update, HttpStatusCode.ServiceUnavailable);
            Assert.NotNull(update.Headers.RetryAfter);

            var ready = await anonymous.GetAsync("/readyz");
            await AssertProblemAsync(ready, HttpStatusCode.ServiceUnavailable);
            Assert.NotNull(ready.Headers.RetryAfter);

            // Reads do not need the write lock and go on.
            Assert.Equal(HttpStatusCode.OK, (await coordinator.GetAsync("/municipalities")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/healthz")).StatusCode);
        }

        // Recovery needs no restart: readiness proves it with a commit of its own, then the refused writes succeed as retried.
        await PollUntilReadyAsync(anonymous);
        Assert.Equal("outage-before", await NameAsync(coordinator, "outage-before"));
        await CreateAsync(coordinator, "outage-during", key: "outage-key", HttpStatusCode.Created);
        var renamed = await coordinator.PutAsync("/municipalities/outage-before", Json(new { name = "Renamed after the outage", country = "SI" }));
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Equal("Renamed after the outage", await NameAsync(coordinator, "outage-before"));
    }

    private static async Task<string?> NameAsync(HttpClient client, string id) =>
        JsonDocument.Parse(await (await client.GetAsync($"/municipalities/{id}")).Content.ReadAsStringAsync()).RootElement.GetProperty("name").GetString();

    private static async Task<HttpResponseMessage> CreateAsync(HttpClient client, string id, string? key, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/municipalities") { Content = Json(new { id, name = id, country = "SI" }) };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        var response = await client.SendAsync(request);
        if ((int)expected >= 400)
        {
            await AssertProblemAsync(response, expected);
        }
        else
        {
            Assert.True(response.StatusCode == expected, $"POST {id}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        return response;
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal((int)expected, JsonDocument.Parse(text).RootElement.GetProperty("status").GetInt32());
    }

    /// <summary>Waits on another process's recovery: polls readiness, bounded by a deadline.</summary>
    private static async Task PollUntilReadyAsync(HttpClient client)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        HttpStatusCode last;
        do
        {
            last = (await client.GetAsync("/readyz")).StatusCode;
            if (last == HttpStatusCode.OK)
            {
                return;
            }

            await Task.Delay(100);
        }
        while (DateTime.UtcNow < deadline);

        Assert.Fail($"/readyz still answered {(int)last} a minute after the lock was released.");
    }

    private static StringContent Json(object body) => new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
}
