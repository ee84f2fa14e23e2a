using System.Net;
using System.Net.Http.Json;
using Collaboration.Api.Tests.Exchanges;
using Collaboration.Api.Tests.Support;

namespace Collaboration.Api.Tests.Corrections;

public sealed class ProjectUpdateApiTests(CollaborationApiFactory api) : IClassFixture<CollaborationApiFactory>
{
    private static object Details(string title, string endDate = "2018-12-31", int call = 2017) => new
    {
        acronym = "SHELTER",
        title,
        call,
        strand = "Strand 2",
        startDate = "2017-01-01",
        endDate,
        themes = new[] { "migration", "integration" },
        summary = "Towns welcoming newcomers.",
    };

    [Fact]
    public async Task TheLeadCorrectsTheProjectAtItsVersionAndEligibilityFollowsTheNewDates()
    {
        var network = new ExchangeNetwork(api, "pu1");
        await network.AddPartnersAsync(("gallese", "IT"), ("novo-mesto", "SI"));
        await network.AddProjectAsync("shelter", "gallese", "novo-mesto");
        using var lead = network.As("gallese");
        var read = await lead.GetAsync($"/projects/{network.Id("shelter")}");

        // Four years is longer than the programme allows: the duration rule turns false.
        using var update = new HttpRequestMessage(HttpMethod.Put, $"/projects/{network.Id("shelter")}") { Content = JsonContent.Create(Details("SHELTER: towns welcoming newcomers", "2020-12-31")) };
        update.Headers.IfMatch.Add(read.Headers.ETag!);
        var response = await lead.SendAsync(update);

        var body = await response.AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("SHELTER: towns welcoming newcomers", body.GetProperty("title").GetString());
        Assert.Equal("2020-12-31", body.GetProperty("endDate").GetString());
        Assert.NotEqual(read.Headers.ETag, response.Headers.ETag);
        var duration = body.GetProperty("eligibility").GetProperty("rules").EnumerateArray().Single(r => r.GetProperty("code").GetString() == "max-duration-months");
        Assert.False(duration.GetProperty("satisfied").GetBoolean());

        using var stale = new HttpRequestMessage(HttpMethod.Put, $"/projects/{network.Id("shelter")}") { Content = JsonContent.Create(Details("Again")) };
        stale.Headers.IfMatch.Add(read.Headers.ETag!);
        await (await lead.SendAsync(stale)).AssertProblemAsync(HttpStatusCode.PreconditionFailed);

        using var coordinator = api.CreateCoordinatorClient();
        Assert.Contains("project.updated", await ActivityLog.TypesOfAsync(coordinator, $"project/{network.Id("shelter")}"));
    }

    [Fact]
    public async Task APartnerThatIsNotTheLeadMayNotChangeTheProjectAndBadFieldsAreNamed()
    {
        var network = new ExchangeNetwork(api, "pu2");
        await network.AddPartnersAsync(("gallese", "IT"), ("kelme", "LT"));
        await network.AddProjectAsync("shelter", "gallese", "kelme");
        using var partner = network.As("kelme");
        using var coordinator = api.CreateCoordinatorClient();

        await (await partner.PutAsJsonAsync($"/projects/{network.Id("shelter")}", Details("Mine now"))).AssertProblemAsync(HttpStatusCode.Forbidden);
        var invalid = await coordinator.PutAsJsonAsync($"/projects/{network.Id("shelter")}", new { acronym = "", title = "T", startDate = "2018-01-01", endDate = "2017-01-01" });
        await invalid.AssertValidationProblemAsync("acronym", "endDate");
        var programme = await coordinator.PutAsJsonAsync($"/projects/{network.Id("shelter")}", new { acronym = "S", title = "T", startDate = "2017-01-01", endDate = "2017-12-31", programme = "cerv" });
        await programme.AssertValidationProblemAsync("programme");
        await (await coordinator.PutAsJsonAsync("/projects/no-such-project", Details("T"))).AssertProblemAsync(HttpStatusCode.NotFound);
    }
}
