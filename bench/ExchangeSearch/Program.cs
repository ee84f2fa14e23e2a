// Fills a fresh SQLite storage with exchanges (their states and index documents, exactly as the exchange grain
// writes them) and times filtered searches through ExchangeCatalog, the code behind GET /exchanges, over that
// storage's index; then times posts through the exchange grain on an in-process Orleans silo configured as the
// product runs one (AddCollaborationSilo, SQLite storage in the same folder, free localhost ports).
// Usage: dotnet run -c Release --project bench/ExchangeSearch -- [--count 100000] [--iterations 400] [--posts 2000] [--data DIR] [--keep]
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Collaboration.Bench.ExchangeSearch;
using Collaboration.Grains.Access;
using Collaboration.Grains.Exchanges;
using Collaboration.Grains.Municipalities;
using Collaboration.Grains.Storage;
using Collaboration.Silo.Hosting;
using Collaboration.Silo.Storage;
using Collaboration.Silo.Storage.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

var count = IntArgument("--count", 100_000);
var iterations = IntArgument("--iterations", 400);
var dataPath = Argument("--data") ?? Path.Combine(Path.GetTempPath(), $"exchange-search-{Guid.NewGuid():N}");
if (Directory.Exists(dataPath) && Directory.EnumerateFileSystemEntries(dataPath).Any())
{
    Console.Error.WriteLine($"{dataPath} is not empty; the benchmark needs a fresh storage.");
    return 2;
}

var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], ContentRootPath = AppContext.BaseDirectory });
builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
{
    ["Collaboration:DataPath"] = dataPath,
    ["Collaboration:Storage:Provider"] = "Sqlite",
    ["Collaboration:Orleans:SiloPort"] = FreePort(),
    ["Collaboration:Orleans:GatewayPort"] = FreePort(),
    ["Logging:LogLevel:Default"] = "Warning",
    ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Warning",
});

// The figures go to stdout; the silo's warnings and errors to stderr.
builder.Logging.ClearProviders();
builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
builder.UseOrleans(silo => silo.AddCollaborationSilo(builder.Configuration));
var host = builder.Build();
await host.StartAsync();
var storage = host.Services.GetRequiredService<SqliteStorage>();
var grains = host.Services.GetRequiredService<IGrainFactory>();

// The storage is the index, as before the move to Orleans: the figures are SQLite's and the catalogue's, without
// the hop to the index query grain that GET /exchanges now makes.
var catalog = new ExchangeCatalog(grains, storage);
var corpus = new Corpus(seed: 42);

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"exchange search benchmark: {count} exchanges, {iterations} queries per scenario, {Environment.ProcessorCount} cores, SQLite file {storage.DatabasePath}"));

// Fill: many writes in flight, so the storage's group commit batches them as it would under load.
var facts = new List<(ExchangeState State, string Id)>(count);
var fillWatch = Stopwatch.StartNew();
var start = new DateTimeOffset(2017, 1, 1, 0, 0, 0, TimeSpan.Zero);
const int InFlight = 2_000;
for (var offset = 0; offset < count; offset += InFlight)
{
    var writes = new List<Task>(InFlight);
    for (var i = offset; i < Math.Min(count, offset + InFlight); i++)
    {
        var id = ExchangeIds.NewExchangeId();
        var state = corpus.Next(id, start.AddSeconds(i * 600L + (i % 7)));
        facts.Add((state, id));
        // Stored as the Orleans grain storage keeps the exchange grain's state "exchange": under its grain type and key.
        var grainId = grains.GetGrain<IExchangeGrain>(id).GetGrainId();
        writes.Add(storage.WriteAsync(
            new GrainStateId(grainId.Type.ToString()!, grainId.Key.ToString()!, "exchange"),
            JsonSerializer.SerializeToUtf8Bytes(state, GrainStateSerializer.Options),
            null,
            state.GetIndexEntries(id)));
    }

    await Task.WhenAll(writes);
}

