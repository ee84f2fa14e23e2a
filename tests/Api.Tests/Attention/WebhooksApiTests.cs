using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Collaboration.Api.Tests.Events;
using Collaboration.Api.Tests.Support;
using Collaboration.Tests.Webhooks;

namespace Collaboration.Api.Tests.Attention;

/// <summary>Webhooks through the API, delivered to a real receiver on loopback.</summary>
public sealed class WebhooksApiTests(AttentionApiFactory api) : IClassFixture<AttentionApiFactory>, IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private WebhookReceiver _receiver = null!;

    public async Task InitializeAsync() => _receiver = await WebhookReceiver.StartAsync();

    public async Task DisposeAsync() => await _receiver.DisposeAsync();

    [Fact]
    public async Task APartnersWebhookReceivesItsInboxItemsOfTheChosenKindsSignedWithItsSecret()
    {
        var net = new EventsNetwork(api);
        await net.PartnerAsync("hook-author", "SI");
        await net.PartnerAsync("hook-reader", "IT");
        using var author = net.As("hook-author");
        using var reader = net.As("hook-reader");
        var (id, secret) = await CreateAsync(author, _receiver.Url, "exchange.replied");
        var exchange = await (await author.PostAsJsonAsync("/exchanges", new
        {
            kind = "goodPractice", title = "Winter shelters", summary = "A shelter run with NGOs.", themes = new[] { "integration" },
        })).AssertJsonAsync(HttpStatusCode.Created);
        var exchangeId = exchange.GetProperty("id").GetString()!;

        await (await reader.PutAsJsonAsync($"/exchanges/{exchangeId}/adoptions/hook-reader", new { status = "interested" })).AssertJsonAsync(HttpStatusCode.Created);
        await (await reader.PostAsJsonAsync($"/exchanges/{exchangeId}/replies", new { body = "We do, with the Red Cross." })).AssertJsonAsync(HttpStatusCode.Created);
        await _receiver.WaitUntilAsync(r => r.Count >= 1, Patience);

        var delivery = Assert.Single(_receiver.Received);
        Assert.True(WebhookReceiver.IsSignedWith(delivery, secret), $"Signature {delivery.Signature} does not match the body.");
        Assert.Equal("1", delivery.DeliveryId);
        Assert.StartsWith("application/json", delivery.ContentType);
        Assert.Equal("exchange.replied", delivery.Json.GetProperty("kind").GetString());
        Assert.Equal($"exchange/{exchangeId}", delivery.Json.GetProperty("subject").GetString());
        Assert.Equal(2, delivery.Json.GetProperty("id").GetInt64());

        // Deliveries go one at a time: once the next one arrives, the first is recorded as finished.
        await (await reader.PostAsJsonAsync($"/exchanges/{exchangeId}/replies", new { body = "And the town pays the rent." })).AssertJsonAsync(HttpStatusCode.Created);
        await _receiver.WaitUntilAsync(r => r.Any(d => d.DeliveryId == "2"), Patience);
        var deliveries = (await (await author.GetAsync($"/webhooks/{id}/deliveries")).AssertJsonAsync(HttpStatusCode.OK)).EnumerateArray().ToList();
        Assert.Equal([2L, 1L], deliveries.Select(d => d.GetProperty("id").GetInt64()));
        var first = deliveries[1];
        Assert.Equal(("exchange.replied", "delivered", 1), (first.GetProperty("kind").GetString(), first.GetProperty("status").GetString(), first.GetProperty("attempts").GetInt32()));
    }

    [Fact]
    public async Task AReceiverThatFailsForAWhileThenRecoversGetsEveryDeliveryInOrder()
    {
        var failures = 0;
        _receiver.Answer = _ => Task.FromResult(Interlocked.Increment(ref failures) <= 5 ? HttpStatusCode.ServiceUnavailable : HttpStatusCode.OK);
        using var coordinator = api.CreateCoordinatorClient();
        var (id, secret) = await CreateAsync(coordinator, _receiver.Url, "municipality.created");
        var towns = Enumerable.Range(1, 4).Select(i => $"hook-order-{i}").ToList();

        foreach (var town in towns)
        {
            await api.CreateMunicipalityAsync(town, "LT");
        }

        await _receiver.WaitUntilAsync(r => r.Count(d => d.Status == HttpStatusCode.OK) >= towns.Count, Patience);

        var accepted = _receiver.Accepted;
        Assert.Equal(["1", "2", "3", "4"], accepted.Select(d => d.DeliveryId));
        Assert.Equal(towns.Select(t => $"municipality/{t}"), accepted.Select(d => d.Json.GetProperty("subject").GetString()));
        Assert.All(accepted, d => Assert.True(WebhookReceiver.IsSignedWith(d, secret)));
        Assert.All(accepted, d => Assert.Equal("municipality.created", d.Json.GetProperty("type").GetString()));
        Assert.True(_receiver.Received.Count(d => d.DeliveryId == "1") == 6, "The first delivery was tried until the receiver recovered.");

        // Deliveries go one at a time: once a fifth arrives, the first four are recorded as finished.
        await api.CreateMunicipalityAsync("hook-order-5", "LT");
        await _receiver.WaitUntilAsync(r => r.Any(d => d.DeliveryId == "5" && d.Status == HttpStatusCode.OK), Patience);
        var deliveries = (await (await coordinator.GetAsync($"/webhooks/{id}/deliveries")).AssertJsonAsync(HttpStatusCode.OK)).EnumerateArray().Skip(1).ToList();
        Assert.Equal([4L, 3L, 2L, 1L], deliveries.Select(d => d.GetProperty("id").GetInt64()));
        Assert.All(deliveries, d => Assert.Equal("delivered", d.GetProperty("status").GetString()));
        Assert.Equal(6, deliveries[^1].GetProperty("attempts").GetInt32());
    }

    [Fact]
    public async Task ADeliveryFailingForTwentyFourHoursIsGivenUpAndTheNextOneGoes()
    {
        _receiver.Answer = d => Task.FromResult(d.DeliveryId == "1" ? HttpStatusCode.InternalServerError : HttpStatusCode.OK);
        using var coordinator = api.CreateCoordinatorClient();
        var (id, _) = await CreateAsync(coordinator, _receiver.Url, "municipality.created");

        await api.CreateMunicipalityAsync("hook-lost", "LT");
        await api.CreateMunicipalityAsync("hook-next", "LT");
        await _receiver.WaitUntilAsync(r => r.Count(d => d.DeliveryId == "1") >= 2, Patience);
        Assert.DoesNotContain(_receiver.Received, d => d.DeliveryId == "2");

        api.Clock.Advance(TimeSpan.FromHours(24));
        await _receiver.WaitUntilAsync(r => r.Any(d => d.DeliveryId == "2" && d.Status == HttpStatusCode.OK), Patience);

        await api.CreateMunicipalityAsync("hook-after", "LT");
        await _receiver.WaitUntilAsync(r => r.Any(d => d.DeliveryId == "3" && d.Status == HttpStatusCode.OK), Patience);
        var deliveries = (await (await coordinator.GetAsync($"/webhooks/{id}/deliveries")).AssertJsonAsync(HttpStatusCode.OK)).EnumerateArray().Skip(1).ToList();
        Assert.Equal(["delivered", "failed"], deliveries.Select(d => d.GetProperty("status").GetString()));
        Assert.Equal("answered 500", deliveries[1].GetProperty("lastError").GetString());
    }

    [Fact]
    public async Task WebhooksAreListedReadAndDeletedByTheirOwnerAndTheCoordinatorOnly()
    {
        var owner = api.CreateClient(await api.CreateMunicipalityAsync("hook-owner", "IT"));
        var other = api.CreateClient(await api.CreateMunicipalityAsync("hook-other", "SI"));
        using var coordinator = api.CreateCoordinatorClient();

        var created = await (await owner.PostAsJsonAsync("/webhooks", new { url = "https://hooks.example.org/collaboration", kinds = new[] { "agreement.drafted" } }))
            .AssertJsonAsync(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetString()!;
        Assert.Equal(64, created.GetProperty("secret").GetString()!.Length);

        var listed = await (await owner.GetAsync("/webhooks")).AssertJsonAsync(HttpStatusCode.OK);
        var item = Assert.Single(listed.EnumerateArray());
        Assert.Equal(id, item.GetProperty("id").GetString());
        Assert.False(item.TryGetProperty("secret", out _));
        Assert.Empty((await (await other.GetAsync("/webhooks")).AssertJsonAsync(HttpStatusCode.OK)).EnumerateArray());
        await (await other.GetAsync($"/webhooks/{id}")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await other.DeleteAsync($"/webhooks/{id}")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await coordinator.GetAsync($"/webhooks/{id}")).AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal(HttpStatusCode.NoContent, (await owner.DeleteAsync($"/webhooks/{id}")).StatusCode);
        await (await owner.GetAsync($"/webhooks/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await owner.GetAsync("/webhooks/wh-0000000000000000/deliveries")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("http://hooks.example.org/x", "exchange.replied", "url")]
    [InlineData("ftp://127.0.0.1/x", "exchange.replied", "url")]
    [InlineData("https://user:secret@hooks.example.org/x", "exchange.replied", "url")]
    [InlineData("https://hooks.example.org/x", "exchange.posted", "kinds")]
    [InlineData("", "exchange.replied", "url")]
    public async Task AWebhookNeedsAnHttpsUrlAndKindsOfItsOwnersItems(string url, string kind, string field)
    {
        var owner = api.CreateClient(await api.CreateMunicipalityAsync($"hook-invalid-{field}-{Math.Abs(url.GetHashCode(StringComparison.Ordinal)) % 100000}", "IT"));

        await (await owner.PostAsJsonAsync("/webhooks", new { url, kinds = new[] { kind } })).AssertValidationProblemAsync(field);
    }

    private static async Task<(string Id, string Secret)> CreateAsync(HttpClient client, Uri url, params string[] kinds)
    {
        var created = await (await client.PostAsJsonAsync("/webhooks", new { url, kinds })).AssertJsonAsync(HttpStatusCode.Created);
        Assert.Equal(url.ToString(), created.GetProperty("url").GetString());
        return (created.GetProperty("id").GetString()!, created.GetProperty("secret").GetString()!);
    }
}
