using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Collaboration.Api.Tests.Support;

namespace Collaboration.Api.Tests.Events;

/// <summary>Sets up partners, projects and events through the API, and keeps the partners' keys.</summary>
public sealed class EventsNetwork(CollaborationApiFactory api)
{
    private readonly Dictionary<string, string> _keys = new(StringComparer.Ordinal);

    public HttpClient Coordinator() => api.CreateCoordinatorClient();

    /// <summary>A client acting as the partner <paramref name="id"/>.</summary>
    public HttpClient As(string id) => api.CreateClient(_keys[id]);

    public async Task PartnerAsync(string id, string country, string? name = null) =>
        _keys[id] = await api.CreateMunicipalityAsync(id, country, name);

    /// <summary>Registers the partners (id, country, name) and the project they form; the first leads.</summary>
    public async Task ProjectAsync(
        string id,
        string title,
        string measure,
        string startDate,
        string endDate,
        params (string Id, string Country, string Name)[] partners)
    {
        foreach (var (partnerId, country, name) in partners)
        {
            await PartnerAsync(partnerId, country, name);
        }

        using var coordinator = Coordinator();
        var response = await coordinator.PostAsJsonAsync("/projects", new
        {
            id,
            acronym = id.ToUpperInvariant(),
            title,
            programme = "europeForCitizens",
            measure,
            call = 2017,
            startDate,
            endDate,
            lead = partners[0].Id,
            partners = partners.Select(p => p.Id).ToArray(),
        }, CollaborationApiFactory.Json);
        await response.AssertJsonAsync(HttpStatusCode.Created);
    }

    public static object Body(
        string host,
        string startDate,
        string endDate,
        string title = "Workshop",
        string kind = "workshop",
        string place = "Town hall",
        string description = "to learn from each other") =>
        new { title, kind, host, place, startDate, endDate, description };

    /// <summary>Records an event as <paramref name="client"/> and returns its id.</summary>
    public static async Task<string> CreateEventAsync(HttpClient client, string projectId, object body)
    {
        var response = await client.PostAsJsonAsync($"/projects/{projectId}/events", body, CollaborationApiFactory.Json);
        var created = await response.AssertJsonAsync(HttpStatusCode.Created);
        return created.GetProperty("id").GetString()!;
    }

    public static Task<HttpResponseMessage> RecordAsync(HttpClient client, string eventId, string municipalityId, object participants) =>
        client.PutAsJsonAsync($"/events/{eventId}/participation/{municipalityId}", new { participants }, CollaborationApiFactory.Json);

    /// <summary>Records the participation and asserts it was accepted.</summary>
    public async Task RecordAsync(string eventId, string municipalityId, int participants)
    {
        using var client = As(municipalityId);
        await (await RecordAsync(client, eventId, municipalityId, participants)).AssertJsonAsync(HttpStatusCode.OK);
    }

    public static async Task<JsonElement> RuleAsync(HttpClient client, string projectId, string code)
    {
        var eligibility = await (await client.GetAsync($"/projects/{projectId}/eligibility")).AssertJsonAsync(HttpStatusCode.OK);
        return eligibility.GetProperty("rules").EnumerateArray().Single(r => r.GetProperty("code").GetString() == code);
    }
}
