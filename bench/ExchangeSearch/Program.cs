// Fills a fresh SQLite storage with exchanges (their states and index documents, exactly as the exchange grain
// writes them) and times filtered searches through ExchangeCatalog, the code behind GET /exchanges, over that
// storage's index; then times posts through the exchange grain on an in-process Orleans silo configured as the
// product runs one (AddCollaborationSilo, SQLite storage in the same folder, free localhost ports).
// Beside it, the peer: the same exchanges in PostgreSQL searched with its full-text search (Postgres/), on a private
// server this benchmark starts and stops; the same queries are timed on both, in turns, and their pages compared.
// Usage: dotnet run -c Release --project bench/ExchangeSearch -- [--count 100000] [--iterations 400] [--posts 2000]
//   [--concurrency 8] [--no-postgres] [--explain] [--data DIR] [--keep]
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Collaboration.Bench.ExchangeSearch;
using Collaboration.Bench.ExchangeSearch.Postgres;
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
using Npgsql;

var count = IntArgument("--count", 100_000);
var iterations = IntArgument("--iterations", 400);
var concurrency = IntArgument("--concurrency", 8);
var withPostgres = Argument("--no-postgres") is null;
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

// The peer: the same exchanges in PostgreSQL, on a server of its own (stopped at the end, or on Ctrl+C).
await using var postgres = withPostgres ? await PostgresServer.StartAsync(PostgresSettings()) : null;
Console.CancelKeyPress += (_, _) => postgres?.DisposeAsync().AsTask().GetAwaiter().GetResult();
await using var dataSource = postgres is null ? null : NpgsqlDataSource.Create(postgres.ConnectionString);
var peer = dataSource is null ? null : new PostgresExchangeSearch(dataSource);
if (peer is not null)
{
    await peer.CreateSchemaAsync();
    var loadWatch = Stopwatch.StartNew();
    await peer.LoadAsync(facts.Select(f => f.State));
    var loaded = loadWatch.Elapsed;
    await peer.CreateIndexesAsync();
    var (tableBytes, indexBytes) = await peer.SizesAsync();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"postgres: {postgres!.Version}, load {count} exchanges by COPY in {loaded.TotalSeconds:F1} s, indexes and ANALYZE in {(loadWatch.Elapsed - loaded).TotalSeconds:F1} s, table {tableBytes / 1048576.0:F0} MB, indexes {indexBytes / 1048576.0:F0} MB"));

    // The floor under every figure of the peer: a round trip to the server over loopback TCP.
    var roundTrips = new Latencies("SELECT 1", "postgres round trip");
    for (var i = 0; i < 500; i++)
    {
        await roundTrips.MeasureAsync(async () =>
        {
            await using var ping = dataSource!.CreateCommand("SELECT 1");
            return (int)(await ping.ExecuteScalarAsync())!;
        });
    }

    Console.WriteLine(roundTrips.Report());

    // Whole result sets walked page by page on both, every page compared: the filters checked above, and words.
    await ComparePagesAsync(new ExchangeFilter(Theme: "integration"));
    await ComparePagesAsync(new ExchangeFilter(Country: "IT", Kind: "goodPractice"));
    await ComparePagesAsync(new ExchangeFilter(Author: "town-007"));
    await ComparePagesAsync(new ExchangeFilter(Theme: "volunteering", Kind: "question"));
    await ComparePagesAsync(new ExchangeFilter(Q: "mentoring"));
    await ComparePagesAsync(new ExchangeFilter(Country: "SI", Q: "kelme"));
    await ComparePagesAsync(new ExchangeFilter(Q: "mento*"));
    await ComparePagesAsync(new ExchangeFilter(Q: "Laragne-Montéglin"));
    await ComparePagesAsync(new ExchangeFilter(Theme: "integration", Q: "library ciudad"));
}

