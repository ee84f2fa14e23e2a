using System.Diagnostics;
using Azure.Core.Pipeline;
using Collaboration.Grains.Errors;
using Collaboration.Grains.Indexing;
using Collaboration.Grains.Storage;
using Collaboration.Silo.Storage;
using Collaboration.Silo.Storage.AzureTable;
using Collaboration.Tests.Azurite;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace Collaboration.Silo.Tests.Storage;

/// <summary>
/// The storage contract on Azure Table storage, against a real Azurite that the fixture installs and starts; each
/// test gets tables of its own (a fresh prefix). Then what only this provider has to prove: large states split over
/// properties, keys the service would refuse, key order, the index after a crash, retries and outages.
/// </summary>
public sealed class AzureTableStorageTests(AzuriteFixture azurite) : StorageContractTests, IClassFixture<AzuriteFixture>
{
    private readonly string _prefix = "t" + Guid.NewGuid().ToString("N")[..16];

    protected override object CreateStorage() => Open();

    [Fact]
    public async Task AStateLargerThanOnePropertyIsSplitAndReassembled()
    {
        var data = new byte[700 * 1024];
        Random.Shared.NextBytes(data);

        var etag = await States.WriteAsync(StateOf("large"), data, null, []);

        var record = await States.ReadAsync(StateOf("large"));
        Assert.Equal(etag, record!.ETag);
        Assert.Equal(data, record.Data);
    }

    [Fact]
    public async Task AStateLargerThanOneEntityIsRefusedWithAClearMessageAndNothingIsStored()
    {
        var exception = await Assert.ThrowsAsync<ArgumentException>(() => States.WriteAsync(StateOf("huge"), new byte[1100 * 1024], null, []));

        Assert.Contains("Azure Table storage keeps at most", exception.Message, StringComparison.Ordinal);
        Assert.Null(await States.ReadAsync(StateOf("huge")));
    }

    [Fact]
    public async Task KeysWithCharactersTheServiceRefusesAreStoredAndKeptApart()
    {
        string[] keys = ["a/b", "a\\b", "a#b", "a?b", "a\tb", "a\u007Fb", "Kelmė", "a|b", "a~b", "a b", "a.b", "a*b", ""];
        foreach (var key in keys)
        {
            await States.WriteAsync(new GrainStateId("weird/type", key, "st#te"), Bytes(key), null, [Entry(key, 1, key, Term("f/#?", key))]);
        }

        foreach (var key in keys)
        {
            Assert.Equal(key, Text((await States.ReadAsync(new GrainStateId("weird/type", key, "st#te")))!.Data));
            Assert.Equal([key], await IdsAsync(new IndexQuery("exchanges") { Terms = [Term("f/#?", key)] }));
        }
    }

    [Fact]
    public async Task DocumentsWithEqualSortKeysComeInOrdinalOrderOfTheirIdsWhateverCharactersTheyHold()
    {
        string[] ids = ["b", "a", "ab", "a-b", "a_b", "a.b", "a/b", "A", "Z", "a b", "é", "a\u0001", "a~", "a{", "0", "9", "a:b", "a[b", "a`b", "\uFFFF", "\uD83D\uDE00"];
        for (var i = 0; i < ids.Length; i++)
        {
            await States.WriteAsync(StateOf("doc" + i), Bytes("{}"), null, [Entry(ids[i], 7)]);
        }

        var ordinal = ids.Order(StringComparer.Ordinal).ToList();
        Assert.Equal(ordinal, await IdsAsync(new IndexQuery("exchanges") { Descending = false }));
        Assert.Equal(Enumerable.Reverse(ordinal), await IdsAsync(new IndexQuery("exchanges")));
        var page = await Index.QueryAsync(new IndexQuery("exchanges") { Descending = false, After = new IndexCursor(7, "a"), Limit = 3 });
        Assert.Equal(ordinal.SkipWhile(id => string.CompareOrdinal(id, "a") <= 0).Take(3), page.Items.Select(h => h.DocumentId));
    }

    [Fact]
    public async Task NegativeAndExtremeSortKeysKeepTheirOrder()
    {
        long[] keys = [long.MinValue, -5, -1, 0, 1, 5, long.MaxValue];
        foreach (var key in keys)
        {
            await States.WriteAsync(StateOf("k" + key), Bytes("{}"), null, [Entry("k" + key, key)]);
        }

        Assert.Equal(keys.Select(k => "k" + k), await IdsAsync(new IndexQuery("exchanges") { Descending = false }));
        Assert.Equal(keys.Reverse().Select(k => "k" + k), await IdsAsync(new IndexQuery("exchanges")));
    }

    [Fact]
    public async Task SearchesReadFromPostingsAnswerWhatTheMemoryStorageAnswers()
    {
        var storage = Open();
        // Fresh tables: nothing written before word postings existed, so searches read postings from the start.
        await storage.EnsureWordsPostedAsync(CancellationToken.None);

        await SearchComparison.AssertSameAnswersAsync(storage, documents: 200, searches: 100, seed: 11);
    }

