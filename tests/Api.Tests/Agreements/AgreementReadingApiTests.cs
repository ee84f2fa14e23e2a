using System.Net;
using System.Net.Http.Json;
using Collaboration.Api.Tests.Support;

namespace Collaboration.Api.Tests.Agreements;

// Not sealed: AzureTable/ runs these tests again on Azure Table storage.
public class AgreementReadingApiTests(CollaborationApiFactory api) : IClassFixture<CollaborationApiFactory>
{
    [Fact]
    public async Task AnyPartnerMayReadAnAgreementWithItsETag()
    {
        using var network = new AgreementNetwork(api);
        await network.AddAsync("canepina", "gallese", "bohinj");
        var id = await network.DraftAsync(network.As("canepina"), "canepina", "gallese");

        var response = await network.As("bohinj").GetAsync($"/agreements/{id}");

        var agreement = await response.AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(id, agreement.GetProperty("id").GetString());
        Assert.NotNull(response.Headers.ETag);
        Assert.False(response.Headers.ETag!.IsWeak);
    }

    [Fact]
    public async Task UnknownAgreementsAreNotFound()
    {
        using var network = new AgreementNetwork(api);
        await network.AddAsync("canepina");
        var unknown = $"ag-{Guid.NewGuid():N}";

        await (await network.Coordinator.GetAsync($"/agreements/{unknown}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await network.Coordinator.GetAsync("/agreements/not-an-agreement")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await network.Coordinator.GetAsync($"/agreements/{unknown}/history")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await network.SignAsync(unknown, "canepina")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await network.As("canepina").DeleteAsync($"/agreements/{unknown}/parties/{network.Id("canepina")}")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task TheHistoryTellsEveryChangeDatedAndReadsInPages()
    {
        using var network = new AgreementNetwork(api);
        await network.AddAsync("canepina", "gallese", "kelme");
        var id = await network.InForceAsync("canepina", "gallese");
        await network.As("canepina").PostAsJsonAsync($"/agreements/{id}/parties", new { municipalityId = network.Id("kelme") });
        await network.As("kelme").DeleteAsync($"/agreements/{id}/parties/{network.Id("kelme")}");
        await network.As("gallese").DeleteAsync($"/agreements/{id}/parties/{network.Id("gallese")}");

        var all = await (await network.Coordinator.GetAsync($"/agreements/{id}/history")).AssertJsonAsync(HttpStatusCode.OK);
        var page = await (await network.Coordinator.GetAsync($"/agreements/{id}/history?after=4&limit=2")).AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal(
            ["drafted", "signed", "signed", "inForce", "partyJoined", "partyWithdrew", "partyWithdrew", "terminated"],
            all.EnumerateArray().Select(e => e.GetProperty("type").GetString()));
        Assert.Equal(Enumerable.Range(1, 8), all.EnumerateArray().Select(e => e.GetProperty("seq").GetInt32()));
        Assert.All(all.EnumerateArray(), e => Assert.True(e.GetProperty("at").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-5)));
        var signed = all[1];
        Assert.Equal(network.Id("canepina"), signed.GetProperty("actor").GetString());
        Assert.Equal("Mayor of canepina", signed.GetProperty("signatory").GetString());
        Assert.Equal("terminated", all[7].GetProperty("status").GetString());
        Assert.Equal([5, 6], page.EnumerateArray().Select(e => e.GetProperty("seq").GetInt32()));
    }

    [Fact]
    public async Task AHistoryPageOutsideTheLimitsIsABadRequest()
    {
        using var network = new AgreementNetwork(api);
        await network.AddAsync("canepina", "gallese");
        var id = await network.DraftAsync(network.As("canepina"), "canepina", "gallese");

        await (await network.Coordinator.GetAsync($"/agreements/{id}/history?limit=0")).AssertValidationProblemAsync("limit");
        await (await network.Coordinator.GetAsync($"/agreements/{id}/history?after=-1")).AssertValidationProblemAsync("after");
    }

    [Fact]
    public async Task APartnerListsItsAgreementsUntilItWithdraws()
    {
        using var network = new AgreementNetwork(api);
        await network.AddAsync("canepina", "gallese", "kelme");
        var id = await network.InForceAsync("canepina", "gallese", "kelme");

        Assert.Equal([id], await AgreementsOfAsync(network, "kelme"));

        await network.As("kelme").DeleteAsync($"/agreements/{id}/parties/{network.Id("kelme")}");

        Assert.Empty(await AgreementsOfAsync(network, "kelme"));
        Assert.Equal([id], await AgreementsOfAsync(network, "gallese"));
    }

    [Fact]
    public async Task ListingFiltersByPartyAndStatusAndLeavesTheTextOut()
    {
        using var network = new AgreementNetwork(api);
        await network.AddAsync("canepina", "gallese", "kelme");
        var inForce = await network.InForceAsync("canepina", "gallese");
        var open = await network.DraftAsync(network.As("canepina"), "canepina", "kelme");

        var ofCanepina = await (await network.Coordinator.GetAsync($"/agreements?party={network.Id("canepina")}")).AssertJsonAsync(HttpStatusCode.OK);
        var inForceOfCanepina = await (await network.As("kelme").GetAsync($"/agreements?party={network.Id("canepina")}&status=inForce")).AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal([inForce, open], ofCanepina.EnumerateArray().Select(a => a.GetProperty("id").GetString()));
        var item = Assert.Single(inForceOfCanepina.EnumerateArray());
        Assert.Equal(inForce, item.GetProperty("id").GetString());
        Assert.Equal("inForce", item.GetProperty("status").GetString());
        Assert.Equal(2, item.GetProperty("parties").GetArrayLength());
        Assert.False(item.TryGetProperty("text", out _));
    }

    [Fact]
    public async Task ListingWithAnUnknownStatusOrAMalformedPartyIsABadRequest()
    {
        using var network = new AgreementNetwork(api);

        await (await network.Coordinator.GetAsync("/agreements?status=signed")).AssertValidationProblemAsync("status");
        await (await network.Coordinator.GetAsync("/agreements?party=Not%20A%20Slug")).AssertValidationProblemAsync("party");
    }

    [Fact]
    public async Task TheOpenApiDocumentDescribesTheAgreementRoutes()
    {
        using var anonymous = api.CreateClient(apiKey: null);

        var document = await (await anonymous.GetAsync("/openapi/v1.json")).AssertJsonAsync(HttpStatusCode.OK);

        var paths = document.GetProperty("paths");
        foreach (var path in new[] { "/agreements", "/agreements/{id}", "/agreements/{id}/signatures", "/agreements/{id}/parties", "/agreements/{id}/parties/{municipalityId}", "/agreements/{id}/history" })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"OpenAPI lacks {path}");
        }
    }

    private static async Task<string[]> AgreementsOfAsync(AgreementNetwork network, string town)
    {
        var partner = await (await network.Coordinator.GetAsync($"/municipalities/{network.Id(town)}")).AssertJsonAsync(HttpStatusCode.OK);
        return [.. partner.GetProperty("agreements").EnumerateArray().Select(a => a.GetString()!)];
    }
}
