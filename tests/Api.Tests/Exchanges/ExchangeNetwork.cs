using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Collaboration.Api.Tests.Support;

namespace Collaboration.Api.Tests.Exchanges;

/// <summary>
/// Partners of one test, with ids under a prefix of their own (the API host is shared by the tests of a class),
/// and helpers that post, reply and adopt through the API as those partners.
/// </summary>
public sealed class ExchangeNetwork(CollaborationApiFactory api, string prefix)
{
    private readonly Dictionary<string, string> _keys = [];

    /// <summary>The full id of a partner of this network: "&lt;prefix&gt;-&lt;name&gt;".</summary>
    public string Id(string name) => $"{prefix}-{name}";

    /// <summary>A theme no other test uses, so that lists filtered by it hold only this test's exchanges.</summary>
    public string Theme => $"theme {prefix}";

    public async Task AddPartnersAsync(params (string Name, string Country)[] partners)
    {
        foreach (var (name, country) in partners)
        {
            _keys[name] = await api.CreateMunicipalityAsync(Id(name), country);
        }
    }

    public async Task AddProjectAsync(string name, params string[] partners)
    {
        using var coordinator = api.CreateCoordinatorClient();
        var response = await coordinator.PostAsJsonAsync("/projects", new
        {
            id = Id(name),
            acronym = name.ToUpperInvariant(),
            title = $"Project {name}",
            programme = "europeForCitizens",
            measure = "networkOfTowns",
            startDate = "2017-01-01",
            endDate = "2018-12-31",
            lead = Id(partners[0]),
            partners = partners.Select(Id).ToArray(),
        });
        response.EnsureSuccessStatusCode();
    }

    public HttpClient As(string name) => api.CreateClient(_keys[name]);

    public async Task<JsonElement> PostAsync(
        string author,
        string title,
        string kind = "goodPractice",
        string[]? themes = null,
        string summary = "How a town and its NGOs welcome newcomers together.",
        string? body = null,
        string? projectId = null)
    {
        using var client = As(author);
        var response = await client.PostAsJsonAsync("/exchanges", new
        {
            kind,
            title,
            summary,
            body,
            themes = themes ?? [Theme],
            projectId,
        });
        return await response.AssertJsonAsync(HttpStatusCode.Created);
    }

    public async Task<HttpResponseMessage> AdoptAsync(string adopter, string exchangeId, string status, string? note = null, string? asPartner = null)
    {
        using var client = As(asPartner ?? adopter);
        return await client.PutAsJsonAsync($"/exchanges/{exchangeId}/adoptions/{Id(adopter)}", new { status, note });
    }
}
