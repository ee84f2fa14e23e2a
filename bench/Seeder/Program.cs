using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Collaboration.Bench.ExchangeSearch;

// Loads a benchmark network through the public API, as partners and coordinators would, and writes the ids
// and keys the load scripts need: partners.tsv (id, key), projects.txt, events.txt, exchanges.txt.
// Usage: Seeder <base url> <coordinator key> <out dir> [partners projects events exchanges]
if (args.Length < 3)
{
    Console.Error.WriteLine("usage: Seeder <base url> <coordinator key> <out dir> [partners projects events exchanges]");
    return 2;
}

var baseUrl = new Uri(args[0]);
var coordinatorKey = args[1];
var outDir = Directory.CreateDirectory(args[2]).FullName;
int Count(int i, int fallback) => args.Length > i ? int.Parse(args[i], CultureInfo.InvariantCulture) : fallback;
var partnerCount = Count(3, 1000);
var projectCount = Count(4, 200);
var eventCount = Count(5, 2000);
var exchangeCount = Count(6, 100_000);

string[] countries = ["IT", "SI", "ME", "LT", "FR", "HR", "BA", "MK", "RS", "AL", "XK", "DE", "AT", "HU", "PL", "CZ", "SK", "RO", "BG", "GR", "ES", "PT", "BE", "NL", "IE", "SE", "FI", "DK", "EE", "LV"];
string[] themes = Corpus.Themes;

// Search words from the middle of the corpus's frequency ranking: neither stop-word common nor one-off rare.
string[] words = Corpus.Vocabulary[40..200];
var corpus = new Corpus(20171012);
var corpusLock = new Lock();

using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
{
    BaseAddress = baseUrl,
    Timeout = TimeSpan.FromMinutes(2),
};

var clock = Stopwatch.StartNew();
var partners = new (string Id, string Key, string Country)[partnerCount];
await ParallelAsync(partnerCount, async i =>
{
    var id = $"town-{i:D4}";
    var country = countries[i % countries.Length];
    var body = await SendAsync(HttpMethod.Post, "/municipalities", coordinatorKey, new { id, name = $"Town {i}", country, population = 1000 + (i * 37 % 90000) });
    partners[i] = (id, body.GetProperty("apiKey").GetString()!, country);
});
Console.WriteLine($"seeded partners {partnerCount} in {clock.Elapsed.TotalSeconds:F1} s");

clock.Restart();
var projects = new (string Id, string[] Partners)[projectCount];
await ParallelAsync(projectCount, async i =>
{
    // Five partners from five countries, spread over the network.
    var members = Enumerable.Range(0, 5).Select(k => partners[(i * 5 + k * 7) % partnerCount].Id).Distinct().ToArray();
    var id = $"project-{i:D3}";
    await SendAsync(HttpMethod.Post, "/projects", coordinatorKey, new
    {
        id,
        acronym = $"P{i}",
        title = $"Network of towns {i}",
        programme = "europeForCitizens",
        measure = "networkOfTowns",
        call = 2018,
        startDate = "2018-01-01",
        endDate = "2019-12-31",
        lead = members[0],
        partners = members,
        themes = new[] { themes[i % themes.Length] },
    });
    projects[i] = (id, members);
});
Console.WriteLine($"seeded projects {projectCount} in {clock.Elapsed.TotalSeconds:F1} s");

clock.Restart();
var events = new string[eventCount];
await ParallelAsync(eventCount, async i =>
{
    var project = projects[i % projectCount];
    var host = project.Partners[i % project.Partners.Length];
    var start = new DateOnly(2018, 1, 1).AddDays(i % 700);
    var body = await SendAsync(HttpMethod.Post, $"/projects/{project.Id}/events", coordinatorKey, new
    {
        title = $"Workshop {i}",
        kind = "workshop",
        host,
        place = "Town hall",
        startDate = start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        endDate = start.AddDays(2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        description = "to exchange good practices on the integration of newcomers",
    });
    events[i] = body.GetProperty("id").GetString()!;
});
Console.WriteLine($"seeded events {eventCount} in {clock.Elapsed.TotalSeconds:F1} s");

clock.Restart();
var exchanges = new string[exchangeCount];
await ParallelAsync(exchangeCount, async i =>
{
    var author = partners[Random.Shared.Next(partnerCount)];
    Collaboration.Grains.Exchanges.ExchangeState text;
    lock (corpusLock)
    {
        text = corpus.Next($"seed-{i}", DateTimeOffset.UnixEpoch);
    }

    var body = await SendAsync(HttpMethod.Post, "/exchanges", author.Key, new
    {
        kind = JsonNamingPolicy.CamelCase.ConvertName(text.Kind.ToString()),
        title = text.Title,
        summary = text.Summary,
        body = text.Body,
        themes = text.Themes,
        language = "en",
    });
    exchanges[i] = body.GetProperty("id").GetString()!;
});
Console.WriteLine($"seeded exchanges {exchangeCount} in {clock.Elapsed.TotalSeconds:F1} s ({exchangeCount / clock.Elapsed.TotalSeconds:F0}/s)");

await File.WriteAllLinesAsync(Path.Combine(outDir, "partners.tsv"), partners.Select(p => $"{p.Id}\t{p.Key}\t{p.Country}"));
await File.WriteAllLinesAsync(Path.Combine(outDir, "projects.txt"), projects.Select(p => p.Id));
await File.WriteAllLinesAsync(Path.Combine(outDir, "events.txt"), events);
await File.WriteAllLinesAsync(Path.Combine(outDir, "exchanges.txt"), exchanges);
await File.WriteAllLinesAsync(Path.Combine(outDir, "themes.txt"), themes);
await File.WriteAllLinesAsync(Path.Combine(outDir, "words.txt"), words);
return 0;

async Task<JsonElement> SendAsync(HttpMethod method, string path, string key, object body)
{
    for (var attempt = 1; ; attempt++)
    {
        using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (response.IsSuccessStatusCode)
        {
            return JsonDocument.Parse(text).RootElement.Clone();
        }

        // Storage back-pressure or rate limits: wait as told and retry; anything else is a bug in the seeder or the API.
        if ((int)response.StatusCode is 429 or 503 && attempt < 20)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100 * attempt));
            continue;
        }

        throw new InvalidOperationException($"{method} {path} answered {(int)response.StatusCode}: {text}");
    }
}

static Task ParallelAsync(int count, Func<int, Task> body) =>
    Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (i, _) => await body(i));
