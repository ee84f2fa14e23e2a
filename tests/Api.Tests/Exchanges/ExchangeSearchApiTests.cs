using System.Net;
using System.Text.Json;
using Collaboration.Api.Tests.Support;

namespace Collaboration.Api.Tests.Exchanges;

// Not sealed: AzureTable/ runs these tests again on Azure Table storage.
public class ExchangeSearchApiTests(CollaborationApiFactory api) : IClassFixture<CollaborationApiFactory>
{
    private async Task<List<string>> TitlesAsync(string query)
    {
        using var coordinator = api.CreateCoordinatorClient();
        var page = await (await coordinator.GetAsync($"/exchanges?limit=100&{query}")).AssertJsonAsync(HttpStatusCode.OK);
        return page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()!).ToList();
    }

    [Fact]
    public async Task EveryFilterNarrowsTheListNewestFirstAndFiltersCombine()
    {
        var net = new ExchangeNetwork(api, "filter1");
        await net.AddPartnersAsync(("canepina", "IT"), ("gallese", "IT"), ("novo-mesto", "SI"), ("kelme", "LT"));
        await net.AddProjectAsync("shelter", "canepina", "novo-mesto");
        var theme = Uri.EscapeDataString(net.Theme);
        await net.PostAsync("canepina", "Hosting families", themes: [net.Theme, "Housing"], projectId: net.Id("shelter"));
        await net.PostAsync("gallese", "Volunteer desk", kind: "lessonLearned", themes: [net.Theme, "volunteering"]);
        await net.PostAsync("novo-mesto", "NGO charter", projectId: net.Id("shelter"));
        await net.PostAsync("kelme", "Who funds NGOs?", kind: "question");
        await net.PostAsync("kelme", "Grant calendar", kind: "resource");

        Assert.Equal(["Grant calendar", "Who funds NGOs?", "NGO charter", "Volunteer desk", "Hosting families"], await TitlesAsync($"theme={theme}"));
        Assert.Equal(["Volunteer desk", "Hosting families"], await TitlesAsync($"theme={theme}&country=IT"));
        Assert.Equal(["Volunteer desk", "Hosting families"], await TitlesAsync($"theme={theme}&country=it"));
        Assert.Equal(["Grant calendar", "Who funds NGOs?"], await TitlesAsync($"author={net.Id("kelme")}"));
        Assert.Equal(["NGO charter", "Hosting families"], await TitlesAsync($"projectId={net.Id("shelter")}"));
        Assert.Equal(["Who funds NGOs?"], await TitlesAsync($"theme={theme}&kind=question"));
        Assert.Equal(["Volunteer desk"], await TitlesAsync($"theme={theme}&kind=lessonLearned"));
        Assert.Equal(["Grant calendar"], await TitlesAsync($"theme={theme}&kind=resource"));
        Assert.Equal(["Hosting families"], await TitlesAsync($"theme=HOUSING&author={net.Id("canepina")}"));
        Assert.Equal(["Hosting families"], await TitlesAsync($"theme={theme}&country=IT&kind=goodPractice&projectId={net.Id("shelter")}"));
        Assert.Empty(await TitlesAsync($"theme={theme}&country=ME"));
    }

    [Fact]
    public async Task InvalidFiltersLimitsAndCursorsAreBadRequestsNamingEachField()
    {
        using var coordinator = api.CreateCoordinatorClient();

        var response = await coordinator.GetAsync("/exchanges?kind=rumour&country=Slovenia&author=Not%20A%20Slug&projectId=..%2Fx&limit=0&cursor=bm90LWEtY3Vyc29y");

        await response.AssertValidationProblemAsync("kind", "country", "author", "projectId", "limit", "cursor");
        await (await coordinator.GetAsync("/exchanges?limit=abc")).AssertValidationProblemAsync("limit");
        await (await coordinator.GetAsync("/exchanges?limit=101")).AssertValidationProblemAsync("limit");
        await (await coordinator.GetAsync("/exchanges?limit=99999999999999")).AssertValidationProblemAsync("limit");
        await (await coordinator.GetAsync($"/exchanges?q={new string('q', 201)}")).AssertValidationProblemAsync("q");
    }

    [Fact]
    public async Task TheDefaultPageHoldsTwentyExchanges()
    {
        var net = new ExchangeNetwork(api, "limit1");
        await net.AddPartnersAsync(("kelme", "LT"));
        for (var i = 0; i < 22; i++)
        {
            await net.PostAsync("kelme", $"Item {i}");
        }

        using var coordinator = api.CreateCoordinatorClient();
        var page = await (await coordinator.GetAsync($"/exchanges?author={net.Id("kelme")}")).AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal(20, page.GetProperty("items").GetArrayLength());
        Assert.Equal(JsonValueKind.String, page.GetProperty("nextCursor").ValueKind);
        Assert.False(page.GetProperty("items")[0].TryGetProperty("body", out _));
    }

    [Fact]
    public async Task SearchFindsWordsInTitleSummaryAndBodyWhateverTheirCaseAndDiacritics()
    {
        var net = new ExchangeNetwork(api, "search1");
        await net.AddPartnersAsync(("kelme", "LT"), ("canepina", "IT"), ("novo-mesto", "SI"));
        var theme = Uri.EscapeDataString(net.Theme);
        await net.PostAsync("kelme", "Kelmė youth centre", body: "Volunteers meet every Thursday in the Kultūros namai.");
        await net.PostAsync("canepina", "Accoglienza diffusa", summary: "Famiglie ospitano rifugiati.", body: "Integración local y participación ciudadana.");
        await net.PostAsync("novo-mesto", "Lokalno partnerstvo", summary: "Občina in nevladne organizacije skupaj.");

        Assert.Equal(["Kelmė youth centre"], await TitlesAsync($"theme={theme}&q=kelme"));
        Assert.Equal(["Kelmė youth centre"], await TitlesAsync($"theme={theme}&q={Uri.EscapeDataString("KELMĖ")}"));
        Assert.Equal(["Kelmė youth centre"], await TitlesAsync($"theme={theme}&q=kulturos"));
        Assert.Equal(["Kelmė youth centre"], await TitlesAsync($"theme={theme}&q=thursday%20VOLUNTEERS"));
        Assert.Equal(["Accoglienza diffusa"], await TitlesAsync($"theme={theme}&q=integracion"));
        Assert.Equal(["Accoglienza diffusa"], await TitlesAsync($"theme={theme}&q=rifug*"));
        Assert.Equal(["Lokalno partnerstvo"], await TitlesAsync($"theme={theme}&q=obcina"));
        Assert.Empty(await TitlesAsync($"theme={theme}&q=kelme%20rifugiati"));
    }

    [Theory]
    [InlineData("\"local partnership\"", "Local partnership with NGOs")]
    [InlineData("\"partnership local\"", "")]
    [InlineData("\"LOCAL partn\"*", "Local partnership with NGOs")]
    [InlineData("Laragne-Montéglin", "Laragne-Montéglin welcomes families")]
    [InlineData("integration OR inclusion", "Inclusion through sport|Integration of migrants")]
    [InlineData("integration OR inclusion migrants", "Integration of migrants")]
    [InlineData("\"local partnership\" OR sport", "Inclusion through sport|Local partnership with NGOs")]
    [InlineData("migr* -tourism", "Integration of migrants")]
    [InlineData("migr*", "Migrant tourism|Integration of migrants")]
    [InlineData("migr", "")]
    [InlineData("families -\"tourism mass\"", "Laragne-Montéglin welcomes families")]
    [InlineData("families -\"mass tourism\"", "")]
    [InlineData("\"local partnership\" integration OR inclusion -tourism migr*", "")]
    [InlineData("\"local partnership\" ngos OR sport -tourism", "Local partnership with NGOs")]
    [InlineData("ngos OR families -laragne", "Local partnership with NGOs|Integration of migrants")]
    [InlineData("sport or", "")]
    public async Task SearchUnderstandsPhrasesOrExclusionsAndPrefixes(string q, string expected)
    {
        var net = new ExchangeNetwork(api, $"syntax{Math.Abs(q.GetHashCode(StringComparison.Ordinal)) % 1_000_000}");
        await net.AddPartnersAsync(("novo-mesto", "SI"), ("canepina", "IT"), ("laragne", "FR"), ("kelme", "LT"));
        await net.PostAsync("novo-mesto", "Integration of migrants", summary: "The municipality and its NGOs together.");
        await net.PostAsync("laragne", "Laragne-Montéglin welcomes families", summary: "Mass tourism is not the only guest.");
        await net.PostAsync("canepina", "Migrant tourism", summary: "Visitors who came to stay.");
        await net.PostAsync("kelme", "Local partnership with NGOs", summary: "Partnership between the town hall and NGOs.");
        await net.PostAsync("kelme", "Inclusion through sport", summary: "Football for newcomers.");

        Assert.Equal(expected.Split('|', StringSplitOptions.RemoveEmptyEntries), await TitlesAsync($"theme={Uri.EscapeDataString(net.Theme)}&q={Uri.EscapeDataString(q)}"));
    }

    [Theory]
    [InlineData("\"youth", 1)]
    [InlineData("\"youth\"", 1)]
    [InlineData("youth*", 1)]
    [InlineData("(youth) centre", 1)]
    [InlineData("^youth", 1)]
    [InlineData("{youth centre}", 1)]
    [InlineData("😀 youth", 1)]
    [InlineData("youth \u0000 centre", 1)]
    [InlineData("youth\" OR \"x", 0)]
    [InlineData("youth AND NOT centre", 0)]
    [InlineData("youth NOT centre", 0)]
    [InlineData("NEAR(youth centre, 2)", 0)]
    [InlineData("title:youth", 0)]
    [InlineData("text:youth", 0)]
    [InlineData("'; DROP TABLE index_doc; --", 0)]
    public async Task Fts5AndSqlSyntaxInTheSearchIsOnlyWordsThatMustAllOccur(string q, int expected)
    {
        // FTS5 operators and column filters are plain words and separators here, never FTS5 or SQL syntax.
        var net = new ExchangeNetwork(api, $"q{Math.Abs(q.GetHashCode(StringComparison.Ordinal)) % 1_000_000}");
        await net.AddPartnersAsync(("kelme", "LT"));
        await net.PostAsync("kelme", "Youth centre");
        await net.PostAsync("kelme", "Volunteer desk");
        using var coordinator = api.CreateCoordinatorClient();

        var response = await coordinator.GetAsync($"/exchanges?theme={Uri.EscapeDataString(net.Theme)}&q={Uri.EscapeDataString(q)}");

        var page = await response.AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(expected, page.GetProperty("items").GetArrayLength());
        if (expected == 1)
        {
            Assert.Equal("Youth centre", page.GetProperty("items")[0].GetProperty("title").GetString());
        }
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("*")]
    [InlineData("(((")]
    [InlineData("%_\\")]
    [InlineData("\u0000\u0001")]
    [InlineData("\ud800")]
    [InlineData(" - \" ")]
    [InlineData("-\"")]
    [InlineData("\"\" * -")]
    public async Task AQueryWithoutAWordIs400SayingWhyRatherThanEveryExchange(string q)
    {
        using var coordinator = api.CreateCoordinatorClient();

        var response = await coordinator.GetAsync($"/exchanges?q={Uri.EscapeDataString(q)}");

        var problem = await response.AssertValidationProblemAsync("q");
        Assert.Contains("no word to search for", problem.GetProperty("errors").GetProperty("q")[0].GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-tourism", "nothing to search for")]
    [InlineData("-tourism -\"mass tourism\"", "nothing to search for")]
    [InlineData("OR integration", "`OR` must stand between two words or phrases, as in `integration OR inclusion`")]
    [InlineData("integration OR", "`OR` must stand between two words or phrases")]
    [InlineData("integration OR OR inclusion", "`OR` must stand between two words or phrases")]
    [InlineData("integration OR -tourism", "exclude it apart, as in `integration OR inclusion -tourism`")]
    public async Task AMalformedQueryIs400SayingWhatIsWrongAndHowToWriteIt(string q, string reason)
    {
        using var coordinator = api.CreateCoordinatorClient();

        var response = await coordinator.GetAsync($"/exchanges?q={Uri.EscapeDataString(q)}");

        var problem = await response.AssertValidationProblemAsync("q");
        Assert.Contains(reason, problem.GetProperty("errors").GetProperty("q")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoQueryTextEverAnswers500()
    {
        using var coordinator = api.CreateCoordinatorClient();
        var random = new Random(16);
        const string Alphabet = "aé OR-\"*():^{}\u0000\u0007\t\ud83dNEAR";
        var texts = Enumerable.Range(0, 60)
            .Select(_ => new string([.. Enumerable.Range(0, 1 + random.Next(30)).Select(_ => Alphabet[random.Next(Alphabet.Length)])]))
            .Concat([new string('"', 200), string.Concat(Enumerable.Repeat("a OR ", 40)) + "b", string.Concat(Enumerable.Repeat("-\"a\" ", 40)), new string('*', 201)]);

        foreach (var q in texts)
        {
            var response = await coordinator.GetAsync($"/exchanges?q={Uri.EscapeDataString(q)}");

            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{(int)response.StatusCode} for q={q}");
            if (response.StatusCode == HttpStatusCode.BadRequest)
            {
                await response.AssertValidationProblemAsync("q");
            }
        }
    }

    [Fact]
    public async Task TheOpenApiDocumentExplainsTheSearchSyntaxOfQWithSheltersWords()
    {
        using var anonymous = api.CreateClient(apiKey: null);

        var document = await (await anonymous.GetAsync("/openapi/v1.json")).AssertJsonAsync(HttpStatusCode.OK);

        var q = document.GetProperty("paths").GetProperty("/exchanges").GetProperty("get").GetProperty("parameters").EnumerateArray()
            .Single(p => p.GetProperty("name").GetString() == "q");
        var description = q.GetProperty("description").GetString()!;
        foreach (var part in new[] { "\"local partnership\"", "integration OR inclusion", "-tourism", "migr*", "400" })
        {
            Assert.Contains(part, description, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task PagingASearchWithOrAndAnExclusionWalksEveryMatchNewestFirstExactlyOnce()
    {
        var net = new ExchangeNetwork(api, "syntaxpaging1");
        await net.AddPartnersAsync(("kelme", "LT"), ("gallese", "IT"));
        var expected = new List<string>();
        for (var i = 0; i < 13; i++)
        {
            var title = (i % 3) switch { 0 => $"Integration {i}", 1 => $"Inclusion {i}", _ => $"Integration and tourism {i}" };
            var id = (await net.PostAsync(i % 2 == 0 ? "kelme" : "gallese", title)).GetProperty("id").GetString()!;
            if (i % 3 != 2)
            {
                expected.Insert(0, id);
            }
        }

        using var reader = api.CreateCoordinatorClient();
        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var url = $"/exchanges?theme={Uri.EscapeDataString(net.Theme)}&q={Uri.EscapeDataString("integration OR inclusion -tourism")}&limit=3{(cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor))}";
            var page = await (await reader.GetAsync(url)).AssertJsonAsync(HttpStatusCode.OK);
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!));
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);

        Assert.Equal(expected, seen);
    }

    [Fact]
    public async Task PagingWalksEveryMatchExactlyOnceWhileNewExchangesArrive()
    {
        var net = new ExchangeNetwork(api, "paging1");
        await net.AddPartnersAsync(("kelme", "LT"), ("gallese", "IT"));
        var existing = new List<string>();
        for (var i = 0; i < 23; i++)
        {
            existing.Add((await net.PostAsync(i % 2 == 0 ? "kelme" : "gallese", $"Practice {i}")).GetProperty("id").GetString()!);
        }

        using var reader = api.CreateCoordinatorClient();
        var seen = new List<string>();
        string? cursor = null;
        var arrived = new List<Task<JsonElement>>();
        do
        {
            var url = $"/exchanges?theme={Uri.EscapeDataString(net.Theme)}&limit=4{(cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor))}";
            var page = await (await reader.GetAsync(url)).AssertJsonAsync(HttpStatusCode.OK);
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!));
            cursor = page.GetProperty("nextCursor").GetString();

            // New posts of the same theme arrive between pages and while the next page is read.
            await net.PostAsync("kelme", $"Arrived after page {seen.Count}");
            arrived.Add(net.PostAsync("gallese", $"Arrived during page {seen.Count}"));
        }
        while (cursor is not null);

        await Task.WhenAll(arrived);
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Empty(existing.Except(seen));
        Assert.Equal(existing.AsEnumerable().Reverse(), seen.Where(existing.Contains));
    }

    [Fact]
    public async Task ATamperedCursorIsABadRequest()
    {
        using var coordinator = api.CreateCoordinatorClient();

        foreach (var cursor in new[] { "garbage!", "AAAA", "MTpub3Q6YQ", new string('A', 1000), "%00" })
        {
            await (await coordinator.GetAsync($"/exchanges?cursor={Uri.EscapeDataString(cursor)}")).AssertValidationProblemAsync("cursor");
        }
    }
}
