using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Collaboration.Api.Tests.Support;

namespace Collaboration.Api.Tests.Reliability;

/// <summary>
/// Conflicting updates sent at the same moment: a conditional one never overwrites what its sender did not see (412),
/// and no acknowledged change is lost, whatever order the updates were applied in.
/// </summary>
public sealed class ConcurrencyTests(CollaborationApiFactory api) : IClassFixture<CollaborationApiFactory>
{
    private const int Writers = 16;

    [Fact]
    public async Task ConcurrentUpdatesWithTheSameIfMatchLetExactlyOneThroughAndRefuseTheRestWith412()
    {
        var key = await api.CreateMunicipalityAsync("race-if-match", "SI");
        using var town = api.CreateClient(key);
        var etag = (await town.GetAsync("/municipalities/race-if-match")).Headers.ETag!.Tag;

        var answers = await Task.WhenAll(Enumerable.Range(0, Writers).Select(async i =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Put, "/municipalities/race-if-match")
            {
                Content = JsonContent.Create(new { name = $"Writer {i}", country = "SI" }),
            };
            request.Headers.TryAddWithoutValidation("If-Match", etag);
            var response = await town.SendAsync(request);
            return (Name: $"Writer {i}", response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }));

        var winner = Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
        Assert.All(answers.Where(a => a != winner), a => Assert.Equal(HttpStatusCode.PreconditionFailed, a.StatusCode));
        Assert.Equal(winner.Name, (await ReadAsync(town, "/municipalities/race-if-match")).GetProperty("name").GetString());
    }

    [Fact]
    public async Task ConcurrentUnconditionalUpdatesAreEachStoredAsAVersionAndTheLastOneStands()
    {
        var key = await api.CreateMunicipalityAsync("race-blind", "SI");
        using var town = api.CreateClient(key);

        var answers = await Task.WhenAll(Enumerable.Range(0, Writers).Select(async i =>
        {
            var response = await town.PutAsJsonAsync("/municipalities/race-blind", new { name = $"Writer {i}", country = "SI" });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            return (Name: body.GetProperty("name").GetString(), ETag: response.Headers.ETag!.Tag);
        }));

        // Every acknowledged update made a version of its own (none was swallowed by another), and the partner reads
        // as the answer of one of them: the one applied last.
        Assert.Equal(Writers, answers.Select(a => a.ETag).Distinct().Count());
        var final = await town.GetAsync("/municipalities/race-blind");
        var stored = Assert.Single(answers, a => a.ETag == final.Headers.ETag!.Tag);
        Assert.Equal(stored.Name, JsonDocument.Parse(await final.Content.ReadAsStringAsync()).RootElement.GetProperty("name").GetString());
    }

    [Fact]
    public async Task ConcurrentAmendmentsOfAnAgreementAreAllInItsHistory()
    {
        var (first, second) = (await api.CreateMunicipalityAsync("race-amend-a", "SI"), await api.CreateMunicipalityAsync("race-amend-b", "IT"));
        using var a = api.CreateClient(first);
        using var b = api.CreateClient(second);
        var id = await DraftAsync(a, "race-amend-a", "race-amend-b");

        var answers = await Task.WhenAll(Enumerable.Range(0, Writers).Select(i =>
            (i % 2 == 0 ? a : b).PutAsJsonAsync($"/agreements/{id}", new { title = $"Amendment {i}", areas = new[] { "culture" }, text = "We cooperate." })));

        Assert.All(answers, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var history = await ReadAsync(a, $"/agreements/{id}/history");
        Assert.Equal(Writers, history.EnumerateArray().Count(e => e.GetProperty("type").GetString() == "amended"));
        var titles = await Task.WhenAll(answers.Select(async r => (await r.ReadJsonAsync<JsonElement>()).GetProperty("title").GetString()));
        Assert.Equal(Writers, titles.Distinct().Count());
        Assert.Contains((await ReadAsync(a, $"/agreements/{id}")).GetProperty("title").GetString(), titles);
    }

    [Fact]
    public async Task EveryPartySigningAtOnceCountsAndPutsTheAgreementInForce()
    {
        var towns = Enumerable.Range(0, 6).Select(i => $"race-sign-{i}").ToArray();
        var keys = new List<string>();
        foreach (var town in towns)
        {
            keys.Add(await api.CreateMunicipalityAsync(town, "SI"));
        }

        var clients = keys.Select(api.CreateClient).ToList();
        var id = await DraftAsync(clients[0], towns);

        var answers = await Task.WhenAll(clients.Select(c => c.PostAsJsonAsync($"/agreements/{id}/signatures", new { signatory = "Mayor", role = "Mayor" })));

        Assert.All(answers, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var agreement = await ReadAsync(clients[0], $"/agreements/{id}");
        Assert.Equal("inForce", agreement.GetProperty("status").GetString());
        Assert.All(agreement.GetProperty("parties").EnumerateArray(), p => Assert.True(p.TryGetProperty("signedAt", out _)));
        clients.ForEach(c => c.Dispose());
    }

    [Fact]
    public async Task PartnersAddedToAProjectAtOnceAreAllKept()
    {
        await api.CreateMunicipalityAsync("race-lead", "SI");
        var newcomers = Enumerable.Range(0, Writers).Select(i => $"race-partner-{i}").ToArray();
        foreach (var town in newcomers)
        {
            await api.CreateMunicipalityAsync(town, "IT");
        }

        using var coordinator = api.CreateCoordinatorClient();
        (await coordinator.PostAsJsonAsync("/projects", new
        {
            id = "race-project", acronym = "RACE", title = "Race", programme = "europeForCitizens", measure = "networkOfTowns",
            startDate = "2026-01-01", endDate = "2026-12-31", lead = "race-lead", partners = new[] { "race-lead" },
        })).EnsureSuccessStatusCode();

        var answers = await Task.WhenAll(newcomers.Select(town => coordinator.PostAsJsonAsync("/projects/race-project/partners", new { municipalityId = town })));

        Assert.All(answers, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var partners = (await ReadAsync(coordinator, "/projects/race-project")).GetProperty("partners").EnumerateArray().Select(p => p.GetString()).ToList();
        Assert.All(newcomers, town => Assert.Contains(town, partners));
    }

    private static async Task<string> DraftAsync(HttpClient client, params string[] parties)
    {
        var response = await client.PostAsJsonAsync("/agreements", new { title = "Race", areas = new[] { "culture" }, parties, text = "We cooperate." });
        return (await response.AssertJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;
    }

    private static async Task<JsonElement> ReadAsync(HttpClient client, string path) =>
        await (await client.GetAsync(path)).AssertJsonAsync(HttpStatusCode.OK);
}
