using System.Net;
using System.Net.Http.Json;
using Collaboration.Api.Tests.Corrections;
using Collaboration.Api.Tests.Support;

namespace Collaboration.Api.Tests.Agreements;

public sealed class AgreementActivityApiTests(CollaborationApiFactory api) : IClassFixture<CollaborationApiFactory>
{
    [Fact]
    public async Task TheActivityLogAndTheHistoryNameThePartiesOfAnAgreementByTheirNames()
    {
        using var network = new AgreementNetwork(api);
        await network.AddAsync("gallese", "kelme", "novo-mesto", "bohinj");
        var id = await network.DraftAsync(network.As("gallese"), "gallese", "kelme");
        await (await network.SignAsync(id, "kelme")).AssertJsonAsync(HttpStatusCode.OK);
        using (var amend = new HttpRequestMessage(HttpMethod.Put, $"/agreements/{id}"))
        {
            amend.Content = JsonContent.Create(new
            {
                title = "SHELTER partnership agreement",
                areas = AgreementNetwork.ShelterAreas,
                text = "The partners agree to keep cooperating after the SHELTER project, and to meet once a year.",
            });
            amend.Headers.IfMatch.Add((await network.Coordinator.GetAsync($"/agreements/{id}")).Headers.ETag!);
            await (await network.As("gallese").SendAsync(amend)).AssertJsonAsync(HttpStatusCode.OK);
        }

        await (await network.Coordinator.PostAsJsonAsync($"/agreements/{id}/parties", new { municipalityId = network.Id("novo-mesto") }))
            .AssertJsonAsync(HttpStatusCode.OK);
        await (await network.Coordinator.PostAsJsonAsync($"/agreements/{id}/parties", new { municipalityId = network.Id("bohinj") }))
            .AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.NoContent, (await network.As("bohinj").DeleteAsync($"/agreements/{id}/parties/{network.Id("bohinj")}")).StatusCode);
        foreach (var town in new[] { "gallese", "kelme", "novo-mesto" })
        {
            await (await network.SignAsync(id, town)).AssertJsonAsync(HttpStatusCode.OK);
        }

        var bohinj = network.Id("bohinj");
        string[] expected =
        [
            "Gallese drafted \"SHELTER partnership agreement\" between Gallese, Kelmė.",
            "Mayor of kelme (Mayor) signed for Kelmė.",
            "Gallese amended the text; the signatures of Kelmė were cleared and must be given again.",
            "Novo mesto acceded, admitted by the coordinator; it is a party that has not signed yet.",
            $"{bohinj} acceded, admitted by the coordinator; it is a party that has not signed yet.",
            $"{bohinj} withdrew from the agreement; 3 parties remain.",
            "Mayor of gallese (Mayor) signed for Gallese.",
            "Mayor of kelme (Mayor) signed for Kelmė.",
            "Mayor of novo-mesto (Mayor) signed for Novo mesto.",
            "Every party has signed: the agreement is in force between Gallese, Kelmė, Novo mesto.",
        ];
        var records = await ActivityLog.OfAsync(network.Coordinator, $"agreement/{id}");
        Assert.Equal(expected, records.Select(r => r.GetProperty("summary").GetString()));
        var history = await (await network.Coordinator.GetAsync($"/agreements/{id}/history")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(expected, history.EnumerateArray().Select(e => e.GetProperty("summary").GetString()));
    }

    [Fact]
    public async Task ASummaryNamesAPartnerByTheNameItHasNow()
    {
        using var network = new AgreementNetwork(api);
        await network.AddAsync("gallese", "kelme");
        await (await network.Coordinator.PutAsJsonAsync($"/municipalities/{network.Id("kelme")}", new { name = "Kelmės rajonas", country = "LT" }))
            .AssertJsonAsync(HttpStatusCode.OK);

        var id = await network.DraftAsync(network.Coordinator, "gallese", "kelme");

        var drafted = Assert.Single(await ActivityLog.OfAsync(network.Coordinator, $"agreement/{id}"));
        Assert.Equal(
            "The coordinator drafted \"SHELTER partnership agreement\" between Gallese, Kelmės rajonas.",
            drafted.GetProperty("summary").GetString());
    }
}
