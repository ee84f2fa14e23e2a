using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Collaboration.Browser.Tests.Support;

/// <summary>
/// A network of the size the dashboard must stay readable at, filled through the API's HTTP routes only:
/// 200 partners in 35 countries, 40 projects of 5 to 14 partners (most from one of eight regional groups, as
/// networks of towns are), 400 events with participation, 2,000 exchanges with some of their practices adopted by
/// fellow partners, and 20 agreements, half of them signed by every party. Drawn from a fixed seed, so every run
/// builds the same network; what the dashboard should show is counted here as it is sent.
/// </summary>
public sealed class NetworkAtScaleSeed(Uri baseAddress) : IDisposable
{
    public const int PartnerCount = 200;
    public const int ProjectCount = 40;
    public const int EventCount = 400;
    public const int ExchangeCount = 2000;
    public const int AgreementCount = 20;

    private const int Groups = 8;
    private const int Parallel = 8;

    private static readonly string[] Countries =
    [
        "IT", "FR", "DE", "ES", "PL", "RO", "SI", "HR", "GR", "PT", "NL", "BE", "AT", "CZ", "SK", "HU", "BG", "LT",
        "LV", "EE", "FI", "SE", "DK", "IE", "LU", "MT", "CY", "ME", "RS", "AL", "MK", "BA", "XK", "NO", "IS",
    ];

    private static readonly string[] Syllables =
        ["no", "va", "mes", "to", "ka", "ri", "lo", "gra", "del", "ben", "sa", "vi", "ro", "mar", "li", "ne", "ta", "bor", "do", "sla", "vik", "ber", "gen", "chi"];

    private static readonly string[] Themes =
    [
        "integration", "migration", "youth", "culture", "democracy", "volunteering", "environment", "tourism",
        "heritage", "solidarity", "education", "sport", "mobility", "digital", "health",
    ];

    private static readonly string[] Kinds = ["goodPractice", "question", "lessonLearned", "resource"];
    private static readonly string[] Adoptions = ["interested", "adapting", "implemented"];

    private readonly HttpClient _http = new() { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(2) };
    private readonly Dictionary<string, string> _keys = new(StringComparer.Ordinal);

    public Dictionary<string, long> PartnersByCountry { get; } = new(StringComparer.Ordinal);

