using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Collaboration.Api.Tests.Events;
using Collaboration.Api.Tests.Support;

namespace Collaboration.Api.Tests.Attention;

/// <summary>
/// A deactivated partner has left the network for the time being: no quiet-partner alert is raised for it and its
/// inbox takes no new items, until the coordinator brings it back. A class of its own: it moves the domain clock.
/// </summary>
public sealed class DeactivatedPartnerAttentionTests(AttentionApiFactory api) : IClassFixture<AttentionApiFactory>
{
    [Fact]
    public async Task ADeactivatedPartnerIsNeverAlertedAsQuietAndIsWatchedAgainOnceReactivated()
    {
        var net = new EventsNetwork(api);
        await net.PartnerAsync("quiet-kelme", "LT", "Kelmė");
        using var coordinator = net.Coordinator();
        api.Clock.Advance(TimeSpan.FromDays(91));

        // Ninety-one days without a word: deactivating evaluates its watch, and a deactivated partner is not quiet.
        await (await coordinator.PostAsync("/municipalities/quiet-kelme/deactivation", null)).AssertJsonAsync(HttpStatusCode.OK);
        Assert.DoesNotContain(await AlertsAsync(coordinator), a => a.GetProperty("subject").GetString() == "municipality/quiet-kelme");

        // Back in the network, its silence (which the coordinator's actions did not break) is alerted again ...
        await (await coordinator.PostAsync("/municipalities/quiet-kelme/reactivation", null)).AssertJsonAsync(HttpStatusCode.OK);
        var quiet = Assert.Single(await AlertsAsync(coordinator), a => a.GetProperty("subject").GetString() == "municipality/quiet-kelme");
        Assert.Equal("partner-quiet", quiet.GetProperty("code").GetString());
        Assert.Equal("no activity for 91 days (last on 2026-10-15)", quiet.GetProperty("detail").GetString());

        // ... and an open alert goes with a new deactivation.
        await (await coordinator.PostAsync("/municipalities/quiet-kelme/deactivation", null)).AssertJsonAsync(HttpStatusCode.OK);
        Assert.DoesNotContain(await AlertsAsync(coordinator), a => a.GetProperty("subject").GetString() == "municipality/quiet-kelme");
    }

    [Fact]
    public async Task ADeactivatedPartnerGetsNoNewInboxItemsUntilItIsReactivated()
    {
        var net = new EventsNetwork(api);
        await net.ProjectAsync("quiet-inbox", "Inbox while away", "networkOfTowns", "2026-01-01", "2027-06-30",
            ("away-gallese", "IT", "Gallese"), ("away-novo-mesto", "SI", "Novo mesto"));
        using var coordinator = net.Coordinator();
        using var gallese = net.As("away-gallese");
        using var novoMesto = net.As("away-novo-mesto");
        var exchange = await (await novoMesto.PostAsJsonAsync("/exchanges", new
        {
            kind = "goodPractice", title = "NGOs and the municipality integrating migrants",
            summary = "One office, one yearly plan and one charter for newcomers.", themes = new[] { "integration" },
        })).AssertJsonAsync(HttpStatusCode.Created);
        var exchangeId = exchange.GetProperty("id").GetString()!;
        var before = await InboxAsync(coordinator, "away-novo-mesto");

        await (await coordinator.PostAsync("/municipalities/away-novo-mesto/deactivation", null)).AssertJsonAsync(HttpStatusCode.OK);
        await (await gallese.PostAsJsonAsync($"/exchanges/{exchangeId}/replies", new { body = "Is the charter translated?" })).AssertJsonAsync(HttpStatusCode.Created);
        await EventsNetwork.CreateEventAsync(gallese, "quiet-inbox", EventsNetwork.Body("away-gallese", "2026-11-02", "2026-11-03"));

        // Read by the coordinator: the partner's own key is stopped while it is deactivated.
        var away = await InboxAsync(coordinator, "away-novo-mesto");
        Assert.Equal(Ids(before), Ids(away));

        await (await coordinator.PostAsync("/municipalities/away-novo-mesto/reactivation", null)).AssertJsonAsync(HttpStatusCode.OK);
        await (await gallese.PostAsJsonAsync($"/exchanges/{exchangeId}/replies", new { body = "We start in January." })).AssertJsonAsync(HttpStatusCode.Created);

        var back = await InboxAsync(novoMesto, "away-novo-mesto");
        var newest = back.GetProperty("items")[0];
        Assert.Equal("exchange.replied", newest.GetProperty("kind").GetString());
        Assert.Equal(Ids(before).Count + 1, Ids(back).Count);
        Assert.DoesNotContain(back.GetProperty("items").EnumerateArray(), i => i.GetProperty("kind").GetString() == "event.created");
    }

    private static async Task<JsonElement> InboxAsync(HttpClient client, string partner) =>
        await (await client.GetAsync($"/municipalities/{partner}/inbox?limit=100")).AssertJsonAsync(HttpStatusCode.OK);

    private static List<long> Ids(JsonElement inbox) =>
        inbox.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()).ToList();

    private static async Task<List<JsonElement>> AlertsAsync(HttpClient coordinator) =>
        (await (await coordinator.GetAsync("/network/alerts")).AssertJsonAsync(HttpStatusCode.OK)).EnumerateArray().ToList();
}