// Our search as the product runs it keeps index answers until a commit touches the index, and these scenarios draw
// from small sets (30 themes, 21 unaccented words, one "latest" page), so many of their queries repeat an earlier
// one. PostgreSQL keeps no answers, only pages: with the peer, our search is also timed with that cache off (a
// second storage over the same file, CachedQueriesPerIndex = 0), every query computed by SQLite.
await using var uncachedStorage = peer is null ? null : new SqliteStorage(new SqliteStorageOptions { DataPath = dataPath, CachedQueriesPerIndex = 0 });
var uncachedCatalog = uncachedStorage is null ? null : new ExchangeCatalog(grains, uncachedStorage);

// The second storage opened the file as a restart would: its indexes in memory are filled from it before it answers.
if (uncachedStorage is not null)
{
    await uncachedStorage.CheckAsync();
    await uncachedStorage.SearchIndexes.Filled;
    var held = uncachedStorage.SearchIndexes.Sizes().GetValueOrDefault(ExchangeIndex.Exchanges);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"search index in memory, filled from the file at open: {uncachedStorage.SearchIndexes.FillTime.TotalSeconds:F1} s, {held.Documents} exchanges, {held.Bytes / 1048576.0:F0} MiB ({held.Bytes / (double)Math.Max(1, held.Documents):F0} bytes per exchange)"));
}

var results = new List<(Latencies Ours, Latencies? Uncached, Latencies? Peer, int Distinct, int Differing)>();
foreach (var (name, filter, pages) in scenarios)
{
    for (var i = 0; i < 20; i++)
    {
        var warmUp = filter();
        await PageAsync(warmUp, pages);
        if (peer is not null)
        {
            var (_, warmCursor) = await PositionAsync(warmUp, pages);
            await uncachedCatalog!.SearchAsync(warmUp, limit: 20, cursor: warmCursor);
            await peer.SearchAsync(warmUp, 20, await PeerPositionAsync(warmUp, pages));
        }
    }

    // The same queries on each, in turns (who goes first rotates), so that all see the same machine.
    var latencies = new Latencies(name);
    var uncachedLatencies = peer is null ? null : new Latencies(name, "search, answer cache off,");
    var peerLatencies = peer is null ? null : new Latencies(name, "postgres");
    var differing = 0;
    var distinct = new HashSet<string>();
    for (var i = 0; i < iterations; i++)
    {
        var (f, cursor) = await PositionAsync(filter(), pages);
        distinct.Add(f.ToString());
        if (peer is null)
        {
            await latencies.MeasureAsync(async () => (await catalog.SearchAsync(f, limit: 20, cursor: cursor)).Items.Count);
            continue;
        }

        var peerCursor = await PeerPositionAsync(f, pages);
        ExchangePage<ExchangeListItem>? ours = null;
        ExchangePage<ExchangeListItem>? uncached = null;
        PostgresPage? theirs = null;
        var turns = new Func<Task>[]
        {
            () => latencies.MeasureAsync(async () => (ours = await catalog.SearchAsync(f, limit: 20, cursor: cursor)).Items.Count),
            () => uncachedLatencies!.MeasureAsync(async () => (uncached = await uncachedCatalog!.SearchAsync(f, limit: 20, cursor: cursor)).Items.Count),
            () => peerLatencies!.MeasureAsync(async () => (theirs = await peer.SearchAsync(f, 20, peerCursor)).Items.Count),
        };
        for (var turn = 0; turn < turns.Length; turn++)
        {
            await turns[(i + turn) % turns.Length]();
        }

        if (!ours!.Items.Select(e => e.Id).SequenceEqual(uncached!.Items.Select(e => e.Id)))
        {
            throw new InvalidOperationException($"Our search answered {f} differently with and without its answer cache.");
        }

        if (Difference(ours, theirs!) is { } difference && ++differing <= 3)
        {
            Console.WriteLine($"  differs: {name}, page {pages} of {f}: {difference}");
        }
    }

    Console.WriteLine(latencies.Report() + (peer is null ? "" : $", {distinct.Count} distinct queries"));
    if (peerLatencies is not null)
    {
        Console.WriteLine(uncachedLatencies!.Report());
        Console.WriteLine(peerLatencies.Report() + $", {differing} of {iterations} pages differ from ours");
        if (Argument("--explain") is not null)
        {
            var sample = filter();
            foreach (var line in await peer!.ExplainAsync(sample, 20, await PeerPositionAsync(sample, pages)))
            {
                Console.WriteLine($"  plan {sample}: {line}");
            }
        }
    }

    results.Add((latencies, uncachedLatencies, peerLatencies, distinct.Count, differing));
}

