using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Collaboration.Api.Tests.Support;

namespace Collaboration.Api.Tests.Network;

/// <summary>Counts over the whole network, so this class has a network (a host and data folder) of its own.</summary>
public sealed class NetworkSummaryApiTests(CollaborationApiFactory api) : IClassFixture<CollaborationApiFactory>
{
    [Fact]
    public async Task TheSummaryTheGraphAndTheUpcomingEventsDescribeTheRecordedNetwork()
    {
        await api.CreateMunicipalityAsync("canepina", "IT", "Canepina");
        await api.CreateMunicipalityAsync("gallese", "IT", "Gallese");
        await api.CreateMunicipalityAsync("novo-mesto", "SI", "Novo mesto");
        await api.CreateMunicipalityAsync("herceg-novi", "ME", "Herceg Novi");
        using var coordinator = api.CreateCoordinatorClient();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        (await coordinator.PostAsJsonAsync("/projects", new
        {
            id = "shelter", acronym = "SHELTER", title = "Solidarity hosting evolution looked through European Regions",
            programme = "europeForCitizens", measure = "networkOfTowns", call = 2017,
            startDate = today.AddMonths(-3).ToString("yyyy-MM-dd"), endDate = today.AddMonths(9).ToString("yyyy-MM-dd"),
            lead = "canepina", partners = new[] { "canepina", "gallese", "novo-mesto", "herceg-novi" },
        })).EnsureSuccessStatusCode();
        var created = await coordinator.PostAsJsonAsync("/projects/shelter/events", new
        {
            title = "International conference", kind = "conference", host = "canepina", place = "Canepina",
            startDate = today.AddDays(10).ToString("yyyy-MM-dd"), endDate = today.AddDays(14).ToString("yyyy-MM-dd"),
            description = "to exchange good practices on the integration policies of smaller municipalities",
        });
        var eventId = (await created.AssertJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString();
        (await coordinator.PutAsJsonAsync($"/events/{eventId}/participation/gallese", new { participants = 25 })).EnsureSuccessStatusCode();

        var summary = await (await coordinator.GetAsync("/network/summary")).AssertJsonAsync(HttpStatusCode.OK);
        var graph = await (await coordinator.GetAsync("/network/graph")).AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal(4, summary.GetProperty("partners").GetInt64());
        Assert.Equal(3, summary.GetProperty("countries").GetInt32());
        Assert.Equal(1, summary.GetProperty("projects").GetProperty("total").GetInt64());
        Assert.Equal(1, summary.GetProperty("projects").GetProperty("active").GetInt64());
        Assert.Equal(1, summary.GetProperty("events").GetProperty("upcoming").GetInt64());
        Assert.Equal(0, summary.GetProperty("events").GetProperty("held").GetInt64());
        Assert.Equal(25, summary.GetProperty("participants").GetInt64());
        Assert.Equal(0, summary.GetProperty("exchanges").GetProperty("goodPractice").GetInt64());
        Assert.Equal(0, summary.GetProperty("adoptions").GetProperty("implemented").GetInt64());
        Assert.Equal(0, summary.GetProperty("agreementsInForce").GetInt64());
        Assert.Equal(7, summary.GetProperty("lastActivitySeq").GetInt64());

        var nodes = graph.GetProperty("nodes").EnumerateArray().ToList();
        Assert.Equal(5, nodes.Count);
        Assert.Contains(nodes, n => n.GetProperty("id").GetString() == "municipality/novo-mesto"
            && n.GetProperty("type").GetString() == "municipality" && n.GetProperty("label").GetString() == "Novo mesto"
            && n.GetProperty("country").GetString() == "SI");
        Assert.Contains(nodes, n => n.GetProperty("id").GetString() == "project/shelter" && n.GetProperty("label").GetString() == "SHELTER");
        var edges = graph.GetProperty("edges").EnumerateArray()
            .Select(e => $"{e.GetProperty("source").GetString()}>{e.GetProperty("target").GetString()}:{e.GetProperty("type").GetString()}")
            .Order(StringComparer.Ordinal);
        Assert.Equal(
            [
                "municipality/canepina>project/shelter:lead",
                "municipality/gallese>project/shelter:partner",
                "municipality/herceg-novi>project/shelter:partner",
                "municipality/novo-mesto>project/shelter:partner",
            ],
            edges);

        var statistics = await (await coordinator.GetAsync("/network/statistics")).AssertJsonAsync(HttpStatusCode.OK);
        var month = Assert.Single(statistics.GetProperty("months").EnumerateArray());
        Assert.Equal(today.AddDays(10).ToString("yyyy-MM"), month.GetProperty("month").GetString());
        Assert.Equal(1, month.GetProperty("events").GetInt64());
        Assert.Equal(25, month.GetProperty("participants").GetInt64());
        Assert.Equal(25, statistics.GetProperty("participantsByCountry").GetProperty("IT").GetInt64());
        Assert.Equal(2, statistics.GetProperty("partnersByCountry").GetProperty("IT").GetInt64());
        Assert.Equal(1, statistics.GetProperty("partnersByCountry").GetProperty("ME").GetInt64());
        Assert.Empty(statistics.GetProperty("exchangesByTheme").EnumerateObject());
        Assert.Equal(JsonValueKind.String, statistics.GetProperty("lastActivity").GetProperty("gallese").ValueKind);

        var upcoming = await (await coordinator.GetAsync("/network/events/upcoming")).AssertJsonAsync(HttpStatusCode.OK);
        var next = Assert.Single(upcoming.EnumerateArray());
        Assert.Equal(eventId, next.GetProperty("id").GetString());
        Assert.Equal("International conference", next.GetProperty("title").GetString());
        Assert.Equal("conference", next.GetProperty("kind").GetString());
        Assert.Equal(today.AddDays(10).ToString("yyyy-MM-dd"), next.GetProperty("startDate").GetString());
    }
}