    [Fact]
    public async Task AWriterStoppedBeforeItsIndexWasWrittenIsFinishedByTheNextRead()
    {
        var faulty = new FaultyTableGateway(Gateway());
        var crashing = Open(faulty);
        var first = await crashing.WriteAsync(StateOf("gallese"), Bytes("v1"), null, [Entry("gallese", 1, "volunteering", Term("country", "IT"))]);
        // The writer "dies" once its state row is stored: none of its index rows gets written.
        faulty.Before = (operation, table) =>
        {
            if (table.EndsWith("indexdocs", StringComparison.Ordinal) && operation != "get")
            {
                throw new InvalidOperationException("crashed");
            }
        };

        await Assert.ThrowsAnyAsync<Exception>(() => crashing.WriteAsync(StateOf("gallese"), Bytes("v2"), first, [Entry("gallese", 2, "mobility", Term("country", "SI"))]));

        // The index still answers for the last acknowledged write...
        Assert.Equal(["gallese"], await IdsAsync(new IndexQuery("exchanges") { Terms = [Term("country", "IT")] }));
        Assert.Empty(await IdsAsync(new IndexQuery("exchanges") { Terms = [Term("country", "SI")] }));

        // ...and whoever reads the state next finishes the index before seeing it.
        var record = await States.ReadAsync(StateOf("gallese"));
        Assert.Equal("v2", Text(record!.Data));
        Assert.Empty(await IdsAsync(new IndexQuery("exchanges") { Terms = [Term("country", "IT")] }));
        Assert.Equal(["gallese"], await IdsAsync(new IndexQuery("exchanges") { Terms = [Term("country", "SI")], Text = "mobil*" }));
        Assert.Equal(1, await Index.CountAsync(new IndexQuery("exchanges")));
        // The repaired ETag is the one to write with.
        await States.WriteAsync(StateOf("gallese"), Bytes("v3"), record.ETag, []);
        Assert.Empty(await IdsAsync(new IndexQuery("exchanges")));
    }

    [Fact]
    public async Task AClearStoppedHalfwayIsFinishedByTheNextRead()
    {
        var faulty = new FaultyTableGateway(Gateway());
        var crashing = Open(faulty);
        var etag = await crashing.WriteAsync(StateOf("kelme"), Bytes("v1"), null, [Entry("kelme", 1, "agreement")]);
        faulty.Before = (operation, table) =>
        {
            if (table.EndsWith("indexpostings", StringComparison.Ordinal) && operation == "batch")
            {
                throw new InvalidOperationException("crashed");
            }
        };

        await Assert.ThrowsAnyAsync<Exception>(() => crashing.ClearAsync(StateOf("kelme"), etag));

        Assert.Null(await States.ReadAsync(StateOf("kelme")));
        Assert.Empty(await IdsAsync(new IndexQuery("exchanges")));
        await States.WriteAsync(StateOf("kelme"), Bytes("again"), null, []);
    }

    [Fact]
    public async Task TransientFailuresAreRetriedByTheSdkUntilTheRequestSucceeds()
    {
        var wire = new FaultyWire();
        var storage = Open(wire);
        await storage.CheckAsync();
        var failures = 0;
        wire.FailBefore = (_, _) => Interlocked.Increment(ref failures) % 2 == 1;

        var etag = await storage.WriteAsync(StateOf("canepina"), Bytes("v1"), null, [Entry("canepina", 1, "conference")]);
        var record = await storage.ReadAsync(StateOf("canepina"));
        await storage.AppendAsync("activity", 1, DateTimeOffset.UnixEpoch, "one");

        Assert.Equal(etag, record!.ETag);
        Assert.Equal(["canepina"], (await storage.QueryAsync(new IndexQuery("exchanges") { Text = "conf*" })).Items.Select(h => h.DocumentId));
        Assert.Equal(1, await storage.GetLastSequenceAsync("activity"));
        Assert.True(failures > 5);
    }