if (peer is not null)
{
    Console.WriteLine();
    Console.WriteLine($"side by side: pages of 20 one query at a time ({iterations} per scenario, the same on each), p50 / p99 in ms, qps = 1 / mean latency:");
    Console.WriteLine($"  {"scenario",-38}{"distinct",9}  {"ours",-15}{"ours, no cache",-16}{"postgres",-16}{"qps ours",9}{"no cache",9}{"pg",6}{"pages differing",17}");
    foreach (var (ours, uncached, theirs, distinct, differing) in results)
    {
        var (p50, p99, qps) = ours.Figures();
        var (uncachedP50, uncachedP99, uncachedQps) = uncached!.Figures();
        var (peerP50, peerP99, peerQps) = theirs!.Figures();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {ours.Scenario,-38}{distinct,9}  {$"{p50:F2} / {p99:F2}",-15}{$"{uncachedP50:F2} / {uncachedP99:F2}",-16}{$"{peerP50:F2} / {peerP99:F2}",-16}{qps,9:F0}{uncachedQps,9:F0}{peerQps,6:F0}{differing,17}"));
    }

    // Throughput with several clients: every scenario's queries mixed, shuffled, `concurrency` in flight, on each in
    // turn. As many pool threads as clients from the start, so that ours is not held back by thread injection
    // (each of its queries runs synchronously on the caller's thread) while the peer has a server process per client.
    ThreadPool.GetMinThreads(out var workers, out var ports);
    ThreadPool.SetMinThreads(Math.Max(workers, concurrency + Environment.ProcessorCount), ports);
    var mix = new List<(ExchangeFilter Filter, string? Cursor, PostgresCursor? PeerCursor)>();
    foreach (var (_, filter, pages) in scenarios)
    {
        for (var i = 0; i < iterations / 2; i++)
        {
            var (f, cursor) = await PositionAsync(filter(), pages);
            mix.Add((f, cursor, await PeerPositionAsync(f, pages)));
        }
    }

    var shuffled = mix.OrderBy(_ => Random.Shared.Next()).ToList();
    var ourMix = new Latencies("all scenarios mixed", $"search, {concurrency} in flight:");
    var uncachedMix = new Latencies("all scenarios mixed", $"search, answer cache off, {concurrency} in flight:");
    var peerMix = new Latencies("all scenarios mixed", $"postgres, {concurrency} in flight:");
    var mixRuns = new (Latencies Into, Func<(ExchangeFilter Filter, string? Cursor, PostgresCursor? PeerCursor), Task<int>> Query, Stopwatch Watch)[]
    {
        (ourMix, async q => (await catalog.SearchAsync(q.Filter, limit: 20, cursor: q.Cursor)).Items.Count, new Stopwatch()),
        (uncachedMix, async q => (await uncachedCatalog!.SearchAsync(q.Filter, limit: 20, cursor: q.Cursor)).Items.Count, new Stopwatch()),
        (peerMix, async q => (await peer.SearchAsync(q.Filter, 20, q.PeerCursor)).Items.Count, new Stopwatch()),
    };

    // In slices of 100 queries, each slice on each side in turn (the order rotating), so that all see the same machine.
    const int Slice = 100;
    for (var offset = 0; offset < shuffled.Count; offset += Slice)
    {
        var slice = shuffled.Skip(offset).Take(Slice).ToList();
        for (var turn = 0; turn < mixRuns.Length; turn++)
        {
            var (into, query, watch) = mixRuns[(offset / Slice + turn) % mixRuns.Length];
            watch.Start();
            await Parallel.ForEachAsync(slice, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (q, _) =>
                await into.MeasureAsync(() => query(q)));
            watch.Stop();
        }
    }

    foreach (var (into, _, watch) in mixRuns)
    {
        Console.WriteLine(into.Report() + string.Create(CultureInfo.InvariantCulture, $", {shuffled.Count / watch.Elapsed.TotalSeconds:F0} queries/s overall"));
    }

    // The posts below are measured without the peer's server or the second storage.
    await uncachedStorage!.DisposeAsync();
    await postgres!.DisposeAsync();
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

// The position of the peer's page: the first, or the page reached by following its cursors.
async Task<PostgresCursor?> PeerPositionAsync(ExchangeFilter filter, int page)
{
    PostgresCursor? cursor = null;
    for (var i = 1; i < page && peer is not null; i++)
    {
        cursor = (await peer.SearchAsync(filter, 20, cursor)).Next;
        if (cursor is null)
        {
            break;
        }
    }

    return cursor;
}

// Walks a filter to its end on both, 20 per page, each following its own cursors, and compares every page.
async Task ComparePagesAsync(ExchangeFilter filter)
{
    string? cursor = null;
    PostgresCursor? peerCursor = null;
    var pageCount = 0;
    var differing = 0;
    var hits = 0;
    do
    {
        var ours = await catalog.SearchAsync(filter, limit: 20, cursor: cursor);
        var theirs = await peer!.SearchAsync(filter, 20, peerCursor);
        pageCount++;
        hits += ours.Items.Count;
        if (Difference(ours, theirs) is { } difference && ++differing <= 3)
        {
            Console.WriteLine($"  differs: page {pageCount} of {filter}: {difference}");
        }

        cursor = ours.NextCursor;
        peerCursor = theirs.Next;
    }
    while (cursor is not null && peerCursor is not null);

    Console.WriteLine($"compare {filter} with postgres: {pageCount} pages of 20 ({hits} exchanges), {differing} differing");
}

// Null when both pages hold the same ids in the same order and agree on whether more follow.
static string? Difference(ExchangePage<ExchangeListItem> ours, PostgresPage theirs)
{
    var ourIds = ours.Items.Select(i => i.Id).ToList();
    var theirIds = theirs.Items.Select(i => i.Id).ToList();
    if (ourIds.SequenceEqual(theirIds) && (ours.NextCursor is null) == (theirs.Next is null))
    {
        return null;
    }

    return $"ours {ourIds.Count} ids (more: {ours.NextCursor is not null}), postgres {theirIds.Count} (more: {theirs.Next is not null}), "
        + $"only ours: {string.Join(' ', ourIds.Except(theirIds).Take(3))}, only postgres: {string.Join(' ', theirIds.Except(ourIds).Take(3))}";
}

// What a team would set on a server that holds this data: the table and its indexes (about 1 GB) fit in its buffers,
// random reads cost what they do on an SSD-backed, cached database, no JIT for queries of a few milliseconds.
static Dictionary<string, string> PostgresSettings() => new()
{
    ["shared_buffers"] = "'1GB'",
    ["effective_cache_size"] = "'4GB'",
    ["work_mem"] = "'32MB'",
    ["maintenance_work_mem"] = "'512MB'",
    ["random_page_cost"] = "1.1",
    ["effective_io_concurrency"] = "200",
    ["jit"] = "off",
    ["max_connections"] = "50",
    // The load is one COPY: no checkpoint in the middle of it.
    ["max_wal_size"] = "'4GB'",
};

static string Kind(ExchangeKind kind) => ExchangeIndex.Name(kind);

static string Prefix(string word) => (word.Length > 3 ? word[..3] : word) + "*";

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
