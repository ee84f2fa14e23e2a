using System.Net;
using System.Net.Http.Json;
using Collaboration.Api.Tests.Support;

namespace Collaboration.Api.Tests.Exchanges;

// Not sealed: AzureTable/ runs these tests again on Azure Table storage.
public class ExchangePostingApiTests(CollaborationApiFactory api) : IClassFixture<CollaborationApiFactory>
{
    [Fact]
    public async Task AMunicipalityPostsAnExchangeAsItsAuthorAndABodyNamingAnotherIsRefused()
    {
        var net = new ExchangeNetwork(api, "post1");
        await net.AddPartnersAsync(("novo-mesto", "SI"), ("canepina", "IT"));
        using var novoMesto = net.As("novo-mesto");

        // The author is the caller: a body that names one (or its country, or a date) is refused, naming the field.
        var forged = await novoMesto.PostAsJsonAsync("/exchanges", new
        {
            kind = "goodPractice",
            title = "Local partnership with NGOs",
            summary = "The municipality and local NGOs integrate immigrants together.",
            themes = new[] { "Integration" },
            author = net.Id("canepina"),
        });
        await forged.AssertValidationProblemAsync("author");

        var response = await novoMesto.PostAsJsonAsync("/exchanges", new
        {
            kind = "goodPractice",
            title = "Local partnership with NGOs",
            summary = "The municipality and local NGOs integrate immigrants together.",
            body = "A charter, a shared office and a yearly plan.",
            themes = new[] { "Integration", "NGOs" },
            language = "en",
        });

        var created = await response.AssertJsonAsync(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetString()!;
        Assert.Matches("^ex-[0-9a-f]{32}$", id);
        Assert.Equal($"/exchanges/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal(net.Id("novo-mesto"), created.GetProperty("author").GetString());
        Assert.Equal("SI", created.GetProperty("authorCountry").GetString());
        Assert.True(created.GetProperty("createdAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-5));
        Assert.Equal(["integration", "ngos"], created.GetProperty("themes").EnumerateArray().Select(t => t.GetString()));

        using var coordinator = api.CreateCoordinatorClient();
        var read = await (await coordinator.GetAsync($"/exchanges/{id}")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(net.Id("novo-mesto"), read.GetProperty("author").GetString());
        Assert.Equal("A charter, a shared office and a yearly plan.", read.GetProperty("body").GetString());
        Assert.Equal(0, read.GetProperty("replies").GetArrayLength());
        Assert.Equal(0, read.GetProperty("adoptions").GetArrayLength());
    }

    [Fact]
    public async Task ACoordinatorCannotPostAnExchange()
    {
        using var coordinator = api.CreateCoordinatorClient();

        var response = await coordinator.PostAsJsonAsync("/exchanges", new { kind = "question", title = "Who?", summary = "Anyone?", themes = new[] { "x" } });

        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task PostingWithoutAKeyIsUnauthorized()
    {
        using var anonymous = api.CreateClient(apiKey: null);

        var response = await anonymous.PostAsJsonAsync("/exchanges", new { kind = "question", title = "Who?", summary = "Anyone?", themes = new[] { "x" } });

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task InvalidFieldsAreAllNamed()
    {
        var net = new ExchangeNetwork(api, "post2");
        await net.AddPartnersAsync(("kelme", "LT"));
        using var kelme = net.As("kelme");

        var response = await kelme.PostAsJsonAsync("/exchanges", new
        {
            title = "",
            summary = new string('s', 2001),
            themes = Array.Empty<string>(),
            projectId = "Not A Slug",
            language = "english please",
        });

        await response.AssertValidationProblemAsync("kind", "title", "summary", "themes", "projectId", "language");
    }

    [Fact]
    public async Task AnUnknownKindIsABadRequestNamingTheField()
    {
        var net = new ExchangeNetwork(api, "post3");
        await net.AddPartnersAsync(("kelme", "LT"));
        using var kelme = net.As("kelme");

        var response = await kelme.PostAsJsonAsync("/exchanges", new { kind = "rumour", title = "T", summary = "S", themes = new[] { "x" } });

        await response.AssertValidationProblemAsync("kind");
    }

    [Fact]
    public async Task APartnerOfAProjectMayTieItsExchangeToItButNoOtherTownMay()
    {
        var net = new ExchangeNetwork(api, "post4");
        await net.AddPartnersAsync(("canepina", "IT"), ("gallese", "IT"), ("herceg-novi", "ME"));
        await net.AddProjectAsync("shelter", "canepina", "gallese");

        var tied = await net.PostAsync("gallese", "Hosting families", projectId: net.Id("shelter"));
        using var hercegNovi = net.As("herceg-novi");
        var outsider = await hercegNovi.PostAsJsonAsync("/exchanges", new { kind = "goodPractice", title = "T", summary = "S", themes = new[] { "x" }, projectId = net.Id("shelter") });
        var unknown = await hercegNovi.PostAsJsonAsync("/exchanges", new { kind = "goodPractice", title = "T", summary = "S", themes = new[] { "x" }, projectId = net.Id("nowhere") });

        Assert.Equal(net.Id("shelter"), tied.GetProperty("projectId").GetString());
        await outsider.AssertProblemAsync(HttpStatusCode.Forbidden);
        await unknown.AssertValidationProblemAsync("projectId");
    }

    [Fact]
    public async Task ARetryWithTheSameIdempotencyKeyPostsOnce()
    {
        var net = new ExchangeNetwork(api, "post5");
        await net.AddPartnersAsync(("kelme", "LT"));
        using var kelme = net.As("kelme");
        var body = new { kind = "lessonLearned", title = "Once", summary = "Only once", themes = new[] { net.Theme } };

        var first = await SendWithKeyAsync(kelme, body);
        var retry = await SendWithKeyAsync(kelme, body);

        var a = await first.AssertJsonAsync(HttpStatusCode.Created);
        var b = await retry.AssertJsonAsync(HttpStatusCode.Created);
        Assert.Equal(a.GetProperty("id").GetString(), b.GetProperty("id").GetString());
        var list = await (await kelme.GetAsync($"/exchanges?author={net.Id("kelme")}")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(1, list.GetProperty("items").GetArrayLength());

        static Task<HttpResponseMessage> SendWithKeyAsync(HttpClient client, object body)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/exchanges") { Content = JsonContent.Create(body) };
            request.Headers.Add("Idempotency-Key", "post-once-1");
            return client.SendAsync(request);
        }
    }

    [Fact]
    public async Task AnUnknownOrMadeUpExchangeIsNotFound()
    {
        using var coordinator = api.CreateCoordinatorClient();

        await (await coordinator.GetAsync("/exchanges/ex-0190f2c6a1b27c3d8e9f0a1b2c3d4e5f")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await coordinator.GetAsync("/exchanges/..%2F..%2Fetc")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await coordinator.GetAsync($"/exchanges/{new string('x', 3000)}")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AnExchangeAnswersWithAnETagThatChangesWithItsDiscussion()
    {
        var net = new ExchangeNetwork(api, "post6");
        await net.AddPartnersAsync(("kelme", "LT"), ("gallese", "IT"));
        var id = (await net.PostAsync("kelme", "How do you reach young volunteers?", kind: "question")).GetProperty("id").GetString();
        using var gallese = net.As("gallese");

        var before = await gallese.GetAsync($"/exchanges/{id}");
        var again = await gallese.GetAsync($"/exchanges/{id}");
        (await gallese.PostAsJsonAsync($"/exchanges/{id}/replies", new { body = "Through the youth centre." })).EnsureSuccessStatusCode();
        var after = await gallese.GetAsync($"/exchanges/{id}");

        Assert.NotNull(before.Headers.ETag);
        Assert.Equal(before.Headers.ETag, again.Headers.ETag);
        Assert.NotEqual(before.Headers.ETag, after.Headers.ETag);
    }

    [Fact]
    public async Task AMunicipalityRepliesInItsOwnNameAndTheReplyShowsInTheExchange()
    {
        var net = new ExchangeNetwork(api, "reply1");
        await net.AddPartnersAsync(("kelme", "LT"), ("herceg-novi", "ME"));
        var id = (await net.PostAsync("kelme", "How do you reach young volunteers?", kind: "question")).GetProperty("id").GetString();
        using var hercegNovi = net.As("herceg-novi");

        var response = await hercegNovi.PostAsJsonAsync($"/exchanges/{id}/replies", new { body = "  Through the youth centre.  " });

        var reply = await response.AssertJsonAsync(HttpStatusCode.Created);
        Assert.Equal(net.Id("herceg-novi"), reply.GetProperty("author").GetString());
        Assert.Equal("Through the youth centre.", reply.GetProperty("body").GetString());
        Assert.Equal(reply.GetProperty("id").GetString(), (await (await hercegNovi.GetAsync(response.Headers.Location)).AssertJsonAsync(HttpStatusCode.OK)).GetProperty("id").GetString());
        var exchange = await (await hercegNovi.GetAsync($"/exchanges/{id}")).AssertJsonAsync(HttpStatusCode.OK);
        var shown = Assert.Single(exchange.GetProperty("replies").EnumerateArray());
        Assert.Equal(net.Id("herceg-novi"), shown.GetProperty("author").GetString());
        Assert.Equal(1, exchange.GetProperty("replyCount").GetInt64());
    }

    [Fact]
    public async Task RepliesAreRefusedFromCoordinatorsToUnknownExchangesAndWhenEmpty()
    {
        var net = new ExchangeNetwork(api, "reply2");
        await net.AddPartnersAsync(("kelme", "LT"));
        var id = (await net.PostAsync("kelme", "A question", kind: "question")).GetProperty("id").GetString();
        using var coordinator = api.CreateCoordinatorClient();
        using var kelme = net.As("kelme");

        await (await coordinator.PostAsJsonAsync($"/exchanges/{id}/replies", new { body = "Hello" })).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await kelme.PostAsJsonAsync("/exchanges/ex-0190f2c6a1b27c3d8e9f0a1b2c3d4e5f/replies", new { body = "Hello" })).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await kelme.PostAsJsonAsync($"/exchanges/{id}/replies", new { body = "   " })).AssertValidationProblemAsync("body");
    }

    [Fact]
    public async Task EveryReplyCanBeReadPageByPageOldestFirst()
    {
        var net = new ExchangeNetwork(api, "reply3");
        await net.AddPartnersAsync(("kelme", "LT"), ("gallese", "IT"));
        var id = (await net.PostAsync("kelme", "A popular question", kind: "question")).GetProperty("id").GetString();
        using var gallese = net.As("gallese");
        for (var i = 0; i < 5; i++)
        {
            (await gallese.PostAsJsonAsync($"/exchanges/{id}/replies", new { body = $"Reply {i}" })).EnsureSuccessStatusCode();
        }

        var bodies = new List<string>();
        string? cursor = null;
        do
        {
            var page = await (await gallese.GetAsync($"/exchanges/{id}/replies?limit=2{(cursor is null ? "" : "&cursor=" + cursor)}")).AssertJsonAsync(HttpStatusCode.OK);
            bodies.AddRange(page.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("body").GetString()!));
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);

        Assert.Equal(["Reply 0", "Reply 1", "Reply 2", "Reply 3", "Reply 4"], bodies);
    }
}