    /// <summary>Events and participants by the month (yyyy-MM) the event starts in.</summary>
    public SortedDictionary<string, (long Events, long Participants)> Months { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, long> ParticipantsByCountry { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, long> ExchangesByTheme { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, long> AdoptionsByStatus { get; } = Adoptions.ToDictionary(s => s, _ => 0L, StringComparer.Ordinal);

    public long Participants => Months.Values.Sum(m => m.Participants);

    public int AgreementsInForce { get; private set; }

    /// <summary>The partners by id: name and country.</summary>
    public Dictionary<string, (string Name, string Country)> Partners { get; } = new(StringComparer.Ordinal);

    /// <summary>The projects by id: acronym and partners, the lead first.</summary>
    public Dictionary<string, (string Acronym, string[] Members)> Projects { get; } = new(StringComparer.Ordinal);

    public async Task SeedAsync()
    {
        var random = new Random(17);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        for (var i = 0; i < PartnerCount; i++)
        {
            var country = i < Countries.Length ? Countries[i] : Countries[random.Next(i % 3 == 0 ? Countries.Length : 12)];
            var name = Name(random) + (random.NextDouble() < 0.15 ? " " + new[] { "Nuovo", "Mare", "Dolnje", "Sur", "Vas" }[random.Next(5)] : "");
            Partners[$"town-{i:000}"] = (name, country);
            PartnersByCountry[country] = PartnersByCountry.GetValueOrDefault(country) + 1;
        }

        await ForEachAsync(Partners, async (partner, _) =>
        {
            var answer = await SendAsync(HttpMethod.Post, "/municipalities", new { id = partner.Key, name = partner.Value.Name, country = partner.Value.Country }, null);
            lock (_keys)
            {
                _keys[partner.Key] = answer.GetProperty("apiKey").GetString()!;
            }
        });

        var ids = Partners.Keys.ToArray();
        var projects = new List<(string Id, string[] Members, DateOnly Start, DateOnly End)>();
        for (var j = 0; j < ProjectCount; j++)
        {
            var group = ids.Where((_, i) => i % Groups == j % Groups).ToArray();
            var size = random.Next(5, 15);
            var members = Pick(random, group, size - size / 4).ToList();
            members.AddRange(Pick(random, ids.Except(members).ToArray(), size - members.Count));
            var start = today.AddDays(-random.Next(100, 900));
            var end = start.AddDays(random.Next(400, 720));
            var acronym = new string(Enumerable.Range(0, random.Next(4, 8)).Select(_ => "ABCDEFGHIKLMNOPRSTUVZ"[random.Next(21)]).ToArray()) + j.ToString("00", CultureInfo.InvariantCulture);
            projects.Add(($"proj-{j:00}", members.ToArray(), start, end));
            Projects[$"proj-{j:00}"] = (acronym, members.ToArray());
        }

        await ForEachAsync(projects, async (project, _) => await SendAsync(HttpMethod.Post, "/projects", new
        {
            id = project.Id, acronym = Projects[project.Id].Acronym, title = $"Network of towns {project.Id}",
            programme = "europeForCitizens", measure = "networkOfTowns", call = 2020,
            startDate = Day(project.Start), endDate = Day(project.End), lead = project.Members[0], partners = project.Members,
            themes = new[] { Themes[int.Parse(project.Id[5..], CultureInfo.InvariantCulture) % Themes.Length] },
        }, null));

        var events = new List<(string ProjectId, DateOnly Start, string Host, (string Town, int People)[] Delegations)>();
        for (var k = 0; k < EventCount; k++)
        {
            var (projectId, members, start, end) = projects[k % ProjectCount];
            var day = start.AddDays(random.Next(0, end.DayNumber - start.DayNumber - 3));
            var delegations = Pick(random, members, 3).Select(town => (town, random.Next(5, 41))).ToArray();
            events.Add((projectId, day, members[random.Next(members.Length)], delegations));
            var month = day.ToString("yyyy-MM", CultureInfo.InvariantCulture);
            var (count, people) = Months.GetValueOrDefault(month);
            Months[month] = (count + 1, people + delegations.Sum(d => d.Item2));
            foreach (var (town, participants) in delegations)
            {
                ParticipantsByCountry[Partners[town].Country] = ParticipantsByCountry.GetValueOrDefault(Partners[town].Country) + participants;
            }
        }

        await ForEachAsync(events.Select((e, k) => (e, k)), async (item, _) =>
        {
            var (e, k) = item;
            var created = await SendAsync(HttpMethod.Post, $"/projects/{e.ProjectId}/events", new
            {
                title = $"Meeting {k + 1} of {Projects[e.ProjectId].Acronym}", kind = "conference", host = e.Host, place = "Town hall",
                startDate = Day(e.Start), endDate = Day(e.Start.AddDays(2)), description = "to exchange good practices",
            }, null);
            var eventId = created.GetProperty("id").GetString();
            foreach (var (town, people) in e.Delegations)
            {
                await SendAsync(HttpMethod.Put, $"/events/{eventId}/participation/{town}", new { participants = people }, null);
            }
        });

        // Practices are adopted by towns that share a project with their author.
        var fellows = ids.ToDictionary(id => id, id => projects.Where(p => p.Members.Contains(id)).SelectMany(p => p.Members).Where(m => m != id).Distinct().ToArray(), StringComparer.Ordinal);
        var exchanges = new List<(string Author, string Kind, string[] Themes, string? Adopter, string? Status)>();
        for (var k = 0; k < ExchangeCount; k++)
        {
            var author = ids[random.Next(ids.Length)];
            var kind = Kinds[random.Next(Kinds.Length)];
            var themes = Pick(random, Themes, random.Next(1, 4)).ToArray();
            string? adopter = null;
            string? status = null;
            if (k % 8 == 0 && kind != "question" && fellows[author].Length > 0)
            {
                adopter = fellows[author][random.Next(fellows[author].Length)];
                status = Adoptions[random.Next(Adoptions.Length)];
                AdoptionsByStatus[status]++;
            }

            exchanges.Add((author, kind, themes, adopter, status));
            foreach (var theme in themes)
            {
                ExchangesByTheme[theme] = ExchangesByTheme.GetValueOrDefault(theme) + 1;
            }
        }

        await ForEachAsync(exchanges.Select((x, k) => (x, k)), async (item, _) =>
        {
            var (x, k) = item;
            var posted = await SendAsync(HttpMethod.Post, "/exchanges", new
            {
                kind = x.Kind, title = $"{x.Kind} {k + 1} of {Partners[x.Author].Name}", summary = "What we did and what we learned.", themes = x.Themes,
            }, _keys[x.Author]);
            if (x.Adopter is not null)
            {
                await SendAsync(HttpMethod.Put, $"/exchanges/{posted.GetProperty("id").GetString()}/adoptions/{x.Adopter}", new { status = x.Status }, _keys[x.Adopter]);
            }
        });

        var agreements = Enumerable.Range(0, AgreementCount)
            .Select(g => (Index: g, Parties: Pick(random, projects[g * 2 % ProjectCount].Members, random.Next(2, 7)).ToArray(), Signed: g % 2 == 0))
            .ToList();
        AgreementsInForce = agreements.Count(a => a.Signed);
        await ForEachAsync(agreements, async (agreement, _) =>
        {
            var drafted = await SendAsync(HttpMethod.Post, "/agreements", new
            {
                title = $"Agreement {agreement.Index + 1}", areas = new[] { "culture", "youth" }, parties = agreement.Parties,
                text = "The partners agree to keep cooperating after their project.",
            }, null);
            if (agreement.Signed)
            {
                foreach (var party in agreement.Parties)
                {
                    await SendAsync(HttpMethod.Post, $"/agreements/{drafted.GetProperty("id").GetString()}/signatures", new { signatory = $"Mayor of {Partners[party].Name}", role = "Mayor" }, _keys[party]);
                }
            }
        });
    }

    public void Dispose() => _http.Dispose();

    private async Task<JsonElement> SendAsync(HttpMethod method, string path, object body, string? key)
    {
        using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key ?? ApiHost.CoordinatorKey);
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{method} {path} answered {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static Task ForEachAsync<T>(IEnumerable<T> items, Func<T, CancellationToken, ValueTask> body) =>
        System.Threading.Tasks.Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = Parallel }, body);

    private static IEnumerable<T> Pick<T>(Random random, T[] from, int count) =>
        from.OrderBy(_ => random.Next()).Take(Math.Min(count, from.Length)).ToArray();

    private static string Name(Random random)
    {
        var name = string.Concat(Enumerable.Range(0, random.Next(2, 4)).Select(_ => Syllables[random.Next(Syllables.Length)]));
        return char.ToUpperInvariant(name[0]) + name[1..];
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
