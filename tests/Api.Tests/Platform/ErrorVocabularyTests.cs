using System.Net;
using System.Net.Http.Json;
using Collaboration.Api.Tests.Agreements;
using Collaboration.Api.Tests.Exchanges;
using Collaboration.Api.Tests.Support;

namespace Collaboration.Api.Tests.Platform;

/// <summary>
/// Messages speak of partners, whatever their kind (docs/contract.md, "Vocabulary"): a few representative ones,
/// each pinned word for word under the one title of its status.
/// </summary>
public sealed class ErrorVocabularyTests(CollaborationApiFactory api) : IClassFixture<CollaborationApiFactory>
{
    [Fact]
    public async Task AnAgreementBetweenPartnersThatDoNotExistNamesThemAsPartners()
    {
        using var network = new AgreementNetwork(api);
        await network.AddAsync("gallese");

        var response = await network.Coordinator.PostAsJsonAsync("/agreements", network.DraftBody("gallese", "atlantis"));

        var problem = await response.AssertValidationProblemAsync("parties");
        Assert.Equal($"There is no partner '{network.Id("atlantis")}'.", problem.GetProperty("errors").GetProperty("parties")[0].GetString());
    }

    [Fact]
    public async Task APartnerThatDraftsAnAgreementItIsNotPartyToIsToldItIsAPartner()
    {
        using var network = new AgreementNetwork(api);
        await network.AddAsync("gallese", "kelme", "novo-mesto");

        var response = await network.As("novo-mesto").PostAsJsonAsync("/agreements", network.DraftBody("gallese", "kelme"));

        var problem = await response.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(
            $"A partner drafts only agreements it is a party to; {network.Id("novo-mesto")} is not among the parties. The coordinator may draft any agreement.",
            problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task AdmittingAPartnerThatDoesNotExistNamesItAsAPartner()
    {
        using var network = new AgreementNetwork(api);
        await network.AddAsync("gallese", "kelme");
        var id = await network.DraftAsync(network.Coordinator, "gallese", "kelme");

        var response = await network.Coordinator.PostAsJsonAsync($"/agreements/{id}/parties", new { municipalityId = network.Id("lemuria") });

        var problem = await response.AssertValidationProblemAsync("municipalityId");
        Assert.Equal($"There is no partner '{network.Id("lemuria")}'.", problem.GetProperty("errors").GetProperty("municipalityId")[0].GetString());
    }

    [Fact]
    public async Task AnAuthorAdoptingItsOwnExchangeIsToldAdoptionsAreByOtherPartners()
    {
        var network = new ExchangeNetwork(api, "vocab");
        await network.AddPartnersAsync(("novo-mesto", "SI"));
        var practice = await network.PostAsync("novo-mesto", "NGOs and the municipality integrating migrants");

        var response = await network.AdoptAsync("novo-mesto", practice.GetProperty("id").GetString()!, "interested");

        var problem = await response.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("A partner cannot adopt its own exchange; adoptions track replication by other partners.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task TheExchangesOfAnUnknownPartnerAreNotFoundAsAPartner()
    {
        using var coordinator = api.CreateCoordinatorClient();

        var response = await coordinator.GetAsync("/municipalities/atlantis-vocab/exchanges");

        var problem = await response.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("There is no partner 'atlantis-vocab'.", problem.GetProperty("detail").GetString());
    }
}
