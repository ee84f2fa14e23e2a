using System.Net;
using System.Net.Http.Json;
using Collaboration.Api.Tests.Support;

namespace Collaboration.Api.Tests.Agreements;

// Not sealed: AzureTable/ runs these tests again on Azure Table storage.
public class AgreementAmendmentApiTests(CollaborationApiFactory api) : IClassFixture<CollaborationApiFactory>
{
    private static readonly object Amended = new
    {
        title = "SHELTER partnership agreement",
        areas = new[] { "European citizenship", "volunteering", "youth exchanges" },
        text = "Article 1 (revised).",
    };

    [Fact]
    public async Task AnAmendmentWhileOpenClearsTheSignaturesAlreadyGiven()
    {
        using var network = new AgreementNetwork(api);
        await network.AddAsync("canepina", "gallese", "kelme");
        var id = await network.DraftAsync(network.As("canepina"), "canepina", "gallese", "kelme");
        await (await network.SignAsync(id, "canepina")).AssertJsonAsync(HttpStatusCode.OK);
        await (await network.SignAsync(id, "gallese")).AssertJsonAsync(HttpStatusCode.OK);
        var etag = (await network.Coordinator.GetAsync($"/agreements/{id}")).Headers.ETag!;

        using var request = new HttpRequestMessage(HttpMethod.Put, $"/agreements/{id}") { Content = JsonContent.Create(Amended) };
        request.Headers.IfMatch.Add(etag);
        var response = await network.As("kelme").SendAsync(request);

        var amended = await response.AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("open", amended.GetProperty("status").GetString());
        Assert.Equal("Article 1 (revised).", amended.GetProperty("text").GetString());
        Assert.All(amended.GetProperty("parties").EnumerateArray(), p => Assert.False(p.TryGetProperty("signedAt", out _)));
        Assert.NotEqual(etag, response.Headers.ETag);

        // Every party signs what is now written, and only then is it in force.
        await (await network.SignAsync(id, "canepina")).AssertJsonAsync(HttpStatusCode.OK);
        await (await network.SignAsync(id, "gallese")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("open", await network.StatusAsync(id));
        await (await network.SignAsync(id, "kelme")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("inForce", await network.StatusAsync(id));
    }

    [Fact]
    public async Task AnAmendmentAgainstAStaleETagFailsItsPrecondition()
    {
        using var network = new AgreementNetwork(api);
        await network.AddAsync("canepina", "gallese");
        var id = await network.DraftAsync(network.As("canepina"), "canepina", "gallese");
        var etag = (await network.Coordinator.GetAsync($"/agreements/{id}")).Headers.ETag!;
        await (await network.SignAsync(id, "gallese")).AssertJsonAsync(HttpStatusCode.OK);

        using var request = new HttpRequestMessage(HttpMethod.Put, $"/agreements/{id}") { Content = JsonContent.Create(Amended) };
        request.Headers.IfMatch.Add(etag);
        var response = await network.Coordinator.SendAsync(request);

        await response.AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.Equal("SHELTER partnership agreement", (await network.GetAsync(id)).GetProperty("title").GetString());
        Assert.Equal(AgreementNetwork.ShelterAreas.Length, (await network.GetAsync(id)).GetProperty("areas").GetArrayLength());
    }

    [Fact]
    public async Task AnAgreementInForceCannotBeAmended()
    {
        using var network = new AgreementNetwork(api);
        await network.AddAsync("canepina", "gallese");
        var id = await network.InForceAsync("canepina", "gallese");

        var problem = await (await network.Coordinator.PutAsJsonAsync($"/agreements/{id}", Amended)).AssertProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal(
            "Amendments are accepted only while the agreement is open (once in force, its text is fixed); it is inForce.",
            problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task AMunicipalityThatIsNotAPartyCannotAmend()
    {
        using var network = new AgreementNetwork(api);
        await network.AddAsync("canepina", "gallese", "bohinj");
        var id = await network.DraftAsync(network.As("canepina"), "canepina", "gallese");

        await (await network.As("bohinj").PutAsJsonAsync($"/agreements/{id}", Amended)).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task AnAmendmentCannotChangeTheParties()
    {
        using var network = new AgreementNetwork(api);
        await network.AddAsync("canepina", "gallese");
        var id = await network.DraftAsync(network.As("canepina"), "canepina", "gallese");

        var response = await network.Coordinator.PutAsJsonAsync($"/agreements/{id}", network.DraftBody("canepina"));

        await response.AssertValidationProblemAsync("parties");
    }

    [Fact]
    public async Task AmendingAnUnknownAgreementIsNotFound()
    {
        using var network = new AgreementNetwork(api);

        await (await network.Coordinator.PutAsJsonAsync($"/agreements/ag-{Guid.NewGuid():N}", Amended)).AssertProblemAsync(HttpStatusCode.NotFound);
    }
}
