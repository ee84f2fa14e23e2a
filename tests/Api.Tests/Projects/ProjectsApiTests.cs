using System.Net;
using System.Net.Http.Json;
using Collaboration.Api.Tests.Support;

namespace Collaboration.Api.Tests.Projects;

// Not sealed: AzureTable/ runs these tests again on Azure Table storage.
public class ProjectsApiTests(CollaborationApiFactory api) : IClassFixture<CollaborationApiFactory>
{
    private static object Project(string id, string lead, string[] partners, string programme = "europeForCitizens", string measure = "networkOfTowns") => new
    {
        id,
        acronym = id.ToUpperInvariant(),
        title = $"Project {id}",
        programme,
        measure,
        call = 2017,
        strand = "Strand 2",
        startDate = "2017-01-01",
        endDate = "2018-12-31",
        lead,
        partners,
        themes = new[] { "migration", "integration" },
    };

    private async Task<Dictionary<string, string>> PartnersAsync(string prefix, params (string Suffix, string Country)[] partners)
    {
        var keys = new Dictionary<string, string>();
        foreach (var (suffix, country) in partners)
        {
            keys[$"{prefix}-{suffix}"] = await api.CreateMunicipalityAsync($"{prefix}-{suffix}", country);
        }

        return keys;
    }

    [Fact]
    public async Task CoordinatorRegistersAProjectAndBothSidesSeeTheMembership()
    {
        await PartnersAsync("p1", ("a", "IT"), ("b", "SI"), ("c", "ME"));
        using var coordinator = api.CreateCoordinatorClient();

        var response = await coordinator.PostAsJsonAsync("/projects", Project("p1-net", "p1-a", ["p1-a", "p1-b", "p1-c"]));

        var created = await response.AssertJsonAsync(HttpStatusCode.Created);
        Assert.Equal("/projects/p1-net", response.Headers.Location?.OriginalString);
        Assert.Equal(["p1-a", "p1-b", "p1-c"], created.GetProperty("partners").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal(0, created.GetProperty("events").GetArrayLength());
        Assert.True(created.TryGetProperty("eligibility", out _));

        var partner = await (await coordinator.GetAsync("/municipalities/p1-b")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(["p1-net"], partner.GetProperty("projects").EnumerateArray().Select(p => p.GetString()));
    }

    [Fact]
    public async Task ALeadThatIsNotAPartnerIsRefused()
    {
        await PartnersAsync("p2", ("a", "IT"), ("b", "SI"));
        using var coordinator = api.CreateCoordinatorClient();

        var response = await coordinator.PostAsJsonAsync("/projects", Project("p2-net", "p2-b", ["p2-a"]));

        await response.AssertValidationProblemAsync("lead");
    }

    [Fact]
    public async Task UnknownPartnersAreRefusedAndNothingIsCreated()
    {
        await PartnersAsync("p3", ("a", "IT"));
        using var coordinator = api.CreateCoordinatorClient();

        var response = await coordinator.PostAsJsonAsync("/projects", Project("p3-net", "p3-a", ["p3-a", "p3-ghost"]));

        var problem = await response.AssertValidationProblemAsync("partners");
        Assert.Contains("p3-ghost", problem.GetProperty("errors").GetProperty("partners")[0].GetString(), StringComparison.Ordinal);
        await (await coordinator.GetAsync("/projects/p3-net")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task InvalidProjectFieldsAreNamed()
    {
        using var coordinator = api.CreateCoordinatorClient();

        var response = await coordinator.PostAsJsonAsync("/projects", new { id = "P!", title = "", startDate = "2018-01-01", endDate = "2017-01-01", partners = Array.Empty<string>() });

        await response.AssertValidationProblemAsync("id", "acronym", "title", "programme", "measure", "endDate", "lead", "partners");
    }

    [Fact]
    public async Task AnImpossibleDateIsABadRequestNamingTheField()
    {
        using var coordinator = api.CreateCoordinatorClient();

        var response = await coordinator.PostAsJsonAsync("/projects", new { id = "bad-date", startDate = "2017-02-30" });

        await response.AssertValidationProblemAsync("startDate");
    }

    [Fact]
    public async Task RegisteringAProjectTwiceIsAConflict()
    {
        await PartnersAsync("p4", ("a", "IT"));
        using var coordinator = api.CreateCoordinatorClient();
        (await coordinator.PostAsJsonAsync("/projects", Project("p4-net", "p4-a", ["p4-a"]))).EnsureSuccessStatusCode();

        var response = await coordinator.PostAsJsonAsync("/projects", Project("p4-net", "p4-a", ["p4-a"]));

        await response.AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task MunicipalitiesCannotRegisterProjects()
    {
        var keys = await PartnersAsync("p5", ("a", "IT"));
        using var client = api.CreateClient(keys["p5-a"]);

        var response = await client.PostAsJsonAsync("/projects", Project("p5-net", "p5-a", ["p5-a"]));

        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task TheLeadAddsAndRemovesPartnersAndTheMembershipFollowsOnBothSides()
    {
        var keys = await PartnersAsync("p6", ("lead", "IT"), ("b", "SI"), ("new", "LT"));
        using var coordinator = api.CreateCoordinatorClient();
        (await coordinator.PostAsJsonAsync("/projects", Project("p6-net", "p6-lead", ["p6-lead", "p6-b"]))).EnsureSuccessStatusCode();
        using var lead = api.CreateClient(keys["p6-lead"]);

        var added = await (await lead.PostAsJsonAsync("/projects/p6-net/partners", new { municipalityId = "p6-new" })).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Contains("p6-new", added.GetProperty("partners").EnumerateArray().Select(p => p.GetString()));
        var newcomer = await (await lead.GetAsync("/municipalities/p6-new")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Contains("p6-net", newcomer.GetProperty("projects").EnumerateArray().Select(p => p.GetString()));

        Assert.Equal(HttpStatusCode.NoContent, (await lead.DeleteAsync("/projects/p6-net/partners/p6-new")).StatusCode);
        var gone = await (await lead.GetAsync("/municipalities/p6-new")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(0, gone.GetProperty("projects").GetArrayLength());
    }

    [Fact]
    public async Task APartnerThatIsNotTheLeadCannotChangeThePartnership()
    {
        var keys = await PartnersAsync("p7", ("lead", "IT"), ("b", "SI"), ("c", "LT"));
        using var coordinator = api.CreateCoordinatorClient();
        (await coordinator.PostAsJsonAsync("/projects", Project("p7-net", "p7-lead", ["p7-lead", "p7-b"]))).EnsureSuccessStatusCode();
        using var partner = api.CreateClient(keys["p7-b"]);

        await (await partner.PostAsJsonAsync("/projects/p7-net/partners", new { municipalityId = "p7-c" })).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await partner.DeleteAsync("/projects/p7-net/partners/p7-lead")).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task AddingAPartnerTwiceIsAConflictAndAddingAnUnknownOneIsRefused()
    {
        await PartnersAsync("p8", ("lead", "IT"), ("b", "SI"));
        using var coordinator = api.CreateCoordinatorClient();
        (await coordinator.PostAsJsonAsync("/projects", Project("p8-net", "p8-lead", ["p8-lead", "p8-b"]))).EnsureSuccessStatusCode();

        await (await coordinator.PostAsJsonAsync("/projects/p8-net/partners", new { municipalityId = "p8-b" })).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await coordinator.PostAsJsonAsync("/projects/p8-net/partners", new { municipalityId = "p8-nobody" })).AssertValidationProblemAsync("municipalityId");
        await (await coordinator.PostAsJsonAsync("/projects/p8-missing/partners", new { municipalityId = "p8-b" })).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task TheLeadCannotBeRemovedAndRemovingANonPartnerIsNotFound()
    {
        await PartnersAsync("p9", ("lead", "IT"), ("b", "SI"));
        using var coordinator = api.CreateCoordinatorClient();
        (await coordinator.PostAsJsonAsync("/projects", Project("p9-net", "p9-lead", ["p9-lead", "p9-b"]))).EnsureSuccessStatusCode();

        await (await coordinator.DeleteAsync("/projects/p9-net/partners/p9-lead")).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await coordinator.DeleteAsync("/projects/p9-net/partners/p9-stranger")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ListingProjectsCanBeFilteredByPartner()
    {
        await PartnersAsync("p10", ("a", "IT"), ("b", "SI"));
        using var coordinator = api.CreateCoordinatorClient();
        (await coordinator.PostAsJsonAsync("/projects", Project("p10-one", "p10-a", ["p10-a"]))).EnsureSuccessStatusCode();
        (await coordinator.PostAsJsonAsync("/projects", Project("p10-two", "p10-b", ["p10-b", "p10-a"]))).EnsureSuccessStatusCode();

        var ofB = await (await coordinator.GetAsync("/projects?partner=p10-b")).AssertJsonAsync(HttpStatusCode.OK);
        var all = await (await coordinator.GetAsync("/projects")).AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal(["p10-two"], ofB.EnumerateArray().Select(p => p.GetProperty("id").GetString()));
        Assert.Contains("p10-one", all.EnumerateArray().Select(p => p.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task EligibilityReportsEveryRuleOfTheProgrammeAndTheRulesThatNeedEventsAreNotYetSatisfied()
    {
        await PartnersAsync("p11", ("it", "IT"), ("si", "SI"), ("me", "ME"), ("lt", "LT"), ("fr", "FR"));
        using var coordinator = api.CreateCoordinatorClient();
        (await coordinator.PostAsJsonAsync("/projects", Project("p11-net", "p11-it", ["p11-it", "p11-si", "p11-me", "p11-lt", "p11-fr"]))).EnsureSuccessStatusCode();

        var eligibility = await (await coordinator.GetAsync("/projects/p11-net/eligibility")).AssertJsonAsync(HttpStatusCode.OK);

        var rules = eligibility.GetProperty("rules").EnumerateArray().ToDictionary(r => r.GetProperty("code").GetString()!, r => r.GetProperty("satisfied").GetBoolean());
        Assert.True(rules["min-countries"]);
        Assert.True(rules["min-eu-member-states"]);
        Assert.True(rules["eligible-countries"]);
        Assert.True(rules["max-duration-months"]);
        Assert.False(rules["min-events"]);
        Assert.False(rules["max-event-days"]);
        Assert.False(eligibility.GetProperty("eligible").GetBoolean());
    }

    [Fact]
    public async Task EligibilityOfAnUnknownProjectIsNotFound()
    {
        using var coordinator = api.CreateCoordinatorClient();

        await (await coordinator.GetAsync("/projects/none-such/eligibility")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AProjectCarriesAnEtag()
    {
        await PartnersAsync("p12", ("a", "IT"));
        using var coordinator = api.CreateCoordinatorClient();
        (await coordinator.PostAsJsonAsync("/projects", Project("p12-net", "p12-a", ["p12-a"]))).EnsureSuccessStatusCode();

        var response = await coordinator.GetAsync("/projects/p12-net");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(response.Headers.ETag);
    }

    [Fact]
    public async Task AProjectReadAgainIsTheSameDocumentUntilItChanges()
    {
        await PartnersAsync("p13", ("a", "IT"), ("b", "SI"));
        using var coordinator = api.CreateCoordinatorClient();
        (await coordinator.PostAsJsonAsync("/projects", Project("p13-net", "p13-a", ["p13-a"]))).EnsureSuccessStatusCode();

        var first = await coordinator.GetAsync("/projects/p13-net");
        var again = await coordinator.GetAsync("/projects/p13-net");
        (await coordinator.PostAsJsonAsync("/projects/p13-net/partners", new { municipalityId = "p13-b" })).EnsureSuccessStatusCode();
        var changed = await coordinator.GetAsync("/projects/p13-net");

        Assert.Equal("application/json", first.Content.Headers.ContentType?.MediaType);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.ETag, again.Headers.ETag);
        var partners = (await changed.AssertJsonAsync(HttpStatusCode.OK)).GetProperty("partners").EnumerateArray().Select(p => p.GetString());
        Assert.Equal(["p13-a", "p13-b"], partners);
        Assert.NotEqual(first.Headers.ETag, changed.Headers.ETag);
    }
}
