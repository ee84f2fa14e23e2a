using System.Net;
using System.Net.Http.Json;
using Collaboration.Api.Tests.Support;

namespace Collaboration.Api.Tests.Municipalities;

// Not sealed: AzureTable/ runs these tests again on Azure Table storage.
public class MunicipalitiesApiTests(CollaborationApiFactory api) : IClassFixture<CollaborationApiFactory>
{
    [Fact]
    public async Task CoordinatorRegistersAPartnerAndGetsItsApiKeyOnce()
    {
        using var coordinator = api.CreateCoordinatorClient();

        var response = await coordinator.PostAsJsonAsync("/municipalities", new
        {
            id = "novo-mesto",
            name = "Novo mesto",
            country = "SI",
            region = "Southeast Slovenia",
            population = 37280,
            website = "https://www.novomesto.si",
            languages = new[] { "sl" },
            contactEmail = "mestna.obcina@novomesto.si",
        });

        var created = await response.AssertJsonAsync(HttpStatusCode.Created);
        Assert.Equal("/municipalities/novo-mesto", response.Headers.Location?.OriginalString);
        Assert.Equal("municipality", created.GetProperty("kind").GetString());
        var apiKey = created.GetProperty("apiKey").GetString();
        Assert.False(string.IsNullOrEmpty(apiKey));

        var read = await (await coordinator.GetAsync("/municipalities/novo-mesto")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Novo mesto", read.GetProperty("name").GetString());
        Assert.Equal(37280, read.GetProperty("population").GetInt32());
        Assert.False(read.TryGetProperty("apiKey", out _));
        Assert.Equal(0, read.GetProperty("projects").GetArrayLength());
        Assert.Equal(0, read.GetProperty("agreements").GetArrayLength());

        using var itself = api.CreateClient(apiKey);
        Assert.Equal(HttpStatusCode.OK, (await itself.GetAsync("/municipalities/novo-mesto")).StatusCode);
    }

    [Fact]
    public async Task RegisteringAnExistingIdIsAConflict()
    {
        await api.CreateMunicipalityAsync("gallese", "IT");
        using var coordinator = api.CreateCoordinatorClient();

        var response = await coordinator.PostAsJsonAsync("/municipalities", new { id = "gallese", name = "Gallese again", country = "IT" });

        await response.AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task RegisteringWithInvalidFieldsNamesEveryField()
    {
        using var coordinator = api.CreateCoordinatorClient();

        var response = await coordinator.PostAsJsonAsync("/municipalities", new
        {
            id = "Not A Slug",
            name = "",
            country = "XX",
            population = -5,
            website = "ftp://example.org",
            contactEmail = "not-an-email",
        });

        await response.AssertValidationProblemAsync("id", "name", "country", "population", "website", "contactEmail");
    }

    [Fact]
    public async Task AnUnknownKindIsABadRequestNamingTheField()
    {
        using var coordinator = api.CreateCoordinatorClient();

        var response = await coordinator.PostAsJsonAsync("/municipalities", new { id = "kind-test", name = "K", country = "SI", kind = "city" });

        await response.AssertValidationProblemAsync("kind");
    }

    [Fact]
    public async Task PartnerBodiesThatAreNotMunicipalitiesCanBeRegistered()
    {
        using var coordinator = api.CreateCoordinatorClient();

        var response = await coordinator.PostAsJsonAsync("/municipalities", new { id = "rc-novo-mesto", name = "Regional development agency", country = "SI", kind = "agency" });

        var created = await response.AssertJsonAsync(HttpStatusCode.Created);
        Assert.Equal("agency", created.GetProperty("kind").GetString());
    }

    [Fact]
    public async Task AMunicipalityKeyCannotRegisterPartners()
    {
        var key = await api.CreateMunicipalityAsync("kelme", "LT");
        using var kelme = api.CreateClient(key);

        var response = await kelme.PostAsJsonAsync("/municipalities", new { id = "fake-town", name = "Fake", country = "LT" });

        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task ListingFiltersByCountryWithoutListingOthers()
    {
        await api.CreateMunicipalityAsync("list-me-a", "ME");
        await api.CreateMunicipalityAsync("list-me-b", "ME");
        await api.CreateMunicipalityAsync("list-fr-a", "FR");
        using var coordinator = api.CreateCoordinatorClient();

        var list = await (await coordinator.GetAsync("/municipalities?country=ME")).AssertJsonAsync(HttpStatusCode.OK);

        var ids = list.EnumerateArray().Select(m => m.GetProperty("id").GetString()).ToList();
        Assert.Contains("list-me-a", ids);
        Assert.Contains("list-me-b", ids);
        Assert.DoesNotContain("list-fr-a", ids);
        Assert.All(list.EnumerateArray(), m => Assert.Equal("ME", m.GetProperty("country").GetString()));
    }

    [Fact]
    public async Task ListingWithAnUnknownCountryIsABadRequest()
    {
        using var coordinator = api.CreateCoordinatorClient();

        var response = await coordinator.GetAsync("/municipalities?country=ZZ");

        await response.AssertValidationProblemAsync("country");
    }

    [Fact]
    public async Task ReadingAnUnknownPartnerIsNotFound()
    {
        using var coordinator = api.CreateCoordinatorClient();

        await (await coordinator.GetAsync("/municipalities/atlantis")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await coordinator.GetAsync("/municipalities/..%2F..%2Fetc")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task APartnerUpdatesItsOwnProfileWithTheCurrentEtag()
    {
        var key = await api.CreateMunicipalityAsync("laragne", "FR", "Laragne");
        using var laragne = api.CreateClient(key);
        var read = await laragne.GetAsync("/municipalities/laragne");
        var etag = read.Headers.ETag;
        Assert.NotNull(etag);

        using var update = new HttpRequestMessage(HttpMethod.Put, "/municipalities/laragne")
        {
            Content = JsonContent.Create(new { name = "Laragne-Montéglin", country = "FR", population = 3500 }),
        };
        update.Headers.IfMatch.Add(etag);
        var response = await laragne.SendAsync(update);

        var updated = await response.AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Laragne-Montéglin", updated.GetProperty("name").GetString());
        Assert.NotEqual(etag, response.Headers.ETag);
    }

    [Fact]
    public async Task UpdatingWithAStaleEtagIsPreconditionFailedAndChangesNothing()
    {
        var key = await api.CreateMunicipalityAsync("herceg-novi", "ME", "Herceg Novi");
        using var client = api.CreateClient(key);
        var stale = (await client.GetAsync("/municipalities/herceg-novi")).Headers.ETag!;
        (await client.PutAsJsonAsync("/municipalities/herceg-novi", new { name = "Herceg Novi (1)", country = "ME" })).EnsureSuccessStatusCode();

        using var update = new HttpRequestMessage(HttpMethod.Put, "/municipalities/herceg-novi")
        {
            Content = JsonContent.Create(new { name = "Herceg Novi (2)", country = "ME" }),
        };
        update.Headers.IfMatch.Add(stale);
        var response = await client.SendAsync(update);

        await response.AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        var current = await (await client.GetAsync("/municipalities/herceg-novi")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Herceg Novi (1)", current.GetProperty("name").GetString());
    }

    [Fact]
    public async Task AMunicipalityKeyCanNeverChangeAnotherPartner()
    {
        await api.CreateMunicipalityAsync("victim-town", "IT", "Victim");
        var attackerKey = await api.CreateMunicipalityAsync("attacker-town", "IT", "Attacker");
        using var attacker = api.CreateClient(attackerKey);

        var response = await attacker.PutAsJsonAsync("/municipalities/victim-town", new { name = "Owned", country = "IT" });

        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
        using var coordinator = api.CreateCoordinatorClient();
        var victim = await (await coordinator.GetAsync("/municipalities/victim-town")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Victim", victim.GetProperty("name").GetString());
    }

    [Fact]
    public async Task TheCoordinatorMayUpdateAnyProfile()
    {
        await api.CreateMunicipalityAsync("canepina", "IT", "Canepina");
        using var coordinator = api.CreateCoordinatorClient();

        var response = await coordinator.PutAsJsonAsync("/municipalities/canepina", new { name = "Comune di Canepina", country = "IT", region = "Lazio" });

        var updated = await response.AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Lazio", updated.GetProperty("region").GetString());
    }

    [Fact]
    public async Task UpdatingAnUnknownPartnerIsNotFound()
    {
        using var coordinator = api.CreateCoordinatorClient();

        var response = await coordinator.PutAsJsonAsync("/municipalities/nowhere", new { name = "Nowhere", country = "IT" });

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task IssuingANewKeyRevokesTheOldOne()
    {
        var oldKey = await api.CreateMunicipalityAsync("rotating-town", "HR");
        using var coordinator = api.CreateCoordinatorClient();
        using var withOld = api.CreateClient(oldKey);
        // Used just before, so that the old key is remembered by the server when it is revoked.
        Assert.Equal(HttpStatusCode.OK, (await withOld.GetAsync("/municipalities/rotating-town")).StatusCode);

        var issued = await (await coordinator.PostAsync("/municipalities/rotating-town/api-key", null)).AssertJsonAsync(HttpStatusCode.OK);
        var newKey = issued.GetProperty("apiKey").GetString();

        using var withNew = api.CreateClient(newKey);
        await (await withOld.GetAsync("/municipalities/rotating-town")).AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, (await withNew.GetAsync("/municipalities/rotating-town")).StatusCode);
    }

    [Fact]
    public async Task OnlyTheCoordinatorIssuesKeys()
    {
        var key = await api.CreateMunicipalityAsync("greedy-town", "HR");
        using var client = api.CreateClient(key);

        var response = await client.PostAsync("/municipalities/greedy-town/api-key", null);

        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task IssuingAKeyForAnUnknownPartnerIsNotFound()
    {
        using var coordinator = api.CreateCoordinatorClient();

        await (await coordinator.PostAsync("/municipalities/ghost-town/api-key", null)).AssertProblemAsync(HttpStatusCode.NotFound);
    }
}
