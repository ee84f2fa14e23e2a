using System.Net;
using System.Net.Http.Json;
using Collaboration.Api.Tests.Exchanges;
using Collaboration.Api.Tests.Support;

namespace Collaboration.Api.Tests.Corrections;

public sealed class EventsAcrossProjectsApiTests(CollaborationApiFactory api) : IClassFixture<CollaborationApiFactory>
{
    private static async Task<string> AddEventAsync(HttpClient coordinator, string project, string host, string title, string start, string end)
    {
        var response = await coordinator.PostAsJsonAsync($"/projects/{project}/events", new
        {
            title, kind = "workshop", host, place = "Town hall", startDate = start, endDate = end, description = "to learn from each other",
        });
        return (await response.AssertJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task EventsOfEveryProjectAreListedByStartDateAndFilteredByDatesCountryAndProjectPageByPage()
    {
        var network = new ExchangeNetwork(api, "ev1");
        await network.AddPartnersAsync(("gallese", "IT"), ("novo-mesto", "SI"), ("kelme", "LT"));
        await network.AddProjectAsync("shelter", "gallese", "novo-mesto");
        await network.AddProjectAsync("bridges", "kelme", "gallese");
        using var coordinator = api.CreateCoordinatorClient();
        var a = await AddEventAsync(coordinator, network.Id("shelter"), network.Id("gallese"), "Kick-off", "2017-03-01", "2017-03-02");
        var b = await AddEventAsync(coordinator, network.Id("bridges"), network.Id("kelme"), "Youth forum", "2017-04-10", "2017-04-11");
        var c = await AddEventAsync(coordinator, network.Id("shelter"), network.Id("novo-mesto"), "Study visit", "2017-05-20", "2017-05-22");
        await AddEventAsync(coordinator, network.Id("bridges"), network.Id("gallese"), "Closing", "2017-09-01", "2017-09-01");

        async Task<List<string>> IdsAsync(string query)
        {
            var page = await (await coordinator.GetAsync($"/events?{query}")).AssertJsonAsync(HttpStatusCode.OK);
            return page.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetString()!).ToList();
        }

        Assert.Equal([a, b, c], await IdsAsync("from=2017-03-01&to=2017-06-30"));
        Assert.Equal([a, c], await IdsAsync($"from=2017-03-01&to=2017-06-30&project={network.Id("shelter")}"));
        Assert.Equal([b], await IdsAsync("from=2017-01-01&to=2017-12-31&country=LT"));

        var first = await (await coordinator.GetAsync("/events?from=2017-03-01&to=2017-06-30&limit=2")).AssertJsonAsync(HttpStatusCode.OK);
        var cursor = first.GetProperty("nextCursor").GetString();
        Assert.Equal([a, b], first.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetString()));
        Assert.Equal([c], await IdsAsync($"from=2017-03-01&to=2017-06-30&limit=2&cursor={cursor}"));

        var invalid = await coordinator.GetAsync("/events?from=01.03.2031&limit=0&country=XX");
        await invalid.AssertValidationProblemAsync("from", "limit", "country");
    }
}
