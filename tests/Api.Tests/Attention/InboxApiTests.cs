using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Collaboration.Api.Tests.Events;
using Collaboration.Api.Tests.Support;

namespace Collaboration.Api.Tests.Attention;

/// <summary>A partner's inbox through the API: one item per kind of thing that needs it, newest first, read marks, access.</summary>
public sealed class InboxApiTests(CollaborationApiFactory api) : IClassFixture<CollaborationApiFactory>
{
    [Fact]
    public async Task APartnerFindsEveryKindOfItemThatConcernsItNewestFirst()
    {
        var net = new EventsNetwork(api);
        await net.ProjectAsync("inbox-p", "Inbox project", "networkOfTowns", "2026-01-01", "2027-06-30",
            ("inbox-lead", "IT", "Lead"), ("inbox-b", "SI", "Bee"));
        await net.PartnerAsync("inbox-c", "ME", "Sea");
        using var coordinator = net.Coordinator();
        using var lead = net.As("inbox-lead");
        using var b = net.As("inbox-b");
        using var c = net.As("inbox-c");

        await (await coordinator.PostAsJsonAsync("/projects/inbox-p/partners", new { municipalityId = "inbox-c" })).AssertJsonAsync(HttpStatusCode.OK);
        await EventsNetwork.CreateEventAsync(lead, "inbox-p", EventsNetwork.Body("inbox-lead", "2026-03-02", "2026-03-04"));
        var exchange = await (await b.PostAsJsonAsync("/exchanges", new
        {
            kind = "goodPractice", title = "Welcome desks", summary = "A desk for newcomers in the town hall.", themes = new[] { "integration" },
        })).AssertJsonAsync(HttpStatusCode.Created);
        var exchangeId = exchange.GetProperty("id").GetString()!;
        await (await lead.PostAsJsonAsync($"/exchanges/{exchangeId}/replies", new { body = "How many people staff it?" })).AssertJsonAsync(HttpStatusCode.Created);
        await (await c.PutAsJsonAsync($"/exchanges/{exchangeId}/adoptions/inbox-c", new { status = "interested" })).AssertJsonAsync(HttpStatusCode.Created);
        var agreement = await (await lead.PostAsJsonAsync("/agreements", new
        {
            title = "Inbox agreement", areas = new[] { "culture" }, parties = new[] { "inbox-lead", "inbox-b" }, text = "We cooperate.",
        })).AssertJsonAsync(HttpStatusCode.Created);
        var agreementId = agreement.GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.NoContent, (await coordinator.DeleteAsync("/projects/inbox-p/partners/inbox-c")).StatusCode);

        var inbox = await (await b.GetAsync("/municipalities/inbox-b/inbox")).AssertJsonAsync(HttpStatusCode.OK);

