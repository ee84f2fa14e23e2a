using System.Net;
using System.Text;
using System.Text.Json;
using Collaboration.Api.Tests.Reliability.Support;
using Collaboration.Api.Tests.Support;

namespace Collaboration.Api.Tests.Reliability;

/// <summary>
/// A crash can fall between a create's commit and the commit of its Idempotency-Key record; here that record's write
/// is made to fail, which leaves storage exactly as such a crash would. The retry must not create anything twice.
/// </summary>
public sealed class IdempotencyRecoveryTests(ReliabilityApiFactory api) : IClassFixture<ReliabilityApiFactory>
{
    [Fact]
    public async Task ARetryOfADraftWhoseAnswerWasLostGetsTheSameAgreementAndNoSecondOne()
    {
        var (town, other) = await TwoPartnersAsync("lost-draft");
        using var client = api.CreateClient(town.Key);
        var body = Draft("Lost answer", town.Id, other.Id);

        api.Faults.FailWritesOf("idempotency");
        var lost = await PostAsync(client, "/agreements", "draft-1", body);
        await lost.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
        var afterCrash = await AgreementsTitledAsync(client, "Lost answer");
        Assert.Single(afterCrash);

        var retried = await (await PostAsync(client, "/agreements", "draft-1", body)).AssertJsonAsync(HttpStatusCode.Created);
        var replayed = await PostAsync(client, "/agreements", "draft-1", body);

        Assert.Equal(afterCrash[0], retried.GetProperty("id").GetString());
        Assert.Equal(HttpStatusCode.Created, replayed.StatusCode);
        Assert.True(replayed.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(afterCrash, await AgreementsTitledAsync(client, "Lost answer"));
    }

    [Fact]
    public async Task TheSameKeyWithAnotherBodyAfterALostAnswerIsUnprocessableAndTakesNothingOver()
    {
        var (town, other) = await TwoPartnersAsync("lost-reuse");
        using var client = api.CreateClient(town.Key);

        api.Faults.FailWritesOf("idempotency");
        await (await PostAsync(client, "/agreements", "draft-2", Draft("First body", town.Id, other.Id))).AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
        var reused = await PostAsync(client, "/agreements", "draft-2", Draft("Second body", town.Id, other.Id));

        await reused.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Single(await AgreementsTitledAsync(client, "First body"));
        Assert.Empty(await AgreementsTitledAsync(client, "Second body"));
    }

    [Fact]
    public async Task WithoutAnIdempotencyKeyEveryDraftIsANewAgreement()
    {
        var (town, other) = await TwoPartnersAsync("no-key");
        using var client = api.CreateClient(town.Key);
        var body = Draft("Twice on purpose", town.Id, other.Id);

        var first = await (await client.PostAsync("/agreements", Json(body))).AssertJsonAsync(HttpStatusCode.Created);
        var second = await (await client.PostAsync("/agreements", Json(body))).AssertJsonAsync(HttpStatusCode.Created);

        Assert.NotEqual(first.GetProperty("id").GetString(), second.GetProperty("id").GetString());
    }

    [Fact]
    public async Task ARetryOfAPartnerCreationWhoseAnswerWasLostAnswersThePartnerWithAKeyThatWorks()
    {
        using var coordinator = api.CreateCoordinatorClient();
        var body = JsonSerializer.Serialize(new { id = "lost-key-town", name = "Lost key", country = "SI" });

        api.Faults.FailWritesOf("idempotency");
        await (await PostAsync(coordinator, "/municipalities", "create-1", body)).AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Equal(HttpStatusCode.OK, (await coordinator.GetAsync("/municipalities/lost-key-town")).StatusCode);

        var retried = await (await PostAsync(coordinator, "/municipalities", "create-1", body)).AssertJsonAsync(HttpStatusCode.Created);
        var key = retried.GetProperty("apiKey").GetString();
        using var partner = api.CreateClient(key);

        Assert.Equal("lost-key-town", retried.GetProperty("id").GetString());
        Assert.Equal(HttpStatusCode.OK, (await partner.GetAsync("/municipalities/lost-key-town")).StatusCode);
        var replay = await PostAsync(coordinator, "/municipalities", "create-1", body);
        Assert.Equal(key, (await replay.AssertJsonAsync(HttpStatusCode.Created)).GetProperty("apiKey").GetString());
    }

    [Fact]
    public async Task AnotherRequestForATakenPartnerIdIsStillAConflict()
    {
        using var coordinator = api.CreateCoordinatorClient();
        var body = JsonSerializer.Serialize(new { id = "taken-town", name = "Taken", country = "SI" });

        (await PostAsync(coordinator, "/municipalities", "create-2", body)).EnsureSuccessStatusCode();
        var again = await PostAsync(coordinator, "/municipalities", "create-3", body);

        await again.AssertProblemAsync(HttpStatusCode.Conflict);
    }

    private async Task<((string Id, string Key) Town, (string Id, string Key) Other)> TwoPartnersAsync(string prefix)
    {
        var town = ($"{prefix}-a", await api.CreateMunicipalityAsync($"{prefix}-a", "SI"));
        var other = ($"{prefix}-b", await api.CreateMunicipalityAsync($"{prefix}-b", "IT"));
        return (town, other);
    }

    private static string Draft(string title, string a, string b) =>
        JsonSerializer.Serialize(new { title, areas = new[] { "culture" }, parties = new[] { a, b }, text = "We cooperate." });

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string key, string body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = Json(body) };
        request.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(request);
    }

    private static async Task<List<string>> AgreementsTitledAsync(HttpClient client, string title)
    {
        var list = await (await client.GetAsync("/agreements")).AssertJsonAsync(HttpStatusCode.OK);
        return [.. list.EnumerateArray().Where(a => a.GetProperty("title").GetString() == title).Select(a => a.GetProperty("id").GetString()!)];
    }
}
