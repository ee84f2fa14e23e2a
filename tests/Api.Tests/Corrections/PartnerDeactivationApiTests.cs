using System.Net;
using Collaboration.Api.Tests.Exchanges;
using Collaboration.Api.Tests.Support;

namespace Collaboration.Api.Tests.Corrections;

public sealed class PartnerDeactivationApiTests(CollaborationApiFactory api) : IClassFixture<CollaborationApiFactory>
{
    [Fact]
    public async Task ADeactivatedPartnersKeyStopsWorkingItLeavesListsAndCountsAndComesBackWithItsKey()
    {
        var network = new ExchangeNetwork(api, "pd1");
        await network.AddPartnersAsync(("gallese", "IT"), ("herceg-novi", "ME"));
        await network.AddProjectAsync("shelter", "gallese", "herceg-novi");
        using var town = network.As("herceg-novi");
        await network.PostAsync("herceg-novi", "Port welcome desk");
        using var coordinator = api.CreateCoordinatorClient();
        var partnersBefore = (await (await coordinator.GetAsync("/network/summary")).AssertJsonAsync(HttpStatusCode.OK)).GetProperty("partners").GetInt32();

        var deactivated = await (await coordinator.PostAsync($"/municipalities/{network.Id("herceg-novi")}/deactivation", null)).AssertJsonAsync(HttpStatusCode.OK);

        Assert.False(deactivated.GetProperty("active").GetBoolean());
        await (await town.GetAsync("/projects")).AssertProblemAsync(HttpStatusCode.Unauthorized);
        var listed = await (await coordinator.GetAsync("/municipalities?country=ME")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.DoesNotContain(network.Id("herceg-novi"), listed.EnumerateArray().Select(p => p.GetProperty("id").GetString()));
        var all = await (await coordinator.GetAsync("/municipalities?country=ME&includeInactive=true")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Contains(all.EnumerateArray(), p => p.GetProperty("id").GetString() == network.Id("herceg-novi") && !p.GetProperty("active").GetBoolean());
        var partnersDuring = (await (await coordinator.GetAsync("/network/summary")).AssertJsonAsync(HttpStatusCode.OK)).GetProperty("partners").GetInt32();
        Assert.Equal(partnersBefore - 1, partnersDuring);

        // Its history stays: the project still names it, its exchange is still found.
        var project = await (await coordinator.GetAsync($"/projects/{network.Id("shelter")}")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Contains(network.Id("herceg-novi"), project.GetProperty("partners").EnumerateArray().Select(p => p.GetString()));
        var posted = await (await coordinator.GetAsync($"/exchanges?author={network.Id("herceg-novi")}")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(1, posted.GetProperty("items").GetArrayLength());
        await (await coordinator.PostAsync($"/municipalities/{network.Id("herceg-novi")}/api-key", null)).AssertProblemAsync(HttpStatusCode.Conflict);

        var reactivated = await (await coordinator.PostAsync($"/municipalities/{network.Id("herceg-novi")}/reactivation", null)).AssertJsonAsync(HttpStatusCode.OK);

        Assert.True(reactivated.GetProperty("active").GetBoolean());
        await (await town.GetAsync("/projects")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(
            ["municipality.deactivated", "municipality.reactivated"],
            (await ActivityLog.TypesOfAsync(coordinator, $"municipality/{network.Id("herceg-novi")}")).Where(t => t.EndsWith("activated", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task OnlyTheCoordinatorDeactivatesAPartner()
    {
        var network = new ExchangeNetwork(api, "pd2");
        await network.AddPartnersAsync(("gallese", "IT"), ("kelme", "LT"));
        using var town = network.As("gallese");

        await (await town.PostAsync($"/municipalities/{network.Id("kelme")}/deactivation", null)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await town.PostAsync($"/municipalities/{network.Id("gallese")}/deactivation", null)).AssertProblemAsync(HttpStatusCode.Forbidden);
        using var coordinator = api.CreateCoordinatorClient();
        await (await coordinator.PostAsync("/municipalities/no-such-town/deactivation", null)).AssertProblemAsync(HttpStatusCode.NotFound);
    }
}
