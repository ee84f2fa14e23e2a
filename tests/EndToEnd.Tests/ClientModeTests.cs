using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Collaboration.EndToEnd.Tests.Support;

namespace Collaboration.EndToEnd.Tests;

/// <summary>
/// The Api as an Orleans client (<c>Collaboration:Orleans:Mode=Client</c>) of a silo started on its own
/// (<c>dotnet Collaboration.Silo.dll</c>), two processes: the SHELTER network's story runs through it, the data lives
/// in the silo's folder only, and the live activity stream of the client front sees what is written.
/// </summary>
public sealed class ClientModeTests
{
    [Fact]
    public async Task TheShelterWalkthroughRunsThroughAnApiInClientModeOfASiloOnItsOwn()
    {
        await using var front = await ClientModeFront.StartAsync();
        using var coordinator = front.CreateClient(ApiProcess.CoordinatorKey);
        using var stream = await ActivityStream.OpenAsync(front.Api.CreateClient(ApiProcess.CoordinatorKey, Timeout.InfiniteTimeSpan));

        // The coordinator registers the towns that signed SHELTER's agreement, each with a key of its own.
        var keys = new Dictionary<string, string>();
        foreach (var (id, name, country) in Towns)
        {
            var created = await Created(await coordinator.PostAsJsonAsync("/municipalities", new { id, name, country }));
            keys[id] = created.GetProperty("apiKey").GetString()!;
        }

        await Created(await coordinator.PostAsJsonAsync("/projects", new
        {
            id = "shelter",
            acronym = "SHELTER",
            title = "Solidarity hosting evolution looked through European Regions",
            programme = "europeForCitizens",
            measure = "networkOfTowns",
            call = 2017,
            startDate = "2017-03-01",
            endDate = "2018-12-31",
            lead = "canepina",
            partners = Towns.Select(t => t.Id).ToArray(),
            themes = new[] { "integration", "solidarity" },
        }));

        using var canepina = front.CreateClient(keys["canepina"]);
        var conference = await Created(await canepina.PostAsJsonAsync("/projects/shelter/events", new
        {
            title = "International conference SHELTER",
            kind = "conference",
            host = "canepina",
            place = "Canepina",
            startDate = "2017-10-12",
            endDate = "2017-10-16",
            description = "to exchange good practices on the integration policies of smaller municipalities",
        }));
        var eventId = conference.GetProperty("id").GetString()!;
        foreach (var (id, participants) in new[] { ("canepina", 40), ("gallese", 25), ("herceg-novi", 6), ("novo-mesto", 12), ("kelme", 10), ("laragne", 8) })
        {
            using var partner = front.CreateClient(keys[id]);
            Assert.Equal(HttpStatusCode.OK, (await partner.PutAsJsonAsync($"/events/{eventId}/participation/{id}", new { participants })).StatusCode);
        }

        // Novo mesto shares its local partnership with NGOs; Kelmė finds it by a word and adopts it.
        using var novoMesto = front.CreateClient(keys["novo-mesto"]);
        var practice = await Created(await novoMesto.PostAsJsonAsync("/exchanges", new
        {
            kind = "goodPractice",
            title = "A local partnership of the town hall and NGOs for integrating newcomers",
            summary = "Novo mesto and its NGOs meet monthly to plan how newcomers are welcomed.",
            themes = new[] { "integration", "volunteering" },
            projectId = "shelter",
        }));
        var practiceId = practice.GetProperty("id").GetString()!;
        using var kelme = front.CreateClient(keys["kelme"]);
        var found = await Json(await kelme.GetAsync("/exchanges?q=partnership"));
        Assert.Contains(found.GetProperty("items").EnumerateArray(), item => item.GetProperty("id").GetString() == practiceId);
        await Created(await kelme.PutAsJsonAsync($"/exchanges/{practiceId}/adoptions/kelme", new { status = "interested", note = "Presented to the council." }));

        // Canepina drafts the partnership agreement; every party signs, and it is in force.
        var agreement = await Created(await canepina.PostAsJsonAsync("/agreements", new
        {
            title = "SHELTER partnership agreement",
            areas = new[] { "European citizenship", "solidarity", "culture" },
            parties = Towns.Select(t => t.Id).ToArray(),
            text = "The municipalities agree to cooperate on European citizenship, democratic inclusion and solidarity.",
        }));
        var agreementId = agreement.GetProperty("id").GetString()!;
        foreach (var (id, _, _) in Towns)
        {
            using var party = front.CreateClient(keys[id]);
            Assert.Equal(HttpStatusCode.OK, (await party.PostAsJsonAsync($"/agreements/{agreementId}/signatures", new { signatory = $"Mayor of {id}", role = "Mayor" })).StatusCode);
        }

        Assert.Equal("inForce", (await Json(await coordinator.GetAsync($"/agreements/{agreementId}"))).GetProperty("status").GetString());

        // What the coordinator reports: the information template, the eligibility and the network's figures.
        using var report = await coordinator.GetAsync($"/events/{eventId}/report");
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        Assert.Contains("101 citizens", await report.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var summary = await Json(await coordinator.GetAsync("/network/summary"));
        Assert.Equal(6, summary.GetProperty("partners").GetInt32());
        Assert.Equal(5, summary.GetProperty("countries").GetInt32());
        Assert.Equal(1, summary.GetProperty("agreementsInForce").GetInt32());
        Assert.Equal(HttpStatusCode.OK, (await coordinator.GetAsync("/readyz")).StatusCode);

        // The client front's live stream saw the last write, relayed from the silo, in order and without a gap.
        var activity = await Json(await coordinator.GetAsync("/network/activity?limit=1000"));
        var last = activity.EnumerateArray().Last().GetProperty("seq").GetInt64();
        var seen = await stream.ReadUntilAsync(last);
        Assert.Equal(Enumerable.Range(1, (int)last).Select(i => (long)i), seen);

        // Everything lives in the silo's folder: the client front holds no database.
        Assert.True(File.Exists(Path.Combine(front.SiloFolder.Path, "collaboration.db")));
        Assert.False(File.Exists(Path.Combine(front.ApiFolder.Path, "collaboration.db")));
    }

    private static readonly (string Id, string Name, string Country)[] Towns =
    [
        ("canepina", "Canepina", "IT"),
        ("gallese", "Gallese", "IT"),
        ("herceg-novi", "Herceg Novi", "ME"),
        ("novo-mesto", "Novo mesto", "SI"),
        ("kelme", "Kelmė", "LT"),
        ("laragne", "Laragne-Montéglin", "FR"),
    ];

    private static async Task<JsonElement> Created(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"Expected 201 but got {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static Task<JsonElement> Json(HttpResponseMessage response) => SuccessJson.ReadAsync(response);

    /// <summary>The live activity stream (server-sent events) of one front, read line by line.</summary>
    private sealed class ActivityStream(HttpClient client, HttpResponseMessage response, StreamReader reader) : IDisposable
    {
        public static async Task<ActivityStream> OpenAsync(HttpClient client)
        {
            var response = await client.GetAsync("/network/activity/stream", HttpCompletionOption.ResponseHeadersRead);
            response.EnsureSuccessStatusCode();
            return new ActivityStream(client, response, new StreamReader(await response.Content.ReadAsStreamAsync()));
        }

        /// <summary>The ids of the records the stream delivers, until the one numbered <paramref name="last"/>.</summary>
        public async Task<List<long>> ReadUntilAsync(long last)
        {
            using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            var ids = new List<long>();
            while (ids.LastOrDefault() < last)
            {
                var line = await reader.ReadLineAsync(bound.Token) ?? throw new InvalidOperationException("The stream ended.");
                if (line.StartsWith("id: ", StringComparison.Ordinal))
                {
                    ids.Add(long.Parse(line[4..], System.Globalization.CultureInfo.InvariantCulture));
                }
            }

            return ids;
        }

        public void Dispose()
        {
            reader.Dispose();
            response.Dispose();
            client.Dispose();
        }
    }
}