    [Fact]
    public async Task AWriteWhoseAnswerWasLostIsRecognisedAsItsOwnWhenTheSdkRepeatsIt()
    {
        var wire = new FaultyWire();
        var storage = Open(wire);
        await storage.CheckAsync();
        var lost = new HashSet<string>();
        // The first insert, replace and append each apply, but their answers never arrive.
        wire.LoseAnswer = (operation, target) =>
            (operation is "insert" or "replace" || (operation == "batch" && target.Contains("appendlog", StringComparison.Ordinal)))
            && lost.Add(operation);

        var first = await storage.WriteAsync(StateOf("herceg-novi"), Bytes("v1"), null, []);
        var second = await storage.WriteAsync(StateOf("herceg-novi"), Bytes("v2"), first, []);
        await storage.AppendAsync("activity", 1, DateTimeOffset.UnixEpoch, "one");

        Assert.Equal(["batch", "insert", "replace"], lost.Order());
        var record = await storage.ReadAsync(StateOf("herceg-novi"));
        Assert.Equal(("v2", second), (Text(record!.Data), record.ETag));
        Assert.Equal(1, await storage.GetLastSequenceAsync("activity"));
        // Someone else's write is still refused.
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteAsync(StateOf("herceg-novi"), Bytes("v3"), first, []));
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.AppendAsync("activity", 1, DateTimeOffset.UnixEpoch, "other"));
    }

    [Fact]
    public async Task WhenTheSdkHasSpentItsAttemptsTheStorageIsReportedUnavailable()
    {
        var wire = new FaultyWire();
        var storage = Open(wire);
        await storage.CheckAsync();
        wire.FailBefore = (_, _) => true;
        var before = wire.Requests;

        await Assert.ThrowsAsync<StorageUnavailableException>(() => storage.ReadAsync(StateOf("laragne")));
        await Assert.ThrowsAsync<StorageUnavailableException>(() => storage.WriteAsync(StateOf("laragne"), Bytes("v1"), null, []));
        await Assert.ThrowsAsync<StorageUnavailableException>(() => storage.CheckAsync());

        Assert.Equal(3 * 4, wire.Requests - before);
    }

    [Fact]
    public async Task AnOutageMakesEveryCallUnavailableWithinSecondsAndTheStorageRecoversWhenTheServiceIsBack()
    {
        await using var server = await AzuriteServer.StartAsync();
        var storage = new AzureTableStorage(new AzureTableStorageOptions { ConnectionString = server.ConnectionString, TablePrefix = _prefix });
        var etag = await storage.WriteAsync(StateOf("novo-mesto"), Bytes("v1"), null, [Entry("novo-mesto", 1, "partnership")]);

        await server.StopAsync();
        var clock = Stopwatch.StartNew();
        await Assert.ThrowsAsync<StorageUnavailableException>(() => storage.CheckAsync());
        await Assert.ThrowsAsync<StorageUnavailableException>(() => storage.WriteAsync(StateOf("novo-mesto"), Bytes("v2"), etag, []));
        await Assert.ThrowsAsync<StorageUnavailableException>(() => storage.QueryAsync(new IndexQuery("exchanges")));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");

        // Azurite keeps its tables in memory, so it comes back empty: the storage creates its tables again.
        await server.StartAgainAsync();
        await storage.CheckAsync();
        var again = await storage.WriteAsync(StateOf("novo-mesto"), Bytes("v3"), null, [Entry("novo-mesto", 2, "partnership")]);
        Assert.Equal(again, (await storage.ReadAsync(StateOf("novo-mesto")))!.ETag);
        Assert.Equal(["novo-mesto"], await IdsAsync(storage, new IndexQuery("exchanges") { Text = "partner*" }));
    }

    [Fact]
    public async Task TheProviderIsRegisteredAsTheOneInstanceBehindEveryStorageInterface()
    {
        var services = new ServiceCollection()
            .AddAzureTableStorage(options => (options.ConnectionString, options.TablePrefix) = (azurite.ConnectionString, _prefix))
            .BuildServiceProvider();

        var storage = services.GetRequiredService<IGrainStateStore>();
        Assert.IsType<AzureTableStorage>(storage);
        Assert.Same(storage, services.GetRequiredService<IGrainIndex>());
        Assert.Same(storage, services.GetRequiredService<IAppendLog>());
        Assert.Same(storage, services.GetRequiredService<IStorageHealth>());
        await services.GetRequiredService<IStorageHealth>().CheckAsync();
    }

    [Fact]
    public void AConnectionStringThatIsNotOneIsRefusedWithoutQuotingIt()
    {
        var exception = Assert.Throws<ArgumentException>(() => new AzureTableStorage(new AzureTableStorageOptions { ConnectionString = "AccountKey=secret;nonsense" }));

        Assert.DoesNotContain("secret", exception.Message, StringComparison.Ordinal);
    }

    private AzureTableStorageOptions Options() => new()
    {
        ConnectionString = azurite.ConnectionString,
        TablePrefix = _prefix,
        // Retries without waiting: the tests count attempts, not seconds.
        RetryBaseDelay = TimeSpan.Zero,
        RetryMaxDelay = TimeSpan.Zero,
    };

    private AzureTableStorage Open() => new(Options());

    private AzureTableStorage Open(ITableGateway gateway) => new(gateway, Options(), TimeProvider.System);

    private AzureTableStorage Open(FaultyWire wire) => Open(new AzureTablesGateway(Options(), new HttpClientTransport(wire)));

    private AzureTablesGateway Gateway() => new(Options());

    private static async Task<List<string>> IdsAsync(IGrainIndex index, IndexQuery query) =>
        [.. (await index.QueryAsync(query)).Items.Select(h => h.DocumentId)];
}
