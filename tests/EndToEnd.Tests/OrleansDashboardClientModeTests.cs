using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Collaboration.EndToEnd.Tests.Support;

namespace Collaboration.EndToEnd.Tests;

/// <summary>
/// The operators' view from an Api in client mode (two processes): the Orleans dashboard it serves at /orleans shows
/// the silo started on its own, its activations and calls, for the coordinator only; /readyz names that silo.
/// </summary>
public sealed class OrleansDashboardClientModeTests
{
    [Fact]
    public async Task AnApiInClientModeServesTheOrleansDashboardOfTheSiloToTheCoordinatorOnly()
    {
        await using var front = await ClientModeFront.StartAsync();
        using var coordinator = front.CreateClient(ApiProcess.CoordinatorKey);
        using var anonymous = front.CreateClient(null);
        var created = await coordinator.PostAsJsonAsync("/municipalities", new { id = "canepina", name = "Canepina", country = "IT" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var partnerKey = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("apiKey").GetString();
        using var partner = front.CreateClient(partnerKey);

        var refused = await anonymous.GetAsync("/orleans/DashboardCounters");
        var forbidden = await partner.GetAsync("/orleans/");
        var page = await coordinator.GetAsync("/orleans/");
        // The dashboard refreshes its counters at most once a second by the wall clock (its grain reads DateTime.UtcNow,
        // not a TimeProvider) and they are empty until its first refresh: asked again until they name a silo.
        var counters = await Json(await coordinator.GetAsync("/orleans/DashboardCounters"));
        for (var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(1); counters.GetProperty("hosts").GetArrayLength() == 0 && DateTime.UtcNow < deadline;)
        {
            counters = await Json(await coordinator.GetAsync("/orleans/DashboardCounters"));
        }
        var ready = await Json(await anonymous.GetAsync("/readyz"));

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal("application/problem+json", forbidden.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<title>Orleans Dashboard</title>", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The one silo, active, with the grains the registration activated; the silo that answered readiness is it.
        var host = Assert.Single(counters.GetProperty("hosts").EnumerateArray());
        Assert.Equal("Active", host.GetProperty("status").GetString());
        Assert.True(counters.GetProperty("totalActivationCount").GetInt32() > 0, counters.ToString());
        Assert.Contains(counters.GetProperty("simpleGrainStats").EnumerateArray(),
            grain => grain.GetProperty("grainType").GetString()!.Contains("MunicipalityGrain", StringComparison.Ordinal));
        Assert.Equal(1, ready.GetProperty("activeSilos").GetInt32());
        var siloAddress = host.GetProperty("siloAddress").GetString()!;
        Assert.Equal(ready.GetProperty("silo").GetProperty("address").GetString(), SiloAddressAsPrinted(siloAddress));

        // Calls: the grain methods called, with their rates, once the silo's profiler has handed its figures over (it
        // does so every second, in the other process: polled, with a deadline).
        var methods = await PollAsync(coordinator, "/orleans/TopGrainMethods", answer => answer.GetProperty("calls").GetArrayLength() > 0);
        Assert.All(methods.GetProperty("calls").EnumerateArray(), call => Assert.True(call.GetProperty("count").GetInt64() > 0, call.ToString()));

        // A browser's way in works here too: the key buys a session cookie for /orleans.
        using var browser = new HttpClient(new HttpClientHandler { UseCookies = true }) { BaseAddress = front.Api.BaseAddress, Timeout = ClientModeFront.RequestBound };
        using var signIn = new HttpRequestMessage(HttpMethod.Post, "/orleans/session");
        signIn.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ApiProcess.CoordinatorKey);
        Assert.Equal(HttpStatusCode.NoContent, (await browser.SendAsync(signIn)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/orleans/ClusterStats")).StatusCode);
    }

    /// <summary>The dashboard prints "127.0.0.1:11111@123" (parsable form); Orleans's own ToString, which /readyz uses, "S127.0.0.1:11111:123".</summary>
    private static string SiloAddressAsPrinted(string parsable)
    {
        var at = parsable.LastIndexOf('@');
        return $"S{parsable[..at]}:{parsable[(at + 1)..]}";
    }

    private static async Task<JsonElement> PollAsync(HttpClient client, string path, Func<JsonElement, bool> done)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var answer = await Json(await client.GetAsync(path));
            if (done(answer))
            {
                return answer;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{path} still answered {answer} after 30 s.");
            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }
    }

    private static Task<JsonElement> Json(HttpResponseMessage response) => SuccessJson.ReadAsync(response);
}
