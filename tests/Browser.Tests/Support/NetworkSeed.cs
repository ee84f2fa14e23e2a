using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Collaboration.Browser.Tests.Support;

/// <summary>
/// Fills the API, through its HTTP routes only, with a network like SHELTER's (README): partners in seven
/// countries, two running projects, a conference held with its participation, two events to come, a good
/// practice replicated by other towns, a question, and a partnership agreement that every party signed.
/// </summary>
public sealed class NetworkSeed(Uri baseAddress)
{
    public static readonly (string Id, string Name, string Country, string Kind)[] Partners =
    [
        ("canepina", "Canepina", "IT", "municipality"),
        ("gallese", "Gallese", "IT", "municipality"),
        ("herceg-novi", "Herceg Novi", "ME", "municipality"),
        ("novo-mesto", "Novo mesto", "SI", "municipality"),
        ("kelme", "Kelmė", "LT", "municipality"),
        ("laragne-monteglin", "Laragne-Montéglin", "FR", "municipality"),
        ("rda-dolenjska", "Regional development agency", "SI", "agency"),
        ("koprivnica", "Koprivnica", "HR", "municipality"),
        ("nafplio", "Nafplio", "GR", "municipality"),
    ];

    public static readonly string[] AgreementParties = ["canepina", "gallese", "herceg-novi", "novo-mesto", "kelme", "laragne-monteglin"];

    public Dictionary<string, string> Keys { get; } = new(StringComparer.Ordinal);

    public HttpClient Client(string apiKey)
    {
        var client = new HttpClient { BaseAddress = baseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        return client;
    }

    public async Task SeedAsync()
    {
        using var coordinator = Client(ApiHost.CoordinatorKey);
        foreach (var (id, name, country, kind) in Partners)
        {
            Keys[id] = await RegisterAsync(coordinator, id, name, country, kind);
        }

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await PostAsync(coordinator, "/projects", new
        {
            id = "shelter", acronym = "SHELTER", title = "Solidarity hosting evolution looked through European Regions",
            programme = "europeForCitizens", measure = "networkOfTowns", call = 2017,
            startDate = Day(today.AddMonths(-8)), endDate = Day(today.AddMonths(10)), lead = "canepina",
            partners = new[] { "canepina", "gallese", "herceg-novi", "novo-mesto", "kelme", "laragne-monteglin" },
            themes = new[] { "migration", "integration", "solidarity" },
        });
        await PostAsync(coordinator, "/projects", new
        {
            id = "access", acronym = "ACCESS", title = "Common Challenges, Experiences of Shared Solutions for Migrants",
            programme = "europeForCitizens", measure = "networkOfTowns", call = 2017,
            startDate = Day(today.AddMonths(-3)), endDate = Day(today.AddMonths(20)), lead = "rda-dolenjska",
            partners = new[] { "rda-dolenjska", "novo-mesto", "koprivnica", "nafplio", "gallese", "kelme" },
            themes = new[] { "migration", "youth" },
        });

        // SHELTER's international conference in Canepina (held), and what is coming up.
        var conference = await PostAsync(coordinator, "/projects/shelter/events", new
        {
            title = "International conference", kind = "conference", host = "canepina", place = "Canepina",
            startDate = Day(today.AddMonths(-2)), endDate = Day(today.AddMonths(-2).AddDays(4)),
            description = "to exchange good practices on the integration policies of smaller municipalities",
        });
        foreach (var (town, participants) in new[] { ("canepina", 40), ("gallese", 25), ("herceg-novi", 12), ("novo-mesto", 12) })
        {
            await PutAsync(coordinator, $"/events/{conference.GetProperty("id").GetString()}/participation/{town}", new { participants });
        }

        await PostAsync(coordinator, "/projects/access/events", new
        {
            title = "Youth participation workshop", kind = "workshop", host = "novo-mesto", place = "Novo mesto youth centre",
            startDate = Day(today.AddDays(12)), endDate = Day(today.AddDays(13)), description = "to plan the local youth forums",
        });
        await PostAsync(coordinator, "/projects/access/events", new
        {
            title = "Study visit: welcoming newcomers", kind = "studyVisit", host = "koprivnica", place = "Koprivnica",
            startDate = Day(today.AddDays(40)), endDate = Day(today.AddDays(42)), description = "to see the town's reception services",
        });

        // Novo mesto's model, replicated by two towns, and a question.
        using (var novoMesto = Client(Keys["novo-mesto"]))
        {
            var practice = await PostAsync(novoMesto, "/exchanges", new
            {
                kind = "goodPractice",
                title = "Local partnership between the municipality and NGOs for integrating immigrants",
                summary = "How Novo mesto works with local NGOs and institutes to integrate newcomers.",
                themes = new[] { "integration", "migration" },
                projectId = "shelter",
            });
            var practiceId = practice.GetProperty("id").GetString();
            foreach (var (town, status) in new[] { ("gallese", "implemented"), ("herceg-novi", "adapting"), ("nafplio", "interested") })
            {
                using var adopter = Client(Keys[town]);
                await PutAsync(adopter, $"/exchanges/{practiceId}/adoptions/{town}", new { status });
            }
        }

        using (var kelme = Client(Keys["kelme"]))
        {
            await PostAsync(kelme, "/exchanges", new
            {
                kind = "question",
                title = "How do you find host families for young newcomers?",
                summary = "Kelmė is looking for ways to involve local families.",
                themes = new[] { "integration", "youth" },
            });
        }

        var agreement = await PostAsync(coordinator, "/agreements", new
        {
            title = "SHELTER partnership agreement",
            areas = new[] { "European citizenship", "democratic inclusion", "volunteering", "solidarity", "culture", "tourism" },
            parties = AgreementParties,
            text = "The partners agree to keep cooperating after the SHELTER project in the areas listed.",
        });
        var agreementId = agreement.GetProperty("id").GetString();
        foreach (var party in AgreementParties)
        {
            using var town = Client(Keys[party]);
            await PostAsync(town, $"/agreements/{agreementId}/signatures", new { signatory = $"Mayor of {party}", role = "Mayor" });
        }
    }

    public static async Task<string> RegisterAsync(HttpClient coordinator, string id, string name, string country, string kind = "municipality") =>
        (await PostAsync(coordinator, "/municipalities", new { id, name, country, kind })).GetProperty("apiKey").GetString()!;

    public static async Task<JsonElement> PostAsync(HttpClient client, string path, object body)
    {
        var response = await client.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"POST {path} answered {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task PutAsync(HttpClient client, string path, object body)
    {
        var response = await client.PutAsJsonAsync(path, body);
        Assert.True(response.IsSuccessStatusCode, $"PUT {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
