using System.Net;
using System.Net.Http.Json;
using Collaboration.Api.Tests.Support;

namespace Collaboration.Api.Tests.Agreements;

// Not sealed: AzureTable/ runs these tests again on Azure Table storage.
public class AgreementPartiesApiTests(CollaborationApiFactory api) : IClassFixture<CollaborationApiFactory>
{
    [Fact]
    public async Task TheCoordinatorAdmitsANewPartyThatHasNotSignedYet()
    {
        using var network = new AgreementNetwork(api);
        await network.AddAsync("canepina", "gallese", "bohinj");
        var id = await network.DraftAsync(network.As("canepina"), "canepina", "gallese");

        var response = await network.Coordinator.PostAsJsonAsync($"/agreements/{id}/parties", new { municipalityId = network.Id("bohinj") });

        var agreement = await response.AssertJsonAsync(HttpStatusCode.OK);
        var newcomer = agreement.GetProperty("parties")[2];
        Assert.Equal(network.Id("bohinj"), newcomer.GetProperty("municipalityId").GetString());
        Assert.False(newcomer.TryGetProperty("signedAt", out _));
    }

    [Fact]
    public async Task APartyThatSignedAdmitsANewParty()
    {
        using var network = new AgreementNetwork(api);
        await network.AddAsync("canepina", "gallese", "bohinj");
        var id = await network.DraftAsync(network.As("canepina"), "canepina", "gallese");
        await (await network.SignAsync(id, "gallese")).AssertJsonAsync(HttpStatusCode.OK);

        var response = await network.As("gallese").PostAsJsonAsync($"/agreements/{id}/parties", new { municipalityId = network.Id("bohinj") });

        Assert.Equal(3, (await response.AssertJsonAsync(HttpStatusCode.OK)).GetProperty("parties").GetArrayLength());
    }

