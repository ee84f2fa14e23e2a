using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Collaboration.Api.Tests.Support;

namespace Collaboration.Api.Tests.Exchanges;

// Not sealed: AzureTable/ runs these tests again on Azure Table storage.
public class AdoptionsApiTests(CollaborationApiFactory api) : IClassFixture<CollaborationApiFactory>
{
    private async Task<(ExchangeNetwork Net, string PracticeId)> NetworkAsync(string prefix)
    {
        var net = new ExchangeNetwork(api, prefix);
        await net.AddPartnersAsync(("novo-mesto", "SI"), ("kelme", "LT"), ("gallese", "IT"));
        var practice = await net.PostAsync("novo-mesto", "Local partnership with NGOs");
        return (net, practice.GetProperty("id").GetString()!);
    }

    [Fact]
    public async Task ATownTracksItsReplicationFromInterestToImplementationAndTheExchangeShowsIt()
    {
        var (net, id) = await NetworkAsync("adopt1");

        var first = await net.AdoptAsync("kelme", id, "interested", "Seen at the Canepina conference.");
        var second = await net.AdoptAsync("kelme", id, "adapting");
        var third = await net.AdoptAsync("kelme", id, "implemented", "Charter signed with four NGOs.");

        await first.AssertJsonAsync(HttpStatusCode.Created);
        Assert.Equal($"/exchanges/{id}/adoptions/{net.Id("kelme")}", first.Headers.Location?.OriginalString);
        await second.AssertJsonAsync(HttpStatusCode.OK);
        var adoption = await third.AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("implemented", adoption.GetProperty("status").GetString());
        Assert.Equal("Charter signed with four NGOs.", adoption.GetProperty("note").GetString());
        Assert.Equal(
            ["interested", "adapting", "implemented"],
            adoption.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("status").GetString()));
        Assert.Equal("Seen at the Canepina conference.", adoption.GetProperty("history")[0].GetProperty("note").GetString());
        Assert.All(adoption.GetProperty("history").EnumerateArray(), h => Assert.True(h.TryGetProperty("at", out _)));