fillWatch.Stop();
var databaseBytes = Directory.EnumerateFiles(dataPath).Sum(f => new FileInfo(f).Length);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"fill {count} exchanges in {fillWatch.Elapsed.TotalSeconds:F1} s ({count / fillWatch.Elapsed.TotalSeconds:F0}/s), files {databaseBytes / 1024.0 / 1024.0:F0} MB"));

// Sanity: the index answers what the corpus holds, and a walk with cursors sees every match once.
await CheckAsync(new ExchangeFilter(Theme: "integration"), s => s.Themes.Contains("integration"));
await CheckAsync(new ExchangeFilter(Country: "IT", Kind: "goodPractice"), s => s.AuthorCountry == "IT" && s.Kind == ExchangeKind.GoodPractice);
await CheckAsync(new ExchangeFilter(Author: "town-007"), s => s.Author == "town-007");
await CheckAsync(new ExchangeFilter(Theme: "volunteering", Kind: "question"), s => s.Themes.Contains("volunteering") && s.Kind == ExchangeKind.Question);
await CheckAsync(new ExchangeFilter(Q: "mentoring"), s => Words(s).Contains("mentoring"));
await CheckAsync(new ExchangeFilter(Country: "SI", Q: "kelme"), s => s.AuthorCountry == "SI" && Words(s).Contains("kelmė"));

var scenarios = new (string Name, Func<ExchangeFilter> Filter, int Pages)[]
{
    ("theme + q", () => new ExchangeFilter(Theme: corpus.Theme(), Q: corpus.MiddleWord()), 1),
    ("country + kind", () => new ExchangeFilter(Country: corpus.Country(), Kind: Kind(corpus.Kind())), 1),
    ("theme + country + kind", () => new ExchangeFilter(Theme: corpus.Theme(), Country: corpus.Country(), Kind: Kind(corpus.Kind())), 1),
    ("author", () => new ExchangeFilter(Author: corpus.Author()), 1),
    ("project + q", () => new ExchangeFilter(ProjectId: corpus.Project(), Q: corpus.Word()), 1),
    ("q, one word", () => new ExchangeFilter(Q: corpus.Word()), 1),
    ("q, two words", () => new ExchangeFilter(Q: $"{corpus.MiddleWord()} {corpus.Word()}"), 1),
    ("q, word typed without its diacritics", () => new ExchangeFilter(Q: corpus.WordWithoutDiacritics()), 1),
    ("q, rare word", () => new ExchangeFilter(Q: corpus.RareWord()), 1),
    ("q, prefix of 3 letters", () => new ExchangeFilter(Q: Prefix(corpus.Word())), 1),
    ("theme + country + q", () => new ExchangeFilter(Theme: corpus.Theme(), Country: corpus.Country(), Q: corpus.Word()), 1),
    ("no filter (latest)", () => new ExchangeFilter(), 1),
    ("theme, 5th page by cursor", () => new ExchangeFilter(Theme: corpus.Theme()), 5),
};

foreach (var (name, filter, pages) in scenarios)
{
    for (var i = 0; i < 20; i++)
    {
        await PageAsync(filter(), pages);
    }

    var latencies = new Latencies(name);
    for (var i = 0; i < iterations; i++)
    {
        var (f, cursor) = await PositionAsync(filter(), pages);
        await latencies.MeasureAsync(async () => (await catalog.SearchAsync(f, limit: 20, cursor: cursor)).Items.Count);
    }

    Console.WriteLine(latencies.Report());
}

// Posting through the grains, as POST /exchanges does: the author's and project's grains are read, the state and
// its index document written in one commit, the activity appended. Sixteen posts in flight from eight towns.
for (var i = 0; i < 8; i++)
{
    await grains.GetGrain<IMunicipalityGrain>(corpus.Municipalities[i].Id).CreateAsync(
        new MunicipalityProfile(corpus.Municipalities[i].Id, corpus.Municipalities[i].Country, PartnerKind.Municipality, null, null, null, [], null),
        $"bench-key-{i}",
        Actor.Coordinator);
}

