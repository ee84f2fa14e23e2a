using System.Net;
using Collaboration.Api.Tests.Support;

namespace Collaboration.Api.Tests.Exchanges;

// Not sealed: AzureTable/ runs these tests again on Azure Table storage.
public class MunicipalityExchangesApiTests(CollaborationApiFactory api) : IClassFixture<CollaborationApiFactory>
{
    [Fact]
    public async Task APartnersOwnViewShowsWhatItPostedAndWhatItAdopted()
    {
        var net = new ExchangeNetwork(api, "own1");
        await net.AddPartnersAsync(("novo-mesto", "SI"), ("canepina", "IT"), ("kelme", "LT"));
        var charter = (await net.PostAsync("novo-mesto", "NGO charter")).GetProperty("id").GetString()!;
        var hosting = (await net.PostAsync("canepina", "Hosting families")).GetProperty("id").GetString()!;
        var own = (await net.PostAsync("kelme", "Youth centre")).GetProperty("id").GetString()!;
        (await net.AdoptAsync("kelme", charter, "adapting", "Translating it.")).EnsureSuccessStatusCode();
        (await net.AdoptAsync("kelme", hosting, "interested")).EnsureSuccessStatusCode();
        using var coordinator = api.CreateCoordinatorClient();

        var view = await (await coordinator.GetAsync($"/municipalities/{net.Id("kelme")}/exchanges")).AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal(net.Id("kelme"), view.GetProperty("municipalityId").GetString());
        Assert.Equal([own], view.GetProperty("posted").GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()));
        var adopted = view.GetProperty("adopted").GetProperty("items");
        Assert.Equal([hosting, charter], adopted.EnumerateArray().Select(a => a.GetProperty("exchange").GetProperty("id").GetString()));
        Assert.Equal("adapting", adopted[1].GetProperty("status").GetString());
        Assert.Equal("NGO charter", adopted[1].GetProperty("exchange").GetProperty("title").GetString());
        Assert.Equal(net.Id("novo-mesto"), adopted[1].GetProperty("exchange").GetProperty("author").GetString());
    }

    [Fact]
    public async Task EachListOfTheOwnViewPagesOnItsOwn()
    {
        var net = new ExchangeNetwork(api, "own2");
        await net.AddPartnersAsync(("kelme", "LT"), ("gallese", "IT"));
        for (var i = 0; i < 3; i++)
        {
            await net.PostAsync("kelme", $"Own {i}");
            var other = (await net.PostAsync("gallese", $"Other {i}")).GetProperty("id").GetString()!;
            (await net.AdoptAsync("kelme", other, "interested")).EnsureSuccessStatusCode();
        }

        using var kelme = net.As("kelme");
        var url = $"/municipalities/{net.Id("kelme")}/exchanges?limit=2";
        var first = await (await kelme.GetAsync(url)).AssertJsonAsync(HttpStatusCode.OK);
        var postedCursor = Uri.EscapeDataString(first.GetProperty("posted").GetProperty("nextCursor").GetString()!);
        var adoptedCursor = Uri.EscapeDataString(first.GetProperty("adopted").GetProperty("nextCursor").GetString()!);
        var second = await (await kelme.GetAsync($"{url}&postedCursor={postedCursor}&adoptedCursor={adoptedCursor}")).AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal(
            ["Own 2", "Own 1", "Own 0"],
            first.GetProperty("posted").GetProperty("items").EnumerateArray().Concat(second.GetProperty("posted").GetProperty("items").EnumerateArray())
                .Select(i => i.GetProperty("title").GetString()));
        Assert.Equal(
            ["Other 2", "Other 1", "Other 0"],
            first.GetProperty("adopted").GetProperty("items").EnumerateArray().Concat(second.GetProperty("adopted").GetProperty("items").EnumerateArray())
                .Select(a => a.GetProperty("exchange").GetProperty("title").GetString()));
        Assert.Null(second.GetProperty("posted").GetProperty("nextCursor").GetString());
        Assert.Null(second.GetProperty("adopted").GetProperty("nextCursor").GetString());
    }

    [Fact]
    public async Task TheOwnViewOfAnUnknownPartnerIsNotFoundAndBadCursorsAreNamed()
    {
        var net = new ExchangeNetwork(api, "own3");
        await net.AddPartnersAsync(("kelme", "LT"));
        using var coordinator = api.CreateCoordinatorClient();

        await (await coordinator.GetAsync("/municipalities/atlantis/exchanges")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await coordinator.GetAsync($"/municipalities/{net.Id("kelme")}/exchanges?postedCursor=x&adoptedCursor=y&limit=500"))
            .AssertValidationProblemAsync("postedCursor", "adoptedCursor", "limit");
    }
}