        using var coordinator = api.CreateCoordinatorClient();
        var exchange = await (await coordinator.GetAsync($"/exchanges/{id}")).AssertJsonAsync(HttpStatusCode.OK);
        var shown = Assert.Single(exchange.GetProperty("adoptions").EnumerateArray());
        Assert.Equal(net.Id("kelme"), shown.GetProperty("municipalityId").GetString());
        Assert.Equal("implemented", shown.GetProperty("status").GetString());
        Assert.Equal(3, shown.GetProperty("history").GetArrayLength());
    }

    [Fact]
    public async Task TheAuthorCannotAdoptItsOwnExchange()
    {
        var (net, id) = await NetworkAsync("adopt2");

        var response = await net.AdoptAsync("novo-mesto", id, "interested");

        await response.AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task OnlyTheAdoptingTownSetsItsStatus()
    {
        var (net, id) = await NetworkAsync("adopt3");
        (await net.AdoptAsync("kelme", id, "interested")).EnsureSuccessStatusCode();
        using var coordinator = api.CreateCoordinatorClient();

        var byAnotherTown = await net.AdoptAsync("kelme", id, "abandoned", asPartner: "gallese");
        var byTheAuthor = await net.AdoptAsync("kelme", id, "abandoned", asPartner: "novo-mesto");
        var byTheCoordinator = await coordinator.PutAsJsonAsync($"/exchanges/{id}/adoptions/{net.Id("kelme")}", new { status = "abandoned" });
        var startedForAnother = await net.AdoptAsync("gallese", id, "interested", asPartner: "kelme");

        await byAnotherTown.AssertProblemAsync(HttpStatusCode.Forbidden);
        await byTheAuthor.AssertProblemAsync(HttpStatusCode.Forbidden);
        await byTheCoordinator.AssertProblemAsync(HttpStatusCode.Forbidden);
        await startedForAnother.AssertProblemAsync(HttpStatusCode.Forbidden);
        var adoption = await (await coordinator.GetAsync($"/exchanges/{id}/adoptions/{net.Id("kelme")}")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("interested", adoption.GetProperty("status").GetString());
        await (await coordinator.GetAsync($"/exchanges/{id}/adoptions/{net.Id("gallese")}")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task MovesTheRulesRefuseAreConflictsAndChangeNothing()
    {
        var (net, id) = await NetworkAsync("adopt4");

        var abandonedFirst = await net.AdoptAsync("gallese", id, "abandoned");
        (await net.AdoptAsync("kelme", id, "implemented")).EnsureSuccessStatusCode();
        var backwards = await net.AdoptAsync("kelme", id, "adapting");
        var sameAgain = await net.AdoptAsync("kelme", id, "implemented", "Now in two districts.");
        (await net.AdoptAsync("kelme", id, "abandoned", "No budget.")).EnsureSuccessStatusCode();
        var revivedTooFar = await net.AdoptAsync("kelme", id, "implemented");
        var revived = await net.AdoptAsync("kelme", id, "interested", "Budget found.");

        await abandonedFirst.AssertProblemAsync(HttpStatusCode.Conflict);
        await backwards.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.OK, sameAgain.StatusCode);
        await revivedTooFar.AssertProblemAsync(HttpStatusCode.Conflict);
        var adoption = await revived.AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(
            ["implemented", "implemented", "abandoned", "interested"],
            adoption.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task AQuestionIsAnsweredNotAdopted()
    {
        var (net, _) = await NetworkAsync("adopt5");
        var question = (await net.PostAsync("novo-mesto", "How do you fund NGOs?", kind: "question")).GetProperty("id").GetString()!;

        var response = await net.AdoptAsync("kelme", question, "interested");

        await response.AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task InvalidStatusesNotesAndTargetsAreRefused()
    {
        var (net, id) = await NetworkAsync("adopt6");
        using var kelme = net.As("kelme");
        var url = $"/exchanges/{id}/adoptions/{net.Id("kelme")}";

        await (await kelme.PutAsJsonAsync(url, new { status = "copied" })).AssertValidationProblemAsync("status");
        await (await kelme.PutAsJsonAsync(url, new { note = "no status" })).AssertValidationProblemAsync("status");
        await (await kelme.PutAsJsonAsync(url, new { status = "interested", note = new string('n', 2001) })).AssertValidationProblemAsync("note");
        await (await kelme.PutAsJsonAsync($"/exchanges/ex-0190f2c6a1b27c3d8e9f0a1b2c3d4e5f/adoptions/{net.Id("kelme")}", new { status = "interested" }))
            .AssertProblemAsync(HttpStatusCode.NotFound);
        await (await kelme.PutAsJsonAsync($"/exchanges/not-an-id/adoptions/{net.Id("kelme")}", new { status = "interested" }))
            .AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AChangeOnAStaleVersionIsPreconditionFailed()
    {
        var (net, id) = await NetworkAsync("adopt7");
        using var kelme = net.As("kelme");
        var url = $"/exchanges/{id}/adoptions/{net.Id("kelme")}";
        var created = await kelme.PutAsJsonAsync(url, new { status = "interested" });
        var etag = created.Headers.ETag;
        Assert.NotNull(etag);

        var current = await PutIfMatchAsync(kelme, url, etag, "adapting");
        var stale = await PutIfMatchAsync(kelme, url, etag, "implemented");

        Assert.Equal(HttpStatusCode.OK, current.StatusCode);
        await stale.AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        var read = await kelme.GetAsync(url);
        Assert.Equal(current.Headers.ETag, read.Headers.ETag);
        Assert.Equal("adapting", (await read.AssertJsonAsync(HttpStatusCode.OK)).GetProperty("status").GetString());

        static Task<HttpResponseMessage> PutIfMatchAsync(HttpClient client, string url, EntityTagHeaderValue etag, string status)
        {
            var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(new { status }) };
            request.Headers.IfMatch.Add(etag);
            return client.SendAsync(request);
        }
    }
}