var draft = new NewExchange(ExchangeKind.GoodPractice, "Posted practice", "A summary of what worked.", "The body.", ["integration"]);
for (var i = 0; i < 50; i++)
{
    await grains.GetGrain<IExchangeGrain>(ExchangeIds.NewExchangeId()).PostAsync(Actor.Municipality(corpus.Municipalities[i % 8].Id), draft);
}

var posts = IntArgument("--posts", 2_000);
var postLatencies = new Latencies("post through the exchange grain, 16 in flight", "post");
var postWatch = Stopwatch.StartNew();
await Parallel.ForEachAsync(Enumerable.Range(0, posts), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, _) =>
{
    var author = corpus.Municipalities[i % 8].Id;
    await postLatencies.MeasureAsync(async () =>
    {
        await grains.GetGrain<IExchangeGrain>(ExchangeIds.NewExchangeId()).PostAsync(Actor.Municipality(author), draft);
        return 1;
    });
});
postWatch.Stop();
Console.WriteLine(postLatencies.Report() + string.Create(CultureInfo.InvariantCulture, $", {posts / postWatch.Elapsed.TotalSeconds:F0} posts/s overall"));

await host.StopAsync();
if (host is IAsyncDisposable asyncHost)
{
    await asyncHost.DisposeAsync();
}
else
{
    host.Dispose();
}

if (Argument("--keep") is null)
{
    Directory.Delete(dataPath, recursive: true);
}

return 0;

async Task CheckAsync(ExchangeFilter filter, Func<ExchangeState, bool> predicate)
{
    var expected = facts.Where(f => predicate(f.State)).Select(f => f.Id).ToHashSet();
    var seen = new List<string>();
    string? cursor = null;
    do
    {
        var page = await catalog.SearchAsync(filter, limit: 100, cursor: cursor);
        seen.AddRange(page.Items.Select(i => i.Id));
        cursor = page.NextCursor;
    }
    while (cursor is not null);

    if (seen.Count != expected.Count || !expected.SetEquals(seen))
    {
        throw new InvalidOperationException($"Filter {filter} walked {seen.Count} exchanges ({seen.Distinct().Count()} distinct), the corpus has {expected.Count}.");
    }

    Console.WriteLine($"check {filter}: {expected.Count} matches walked exactly once");
}

// The filter and cursor of the page to time: the first page, or the page reached by following cursors.
async Task<(ExchangeFilter Filter, string? Cursor)> PositionAsync(ExchangeFilter filter, int page)
{
    string? cursor = null;
    for (var i = 1; i < page; i++)
    {
        cursor = (await catalog.SearchAsync(filter, limit: 20, cursor: cursor)).NextCursor;
        if (cursor is null)
        {
            break;
        }
    }

    return (filter, cursor);
}

async Task PageAsync(ExchangeFilter filter, int page)
{
    var (f, cursor) = await PositionAsync(filter, page);
    await catalog.SearchAsync(f, limit: 20, cursor: cursor);
}

static string Kind(ExchangeKind kind) => ExchangeIndex.Name(kind);

static string Prefix(string word) => word.Length > 3 ? word[..3] : word;

static HashSet<string> Words(ExchangeState state) =>
    $"{state.Title} {state.Summary} {state.Body}".ToLowerInvariant().Split([' ', '.'], StringSplitOptions.RemoveEmptyEntries).ToHashSet();

static string FreePort()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture);
}

string? Argument(string name)
{
    var index = Array.IndexOf(args, name);
    return index < 0 ? null : index + 1 < args.Length ? args[index + 1] : "";
}

int IntArgument(string name, int fallback) =>
    Argument(name) is { Length: > 0 } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;
