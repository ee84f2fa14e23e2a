using System.Net;
using System.Text;
using System.Text.Json;
using Collaboration.Api.Tests.Network.Support;
using Collaboration.Api.Tests.Support;
using Collaboration.Api.Tests.Telemetry.Support;

namespace Collaboration.Api.Tests.Telemetry;

/// <summary><c>/metrics</c> with <c>Collaboration:Telemetry:Metrics</c> on: who may read it, and what it holds.</summary>
[Collection(TelemetryCollection.Name)]
public sealed class MetricsTests(MetricsTests.MetricsFactory api) : IClassFixture<MetricsTests.MetricsFactory>
{
    [Fact]
    public async Task OnlyTheCoordinatorReadsTheMetricsAndTheyCoverAspNetCoreTheRuntimeAndOrleans()
    {
        var key = await api.CreateMunicipalityAsync("metrics-town");
        using var anonymous = api.CreateClient(apiKey: null);
        using var municipality = api.CreateClient(key);
        using var coordinator = api.CreateCoordinatorClient();

        await (await anonymous.GetAsync("/metrics")).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await municipality.GetAsync("/metrics")).AssertProblemAsync(HttpStatusCode.Forbidden);
        var response = await coordinator.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        var scrape = new PrometheusScrape(await response.Content.ReadAsStringAsync());
        Assert.True(scrape.Sum("http_server_request_duration_seconds_count", "http_route=\"/municipalities/\"") >= 1, scrape.Text);
        Assert.True(scrape.Has("dotnet_gc_collections_total") || scrape.Has("dotnet_process_cpu_time_seconds_total"), scrape.Text);
        Assert.Contains("\norleans_", scrape.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheProjectsOwnMetricsCountCommitsSearchesStreamsReplaysAndRateLimits()
    {
        using var coordinator = api.CreateCoordinatorClient();
        using var anonymous = api.CreateClient(apiKey: null);
        var body = JsonSerializer.Serialize(new { id = "metrics-replayed", name = "Replayed", country = "SI" });
        Assert.Equal(HttpStatusCode.Created, (await PostWithKeyAsync(coordinator, "metrics-key", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await PostWithKeyAsync(coordinator, "metrics-key", body)).StatusCode);
        (await coordinator.GetAsync("/exchanges?q=integration")).EnsureSuccessStatusCode();
        HttpStatusCode last;
        var anonymousRequests = 0;
        do
        {
            last = (await anonymous.GetAsync("/municipalities")).StatusCode;
            anonymousRequests++;
        }
        while (last != HttpStatusCode.TooManyRequests && anonymousRequests <= MetricsFactory.RequestsPerWindow);

        PrometheusScrape scrape;
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
        await using (await ActivityStreamClient.OpenAsync(coordinator, null, timeout.Token))
        {
            scrape = new PrometheusScrape(await coordinator.GetStringAsync("/metrics"));
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, last);
        Assert.True(scrape.Sum("collaboration_storage_commits_total", "outcome=\"committed\"") >= 2, scrape.Text);
        Assert.True(scrape.Sum("collaboration_storage_commit_writes_count") >= 2, scrape.Text);
        Assert.True(scrape.Sum("collaboration_search_duration_seconds_count", "index=\"exchanges\"") >= 1, scrape.Text);
        Assert.Equal(1, scrape.Sum("collaboration_activity_stream_listeners"));
        Assert.Equal(1, scrape.Sum("collaboration_idempotency_replays_total"));
        Assert.Equal(1, scrape.Sum("collaboration_rate_limit_rejections_total", "partition=\"address\""));
    }

    private static Task<HttpResponseMessage> PostWithKeyAsync(HttpClient client, string key, string json)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/municipalities") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(request);
    }

    /// <summary>The real API with metrics on, and a window small enough to run out of.</summary>
    public sealed class MetricsFactory : CollaborationApiFactory
    {
        public const int RequestsPerWindow = 20;

        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Collaboration:Telemetry:Metrics"] = "true",
            ["Collaboration:Limits:RequestsPerWindow"] = RequestsPerWindow.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Collaboration:Limits:Window"] = "01:00:00",
        };
    }
}
