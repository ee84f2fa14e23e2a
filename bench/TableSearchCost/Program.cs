// What the first page of a search reads from Azure Table storage, in entities (what the service bills reads by, and
// what its time follows on Azure), and what the same search read before word postings (the index, or a term's
// partition, read row by row and the words checked on each). Entities are counted at --count exchanges on the
// in-memory table service of the tests, which counts as Azurite does; then the same searches run on Azurite at
// --azurite-count exchanges (the same shape), timed, their entities checked against the in-memory service's.
// Usage: dotnet run -c Release --project bench/TableSearchCost -- [--count 100000] [--azurite-count 10000] [--repeat 5]
using System.Diagnostics;
using System.Globalization;
using Collaboration.Grains.Indexing;
using Collaboration.Silo.Storage.AzureTable;
using Collaboration.Tests.Azurite;
using Collaboration.Tests.Search;
using Collaboration.Tests.Tables;

var count = IntArgument("--count", 100_000);
var azuriteCount = IntArgument("--azurite-count", 10_000);
var repeat = IntArgument("--repeat", 5);
Console.WriteLine(Invariant($"table search cost: exchanges of 12 words, a kind, an author and its country, 1 to 3 of 30 themes, a project for 4 in 10; first pages of 20; {Environment.ProcessorCount} cores"));

var corpus = new ExchangeLikeCorpus(count);
var inMemory = await ImportAsync(corpus, new AzureTableStorage(new InMemoryTableService(), new AzureTableStorageOptions(), TimeProvider.System));
Console.WriteLine(Invariant($"{count} exchanges, in-memory table service: entities read by the first page"));
Console.WriteLine($"  {"search",-44} {"hits",5} {"before",8} {"now",6}");
foreach (var (name, query) in Scenarios(corpus))
{
    inMemory.SearchesReadWordPostings = false;
    var (_, before) = await SearchAsync(inMemory, query);
    inMemory.SearchesReadWordPostings = true;
    var (page, now) = await SearchAsync(inMemory, query);
    Check(corpus, name, query, page);
    Console.WriteLine(Invariant($"  {name,-44} {page.Items.Count,5} {before,8} {now,6}"));
}

if (azuriteCount > 0)
{
    var small = azuriteCount == count ? corpus : new ExchangeLikeCorpus(azuriteCount);
    var counted = small == corpus ? inMemory : await ImportAsync(small, new AzureTableStorage(new InMemoryTableService(), new AzureTableStorageOptions(), TimeProvider.System));
    // Azurite keeps every entity in its process's memory, and serves one request at a time: give it room and time.
    Environment.SetEnvironmentVariable("NODE_OPTIONS", "--max-old-space-size=16384");
    await using var azurite = await AzuriteServer.StartAsync();
    var fill = Stopwatch.StartNew();
    var onAzurite = await ImportAsync(small, new AzureTableStorage(new AzureTableStorageOptions { ConnectionString = azurite.ConnectionString, RequestTimeout = TimeSpan.FromMinutes(10) }));
    Console.WriteLine(Invariant($"{azuriteCount} exchanges, Azurite {AzuriteServer.Version} (imported in {fill.Elapsed.TotalSeconds:F0} s): entities read and time of the first page, {repeat} runs"));
    Console.WriteLine($"  {"search",-44} {"hits",5} {"now",6} {"p50 ms",8} {"max ms",8}");
    foreach (var (name, query) in Scenarios(small))
    {
        var (_, expected) = await SearchAsync(counted, query);
        var times = new List<double>();
        for (var i = 0; i < repeat; i++)
        {
            var watch = Stopwatch.StartNew();
            var (page, read) = await SearchAsync(onAzurite, query);
            times.Add(watch.Elapsed.TotalMilliseconds);
            Check(small, name, query, page);
            if (read != expected)
            {
                throw new InvalidOperationException($"{name}: Azurite read {read} entities, the in-memory service {expected}.");
            }
        }

        times.Sort();
        Console.WriteLine(Invariant($"  {name,-44} {small.FirstPage(query).Count,5} {expected,6} {times[times.Count / 2],8:F0} {times[^1],8:F0}"));
    }
}

return 0;

static async Task<AzureTableStorage> ImportAsync(ExchangeLikeCorpus corpus, AzureTableStorage storage)
{
    await storage.ImportIndexAsync(corpus.Published, CancellationToken.None);
    return storage;
}

// Words from the commonest to one in ten documents of the corpus, alone, as prefixes, together and with filters.
static List<(string Name, IndexQuery Query)> Scenarios(ExchangeLikeCorpus corpus)
{
    var theme = new IndexTerm("theme", corpus.Themes[0]);
    var common = corpus.Vocabulary[0];
    var scenarios = new List<(string, IndexQuery)>
    {
        ($"a word in {corpus.DocumentsHolding(ExchangeLikeCorpus.RareWord)} exchanges", Search(ExchangeLikeCorpus.RareWord)),
        ($"a common word (in {corpus.DocumentsHolding(common)})", Search(common)),
        ($"a prefix of 2 letters ('{common[..2]}*')", Search(common[..2] + "*")),
        ($"two words (in {corpus.DocumentsHolding(corpus.Vocabulary[3])} and {corpus.DocumentsHolding(corpus.Vocabulary[40])})", Search($"{corpus.Vocabulary[3]} {corpus.Vocabulary[40]}")),
    };
    foreach (var word in new[] { corpus.Vocabulary[5], corpus.Vocabulary[50], corpus.Vocabulary[500], ExchangeLikeCorpus.RareWord })
    {
        scenarios.Add(($"the commonest theme + a word in {corpus.DocumentsHolding(word)}", Search(word) with { Terms = [theme] }));
    }

    scenarios.Add(($"theme + kind + a word in {corpus.DocumentsHolding(corpus.Vocabulary[50])}", Search(corpus.Vocabulary[50]) with { Terms = [theme, new IndexTerm("kind", "kind-1")] }));
    return scenarios;
}

static IndexQuery Search(string text) => new(ExchangeLikeCorpus.Index) { Text = text, Limit = 20 };

static async Task<(IndexPage Page, long Entities)> SearchAsync(AzureTableStorage storage, IndexQuery query)
{
    var before = storage.EntitiesRead;
    var page = await storage.QueryAsync(query);
    return (page, storage.EntitiesRead - before);
}

static void Check(ExchangeLikeCorpus corpus, string name, IndexQuery query, IndexPage page)
{
    if (!page.Items.Select(h => h.DocumentId).SequenceEqual(corpus.FirstPage(query)))
    {
        throw new InvalidOperationException($"{name}: the page is not the corpus's.");
    }
}

static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

int IntArgument(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
}
