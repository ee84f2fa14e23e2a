using System.Net.Http.Json;
using System.Text.Json;

namespace Collaboration.EndToEnd.Tests.Support;

/// <summary>The partners the crash workload's clients act as, one per client, each with its own API key.</summary>
public sealed class CrashNetwork
{
    private CrashNetwork(IReadOnlyList<string> partners, IReadOnlyList<string> keys)
    {
        Partners = partners;
        Keys = keys;
    }

    public IReadOnlyList<string> Partners { get; }

    public IReadOnlyList<string> Keys { get; }

    public int Clients => Partners.Count;

    public static string PartnerId(int client) => $"crash-c{client}";

    /// <summary>The project a cycle's events go to (a project holds a bounded number of events).</summary>
    public static string ProjectId(int cycle) => $"crash-p{cycle}";

    /// <summary>Registers the cycle's project, every client a partner; safe to repeat after a restart.</summary>
    public async Task SeedProjectAsync(ApiProcess api, int cycle)
    {
        using var coordinator = api.CreateClient(ApiProcess.CoordinatorKey);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/projects")
        {
            Content = JsonContent.Create(new
            {
                id = ProjectId(cycle),
                acronym = $"CRASH{cycle}",
                title = "Crash test project",
                programme = "europeForCitizens",
                measure = "networkOfTowns",
                startDate = "2026-01-01",
                endDate = "2027-12-31",
                lead = Partners[0],
                partners = Partners,
            }),
        };
        request.Headers.Add("Idempotency-Key", $"crash-project-{cycle}");
        using var response = await coordinator.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"Seeding {ProjectId(cycle)}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    public static async Task<CrashNetwork> SeedAsync(ApiProcess api, int clients)
    {
        using var coordinator = api.CreateClient(ApiProcess.CoordinatorKey);
        var partners = new List<string>();
        var keys = new List<string>();
        for (var i = 0; i < clients; i++)
        {
            var id = PartnerId(i);
            var response = await coordinator.PostAsJsonAsync("/municipalities", new { id, name = $"Crash town {i}", country = i % 2 == 0 ? "SI" : "IT" });
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, $"Seeding {id}: {(int)response.StatusCode} {text}");
            partners.Add(id);
            keys.Add(JsonDocument.Parse(text).RootElement.GetProperty("apiKey").GetString()!);
        }

        return new CrashNetwork(partners, keys);
    }
}