        var items = inbox.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(
            ["project.partnerRemoved", "agreement.drafted", "adoption.changed", "exchange.replied", "event.created", "project.partnerAdded", "project.created"],
            items.Select(i => i.GetProperty("kind").GetString()));
        Assert.Equal(["id", "at", "kind", "subject", "summary", "read"], items[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(Enumerable.Range(1, 7).Reverse().Select(i => (long)i), items.Select(i => i.GetProperty("id").GetInt64()));
        Assert.All(items, i => Assert.False(i.GetProperty("read").GetBoolean()));
        Assert.Equal(7, inbox.GetProperty("unread").GetInt64());
        Assert.Equal(JsonValueKind.Null, inbox.TryGetProperty("nextCursor", out var next) ? next.ValueKind : JsonValueKind.Null);
        Assert.Equal($"agreement/{agreementId}", items[1].GetProperty("subject").GetString());
        Assert.Contains("awaits your signature", items[1].GetProperty("summary").GetString());
        Assert.Equal($"exchange/{exchangeId}", items[3].GetProperty("subject").GetString());
        Assert.Contains("not recorded yet", items[4].GetProperty("summary").GetString());
        // Names, not ids: the partner that left is "Sea" (inbox-c).
        Assert.Equal("Sea left project INBOX-P", items[0].GetProperty("summary").GetString());
        Assert.Equal("Lead replied to «Welcome desks»", items[3].GetProperty("summary").GetString());

        // Whoever acted is not told of it: the lead drafted, recorded the event and replied.
        var leadKinds = await KindsAsync(lead, "inbox-lead");
        Assert.Equal(["project.partnerRemoved", "project.partnerAdded", "project.created"], leadKinds);

        // The partner that left hears of it, and of what happened while it was a partner; not of the agreement it is no party to.
        var cKinds = await KindsAsync(c, "inbox-c");
        Assert.Equal(["project.partnerRemoved", "event.created", "project.partnerAdded"], cKinds);
    }

    [Fact]
    public async Task PagesFollowTheCursorAndReadMarksCountDownTheUnread()
    {
        var net = new EventsNetwork(api);
        await net.ProjectAsync("inbox-pages", "Paging", "networkOfTowns", "2026-01-01", "2027-06-30",
            ("pages-lead", "IT", "Lead"), ("pages-b", "SI", "Bee"));
        using var lead = net.As("pages-lead");
        using var b = net.As("pages-b");
        for (var i = 0; i < 4; i++)
        {
            await EventsNetwork.CreateEventAsync(lead, "inbox-pages", EventsNetwork.Body("pages-lead", "2026-03-02", "2026-03-03", title: $"Workshop {i}"));
        }

        var first = await (await b.GetAsync("/municipalities/pages-b/inbox?limit=2")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal([5L, 4L], Ids(first));
        Assert.Equal(4, first.GetProperty("nextCursor").GetInt64());
        var second = await (await b.GetAsync("/municipalities/pages-b/inbox?limit=2&after=4")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal([3L, 2L], Ids(second));
        var last = await (await b.GetAsync($"/municipalities/pages-b/inbox?limit=2&after={second.GetProperty("nextCursor").GetInt64()}")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal([1L], Ids(last));
        Assert.False(last.TryGetProperty("nextCursor", out _));

        var marked = await (await b.PostAsJsonAsync("/municipalities/pages-b/inbox/read", new { upTo = 3 })).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(2, marked.GetProperty("unread").GetInt64());
        var after = await (await b.GetAsync("/municipalities/pages-b/inbox")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal([false, false, true, true, true], after.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("read").GetBoolean()));
        Assert.Equal(2, after.GetProperty("unread").GetInt64());

        // A lower mark changes nothing; a mark past the newest item does not read items yet to come.
        await (await b.PostAsJsonAsync("/municipalities/pages-b/inbox/read", new { upTo = 1 })).AssertJsonAsync(HttpStatusCode.OK);
        var all = await (await b.PostAsJsonAsync("/municipalities/pages-b/inbox/read", new { upTo = 1000 })).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(0, all.GetProperty("unread").GetInt64());
        await EventsNetwork.CreateEventAsync(lead, "inbox-pages", EventsNetwork.Body("pages-lead", "2026-04-02", "2026-04-03"));
        var fresh = await (await b.GetAsync("/municipalities/pages-b/inbox?limit=1")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(1, fresh.GetProperty("unread").GetInt64());
        Assert.False(fresh.GetProperty("items")[0].GetProperty("read").GetBoolean());
    }

    [Fact]
    public async Task OnlyThePartnerItselfAndTheCoordinatorReadAnInbox()
    {
        var own = api.CreateClient(await api.CreateMunicipalityAsync("inbox-own", "IT"));
        var other = api.CreateClient(await api.CreateMunicipalityAsync("inbox-other", "SI"));
        using var coordinator = api.CreateCoordinatorClient();

        await (await own.GetAsync("/municipalities/inbox-own/inbox")).AssertJsonAsync(HttpStatusCode.OK);
        await (await coordinator.GetAsync("/municipalities/inbox-own/inbox")).AssertJsonAsync(HttpStatusCode.OK);
        await (await other.GetAsync("/municipalities/inbox-own/inbox")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await other.PostAsJsonAsync("/municipalities/inbox-own/inbox/read", new { upTo = 1 })).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await coordinator.GetAsync("/municipalities/nobody-here/inbox")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await api.CreateClient().GetAsync("/municipalities/inbox-own/inbox")).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("params-1", "after=0", "after")]
    [InlineData("params-2", "after=x", "after")]
    [InlineData("params-3", "limit=0", "limit")]
    [InlineData("params-4", "limit=101", "limit")]
    public async Task InvalidInboxParametersAreNamed(string partner, string query, string field)
    {
        using var coordinator = api.CreateCoordinatorClient();
        await api.CreateMunicipalityAsync(partner, "IT");

        await (await coordinator.GetAsync($"/municipalities/{partner}/inbox?{query}")).AssertValidationProblemAsync(field);
    }

    [Fact]
    public async Task AReadMarkNeedsAnItemId()
    {
        var own = api.CreateClient(await api.CreateMunicipalityAsync("inbox-mark", "IT"));

        await (await own.PostAsJsonAsync("/municipalities/inbox-mark/inbox/read", new { })).AssertValidationProblemAsync("upTo");
        await (await own.PostAsJsonAsync("/municipalities/inbox-mark/inbox/read", new { upTo = -1 })).AssertValidationProblemAsync("upTo");
    }

    private static List<long> Ids(JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()).ToList();

    private static async Task<List<string?>> KindsAsync(HttpClient client, string id)
    {
        var inbox = await (await client.GetAsync($"/municipalities/{id}/inbox")).AssertJsonAsync(HttpStatusCode.OK);
        return inbox.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("kind").GetString()).ToList();
    }
}
