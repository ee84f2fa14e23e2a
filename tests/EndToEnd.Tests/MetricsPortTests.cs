using System.Globalization;
using System.Net;
using Collaboration.EndToEnd.Tests.Support;
using Collaboration.Tests.Network;

namespace Collaboration.EndToEnd.Tests;

/// <summary>
/// The API's own build with metrics on and a metrics port (<c>Collaboration:Telemetry:MetricsPort</c>), on real
/// sockets: the port answers <c>/metrics</c> to anyone and nothing else; the API's address keeps it for the coordinator.
/// </summary>
public sealed class MetricsPortTests
{
    [Fact]
    public async Task TheMetricsPortServesMetricsWithoutAKeyAndOnlyMetricsWhileTheApiPortStillWantsTheCoordinator()
    {
        using var folder = new TemporaryFolder();
        var port = FreePorts.Next();
        await using var api = await ApiProcess.StartAsync(folder.Path, new Dictionary<string, string>
        {
            ["Collaboration:Telemetry:Metrics"] = "true",
            ["Collaboration:Telemetry:MetricsPort"] = port.ToString(CultureInfo.InvariantCulture),
        });
        using var coordinator = api.CreateClient(ApiProcess.CoordinatorKey);
        using var anonymous = api.CreateClient(null);
        using var scraper = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
        var created = await coordinator.PostAsync("/municipalities", new StringContent(
            """{"id":"scraped","name":"Scraped","country":"SI"}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var scraped = await scraper.GetAsync("/metrics");
        var elsewhere = await scraper.GetAsync("/municipalities");
        var withoutKey = await anonymous.GetAsync("/metrics");
        var withKey = await coordinator.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.OK, scraped.StatusCode);
        var metrics = await scraped.Content.ReadAsStringAsync();
        Assert.Contains("http_route=\"/municipalities/\"", metrics, StringComparison.Ordinal);
        Assert.Contains("\ncollaboration_storage_commits_total{", metrics, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, withoutKey.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withKey.StatusCode);
        Assert.Contains("\ncollaboration_storage_commits_total{", await withKey.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