    [Fact]
    public async Task APartyThatHasNotSignedCannotAdmitANewParty()
    {
        using var network = new AgreementNetwork(api);
        await network.AddAsync("canepina", "gallese", "bohinj");
        var id = await network.DraftAsync(network.As("canepina"), "canepina", "gallese");

        var response = await network.As("gallese").PostAsJsonAsync($"/agreements/{id}/parties", new { municipalityId = network.Id("bohinj") });

        var problem = await response.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("has not signed this agreement yet", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMunicipalityThatIsNotAPartyCannotAdmitItself()
    {
        using var network = new AgreementNetwork(api);
        await network.AddAsync("canepina", "gallese", "bohinj");
        var id = await network.InForceAsync("canepina", "gallese");

        var response = await network.As("bohinj").PostAsJsonAsync($"/agreements/{id}/parties", new { municipalityId = network.Id("bohinj") });

        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task AdmittingAPartyTwiceIsAConflict()
    {
        using var network = new AgreementNetwork(api);
        await network.AddAsync("canepina", "gallese");
        var id = await network.DraftAsync(network.As("canepina"), "canepina", "gallese");

        var response = await network.Coordinator.PostAsJsonAsync($"/agreements/{id}/parties", new { municipalityId = network.Id("gallese") });

        var problem = await response.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("is already a party", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdmittingAPartnerThatDoesNotExistIsABadRequest()
    {
        using var network = new AgreementNetwork(api);
        await network.AddAsync("canepina", "gallese");
        var id = await network.DraftAsync(network.As("canepina"), "canepina", "gallese");

        await (await network.Coordinator.PostAsJsonAsync($"/agreements/{id}/parties", new { municipalityId = "atlantis" })).AssertValidationProblemAsync("municipalityId");
        await (await network.Coordinator.PostAsJsonAsync($"/agreements/{id}/parties", new { municipalityId = "Not A Slug" })).AssertValidationProblemAsync("municipalityId");
    }

    [Fact]
    public async Task AnAgreementInForceStaysInForceWhileANewcomerHasNotSignedAndAfterItSigns()
    {
        using var network = new AgreementNetwork(api);
        await network.AddAsync("canepina", "gallese", "bohinj");
        var id = await network.InForceAsync("canepina", "gallese");

        await (await network.As("canepina").PostAsJsonAsync($"/agreements/{id}/parties", new { municipalityId = network.Id("bohinj") }))
            .AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("inForce", await network.StatusAsync(id));

        var signed = await (await network.SignAsync(id, "bohinj")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("inForce", signed.GetProperty("status").GetString());
        Assert.All(signed.GetProperty("parties").EnumerateArray(), p => Assert.True(p.TryGetProperty("signedAt", out _)));
    }

    [Fact]
    public async Task APartyWithdrawsItselfAndTheAgreementGoesOnBetweenTheOthers()
    {
        using var network = new AgreementNetwork(api);
        await network.AddAsync("canepina", "gallese", "kelme");
        var id = await network.InForceAsync("canepina", "gallese", "kelme");

        var response = await network.As("kelme").DeleteAsync($"/agreements/{id}/parties/{network.Id("kelme")}");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var agreement = await network.GetAsync(id);
        Assert.Equal("inForce", agreement.GetProperty("status").GetString());
        Assert.Equal(
            [network.Id("canepina"), network.Id("gallese")],
            agreement.GetProperty("parties").EnumerateArray().Select(p => p.GetProperty("municipalityId").GetString()));
    }

    [Fact]
    public async Task APartyCannotWithdrawAnotherParty()
    {
        using var network = new AgreementNetwork(api);
        await network.AddAsync("canepina", "gallese", "kelme");
        var id = await network.InForceAsync("canepina", "gallese", "kelme");

        var response = await network.As("canepina").DeleteAsync($"/agreements/{id}/parties/{network.Id("kelme")}");

        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(3, (await network.GetAsync(id)).GetProperty("parties").GetArrayLength());
    }

    [Fact]
    public async Task TheCoordinatorCannotWithdrawAParty()
    {
        using var network = new AgreementNetwork(api);
        await network.AddAsync("canepina", "gallese", "kelme");
        var id = await network.InForceAsync("canepina", "gallese", "kelme");

        var response = await network.Coordinator.DeleteAsync($"/agreements/{id}/parties/{network.Id("kelme")}");

        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task AMunicipalityThatIsNotAPartyHasNothingToWithdrawFrom()
    {
        using var network = new AgreementNetwork(api);
        await network.AddAsync("canepina", "gallese", "bohinj");
        var id = await network.InForceAsync("canepina", "gallese");

        var response = await network.As("bohinj").DeleteAsync($"/agreements/{id}/parties/{network.Id("bohinj")}");

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AWithdrawalThatLeavesOnePartyTerminatesTheAgreementForGood()
    {
        using var network = new AgreementNetwork(api);
        await network.AddAsync("canepina", "gallese", "bohinj");
        var id = await network.InForceAsync("canepina", "gallese");

        Assert.Equal(HttpStatusCode.NoContent, (await network.As("gallese").DeleteAsync($"/agreements/{id}/parties/{network.Id("gallese")}")).StatusCode);

        Assert.Equal("terminated", await network.StatusAsync(id));
        var accession = await (await network.Coordinator.PostAsJsonAsync($"/agreements/{id}/parties", new { municipalityId = network.Id("bohinj") }))
            .AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("Accessions are accepted only while the agreement is open or inForce; it is terminated.", accession.GetProperty("detail").GetString());
        var withdrawal = await (await network.As("canepina").DeleteAsync($"/agreements/{id}/parties/{network.Id("canepina")}"))
            .AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("Withdrawals are accepted only while the agreement is open or inForce; it is terminated.", withdrawal.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task WhenTheOnlyPartyThatHadNotSignedWithdrawsTheAgreementComesIntoForce()
    {
        using var network = new AgreementNetwork(api);
        await network.AddAsync("canepina", "gallese", "kelme");
        var id = await network.DraftAsync(network.As("canepina"), "canepina", "gallese", "kelme");
        await (await network.SignAsync(id, "canepina")).AssertJsonAsync(HttpStatusCode.OK);
        await (await network.SignAsync(id, "gallese")).AssertJsonAsync(HttpStatusCode.OK);

        await network.As("kelme").DeleteAsync($"/agreements/{id}/parties/{network.Id("kelme")}");

        Assert.Equal("inForce", await network.StatusAsync(id));
    }
}
