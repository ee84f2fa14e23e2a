using System.Net;
using System.Net.Http.Json;
using Collaboration.Api.Tests.Support;

namespace Collaboration.Api.Tests.Agreements;

// Not sealed: AzureTable/ runs these tests again on Azure Table storage.
public class AgreementSigningApiTests(CollaborationApiFactory api) : IClassFixture<CollaborationApiFactory>
{
    [Fact]
    public async Task TheSixShelterTownsSignTheirAgreementAndItComesIntoForce()
    {
        using var network = new AgreementNetwork(api);
        await network.AddAsync(AgreementNetwork.ShelterTowns);
        var id = await network.DraftAsync(network.As("canepina"), AgreementNetwork.ShelterTowns);

        foreach (var town in AgreementNetwork.ShelterTowns)
        {
            Assert.Equal("open", await network.StatusAsync(id));
            var signed = await (await network.SignAsync(id, town)).AssertJsonAsync(HttpStatusCode.OK);
            var party = signed.GetProperty("parties").EnumerateArray().Single(p => p.GetProperty("municipalityId").GetString() == network.Id(town));
            Assert.Equal($"Mayor of {town}", party.GetProperty("signatory").GetString());
            Assert.Equal("Mayor", party.GetProperty("role").GetString());
            Assert.True(party.TryGetProperty("signedAt", out _));
        }

        var agreement = await network.GetAsync(id);
        Assert.Equal("inForce", agreement.GetProperty("status").GetString());
        Assert.Equal(AgreementNetwork.ShelterAreas, agreement.GetProperty("areas").EnumerateArray().Select(a => a.GetString()));
        Assert.All(agreement.GetProperty("parties").EnumerateArray(), p => Assert.True(p.TryGetProperty("signedAt", out _)));
        var history = await (await network.Coordinator.GetAsync($"/agreements/{id}/history")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(
            ["drafted", "signed", "signed", "signed", "signed", "signed", "signed", "inForce"],
            history.EnumerateArray().Select(e => e.GetProperty("type").GetString()));
    }

    [Fact]
    public async Task DraftingAnswersTheOpenAgreementWithItsLocationAndETag()
    {
        using var network = new AgreementNetwork(api);
        await network.AddAsync("canepina", "gallese");

        var response = await network.As("gallese").PostAsJsonAsync("/agreements", network.DraftBody("canepina", "gallese"));

        var created = await response.AssertJsonAsync(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetString()!;
        Assert.StartsWith("ag-", id, StringComparison.Ordinal);
        Assert.Equal($"/agreements/{id}", response.Headers.Location?.OriginalString);
        Assert.NotNull(response.Headers.ETag);
        Assert.Equal("open", created.GetProperty("status").GetString());
        Assert.Equal(network.Id("gallese"), created.GetProperty("draftedBy").GetString());
        Assert.All(created.GetProperty("parties").EnumerateArray(), p => Assert.False(p.TryGetProperty("signedAt", out _)));
        Assert.StartsWith("The partners agree", created.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheCoordinatorMayDraftAnAgreementBetweenPartners()
    {
        using var network = new AgreementNetwork(api);
        await network.AddAsync("kelme", "novo-mesto");

        var id = await network.DraftAsync(network.Coordinator, "kelme", "novo-mesto");

        Assert.Equal("coordinator", (await network.GetAsync(id)).GetProperty("draftedBy").GetString());
    }

    [Fact]
    public async Task AMunicipalityThatIsNotAPartyCannotDraftTheAgreement()
    {
        using var network = new AgreementNetwork(api);
        await network.AddAsync("canepina", "gallese", "bohinj");

        var response = await network.As("bohinj").PostAsJsonAsync("/agreements", network.DraftBody("canepina", "gallese"));

        var problem = await response.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("is not among the parties", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DraftingWithInvalidFieldsNamesEveryField()
    {
        using var network = new AgreementNetwork(api);

        var response = await network.Coordinator.PostAsJsonAsync("/agreements", new { title = "", areas = Array.Empty<string>(), parties = new[] { "Not A Slug" }, text = "" });

        await response.AssertValidationProblemAsync("title", "areas", "parties", "text");
    }

    [Fact]
    public async Task DraftingBetweenPartnersThatDoNotExistIsABadRequestNamingThem()
    {
        using var network = new AgreementNetwork(api);
        await network.AddAsync("canepina");

        var response = await network.As("canepina").PostAsJsonAsync("/agreements", network.DraftBody("canepina", "atlantis"));

        var problem = await response.AssertValidationProblemAsync("parties");
        Assert.Contains($"There is no partner '{network.Id("atlantis")}'", problem.GetProperty("errors").GetProperty("parties")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATextLongerThanTheLimitIsABadRequest()
    {
        using var network = new AgreementNetwork(api);

        var response = await network.Coordinator.PostAsJsonAsync("/agreements", new
        {
            title = "Too long",
            areas = new[] { "culture" },
            parties = new[] { "a-town", "b-town" },
            text = new string('x', 100_001),
        });

        await response.AssertValidationProblemAsync("text");
    }

    [Fact]
    public async Task ACallerWithoutAKeyIsUnauthorized()
    {
        using var anonymous = api.CreateClient(apiKey: null);

        await (await anonymous.GetAsync("/agreements")).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await anonymous.PostAsJsonAsync("/agreements", new { title = "x" })).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task AnotherMunicipalityCannotSignForAParty()
    {
        using var network = new AgreementNetwork(api);
        await network.AddAsync("canepina", "gallese", "bohinj");
        var id = await network.DraftAsync(network.As("canepina"), "canepina", "gallese");

        var response = await network.SignAsync(id, "gallese", client: network.As("bohinj"));

        var problem = await response.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("is not a party to this agreement", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.All((await network.GetAsync(id)).GetProperty("parties").EnumerateArray(), p => Assert.False(p.TryGetProperty("signedAt", out _)));
    }

    [Fact]
    public async Task TheCoordinatorCannotSign()
    {
        using var network = new AgreementNetwork(api);
        await network.AddAsync("canepina", "gallese");
        var id = await network.DraftAsync(network.Coordinator, "canepina", "gallese");

        var response = await network.SignAsync(id, "coordinator", client: network.Coordinator);

        var problem = await response.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("each party signs for itself", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SigningTwiceIsAConflict()
    {
        using var network = new AgreementNetwork(api);
        await network.AddAsync("canepina", "gallese");
        var id = await network.DraftAsync(network.As("canepina"), "canepina", "gallese");
        await (await network.SignAsync(id, "gallese")).AssertJsonAsync(HttpStatusCode.OK);

        var problem = await (await network.SignAsync(id, "gallese")).AssertProblemAsync(HttpStatusCode.Conflict);

        Assert.Contains("already signed this agreement", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASignatureWithoutSignatoryOrRoleIsABadRequest()
    {
        using var network = new AgreementNetwork(api);
        await network.AddAsync("canepina", "gallese");
        var id = await network.DraftAsync(network.As("canepina"), "canepina", "gallese");

        var response = await network.As("gallese").PostAsJsonAsync($"/agreements/{id}/signatures", new { signatory = " " });

        await response.AssertValidationProblemAsync("signatory", "role");
    }

    [Fact]
    public async Task SigningATerminatedAgreementIsAConflictThatSaysWhichStatesAllowIt()
    {
        using var network = new AgreementNetwork(api);
        await network.AddAsync("canepina", "gallese");
        var id = await network.DraftAsync(network.As("canepina"), "canepina", "gallese");
        await network.As("gallese").DeleteAsync($"/agreements/{id}/parties/{network.Id("gallese")}");

        var problem = await (await network.SignAsync(id, "canepina")).AssertProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal(
            "Signatures are accepted only while the agreement is open, or from a party that acceded while it is inForce; it is terminated.",
            problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task ARetriedDraftWithTheSameIdempotencyKeyDraftsOneAgreement()
    {
        using var network = new AgreementNetwork(api);
        await network.AddAsync("canepina", "gallese");
        var body = network.DraftBody("canepina", "gallese");

        async Task<string> DraftAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/agreements") { Content = JsonContent.Create(body) };
            request.Headers.Add("Idempotency-Key", "draft-shelter-1");
            var created = await (await network.As("canepina").SendAsync(request)).AssertJsonAsync(HttpStatusCode.Created);
            return created.GetProperty("id").GetString()!;
        }

        var first = await DraftAsync();
        var second = await DraftAsync();

        Assert.Equal(first, second);
        var listed = await (await network.Coordinator.GetAsync($"/agreements?party={network.Id("canepina")}")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(1, listed.GetArrayLength());
    }
}
