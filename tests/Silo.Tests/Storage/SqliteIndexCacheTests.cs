using System.Text;
using Collaboration.Grains.Indexing;
using Collaboration.Silo.Storage;
using Collaboration.Silo.Storage.Sqlite;

namespace Collaboration.Silo.Tests.Storage;

/// <summary>
/// The SQLite storage's cache of index answers, on real files. A cached answer is the very page given before (callers
/// rely on that: a value derived from a page stays valid while the same page comes back); a fresh answer is a new page.
/// </summary>
public sealed class SqliteIndexCacheTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "collaboration-tests", Guid.NewGuid().ToString("N"));
    private readonly List<SqliteStorage> _opened = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var storage in _opened)
        {
            await storage.DisposeAsync();
        }

        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public async Task AnIndexAnswerIsServedFromTheCacheUntilACommitTouchesThatIndex()
    {
        var storage = Open();
        await storage.WriteAsync(State("project", "shelter"), Bytes("s"), null, [Document("projects", "shelter", "SHELTER", ("partner", "canepina"))]);
        var byPartner = new IndexQuery("projects") { Terms = [new IndexTerm("partner", "canepina")] };
        var first = await storage.QueryAsync(byPartner);
        Assert.Equal(["SHELTER"], Payloads(first));
        Assert.Same(first, await storage.QueryAsync(byPartner));

        // A commit to another index leaves this one's answers alone.
        await storage.WriteAsync(State("exchange", "x1"), Bytes("x"), null, [Document("exchanges", "x1", "practice", ("author", "canepina"))]);
        Assert.Same(first, await storage.QueryAsync(byPartner));

        // A commit to this index is seen by the very next query.
        await storage.WriteAsync(State("project", "access"), Bytes("a"), null, [Document("projects", "access", "ACCESS", ("partner", "canepina"))]);
        var after = await storage.QueryAsync(byPartner);
        Assert.NotSame(first, after);
        Assert.Equal(["ACCESS", "SHELTER"], Payloads(after).Order(StringComparer.Ordinal));
        Assert.Same(after, await storage.QueryAsync(byPartner));
    }

    [Fact]
    public async Task ATextSearchIsAnsweredAfreshEachTimeWhileAListOfTheSameIndexIsCached()
    {
        var storage = Open();
        await storage.WriteAsync(State("exchange", "x1"), Bytes("x"), null, [Document("exchanges", "x1", "newcomers practice", ("author", "canepina"))]);
        var byAuthor = new IndexQuery("exchanges") { Terms = [new IndexTerm("author", "canepina")] };
        var byText = byAuthor with { Text = "newcomers" };

        var list = await storage.QueryAsync(byAuthor);
        var search = await storage.QueryAsync(byText);

        Assert.Equal(["newcomers practice"], Payloads(list));
        Assert.Equal(["newcomers practice"], Payloads(search));
        Assert.Same(list, await storage.QueryAsync(byAuthor));
        var again = await storage.QueryAsync(byText);
        Assert.NotSame(search, again);
        Assert.Equal(["newcomers practice"], Payloads(again));
    }

    [Fact]
    public async Task ClearingAStateInvalidatesTheIndexesOfTheDocumentsItHad()
    {
        var storage = Open();
        var etag = await storage.WriteAsync(State("agreement", "a1"), Bytes("a"), null, [Document("agreements", "a1", "Shelter agreement", ("party", "kelme"))]);
        var byParty = new IndexQuery("agreements") { Terms = [new IndexTerm("party", "kelme")] };
        Assert.Single((await storage.QueryAsync(byParty)).Items);
        Assert.Equal(1, await storage.CountAsync(byParty));

        await storage.ClearAsync(State("agreement", "a1"), etag);

        Assert.Empty((await storage.QueryAsync(byParty)).Items);
        Assert.Equal(0, await storage.CountAsync(byParty));
    }

    [Fact]
    public async Task AStateWhoseDocumentMovesToAnotherIndexInvalidatesTheIndexItLeft()
    {
        var storage = Open();
        var etag = await storage.WriteAsync(State("event", "e1"), Bytes("e"), null, [Document("events", "e1", "Conference", ("project", "shelter"))]);
        var byProject = new IndexQuery("events") { Terms = [new IndexTerm("project", "shelter")] };
        Assert.Single((await storage.QueryAsync(byProject)).Items);

        // The new entries name only the other index: the writer still learns which index lost a document.
        await storage.WriteAsync(State("event", "e1"), Bytes("e"), etag, [Document("archived-events", "e1", "Conference", ("project", "shelter"))]);

        Assert.Empty((await storage.QueryAsync(byProject)).Items);
    }

    [Fact]
    public async Task PagesWithDifferentCursorsLimitsOrTextGetTheirOwnAnswers()
    {
        var storage = Open();
        for (var i = 1; i <= 5; i++)
        {
            await storage.WriteAsync(State("exchange", $"x{i}"), Bytes("x"), null, [Document("exchanges", $"x{i}", $"practice {i}", ("theme", "integration"), sortKey: i)]);
        }

        var first = new IndexQuery("exchanges") { Terms = [new IndexTerm("theme", "integration")], Limit = 2 };
        var page1 = await storage.QueryAsync(first);
        var page2 = await storage.QueryAsync(first with { After = page1.Next });
        var ascending = await storage.QueryAsync(first with { Descending = false });
        var wider = await storage.QueryAsync(first with { Limit = 3 });
        var texts = await storage.QueryAsync(new IndexQuery("exchanges") { Text = "practice", Limit = 2 });

        Assert.Equal(["x5", "x4"], Ids(page1));
        Assert.Equal(["x3", "x2"], Ids(page2));
        Assert.Equal(["x1", "x2"], Ids(ascending));
        Assert.Equal(["x5", "x4", "x3"], Ids(wider));
        Assert.Equal(["x5", "x4"], Ids(texts));
        Assert.Equal(5, await storage.CountAsync(first));
        Assert.Equal(5, await storage.CountAsync(first with { Text = "practice" }));
        Assert.Equal(0, await storage.CountAsync(first with { Text = "housing" }));
    }

    [Fact]
    public async Task WithTheCacheTurnedOffEveryQueryIsAnsweredAfresh()
    {
        var storage = Open(cachedQueriesPerIndex: 0);
        await storage.WriteAsync(State("project", "shelter"), Bytes("s"), null, [Document("projects", "shelter", "SHELTER", ("partner", "canepina"))]);
        var byPartner = new IndexQuery("projects") { Terms = [new IndexTerm("partner", "canepina")] };

        var first = await storage.QueryAsync(byPartner);
        var second = await storage.QueryAsync(byPartner);

        Assert.NotSame(first, second);
        Assert.Equal(["SHELTER"], Payloads(first));
        Assert.Equal(["SHELTER"], Payloads(second));
    }

    [Fact]
    public async Task AnIndexWithMoreDistinctQueriesThanItsShareStillAnswersEveryOneCorrectly()
    {
        var storage = Open(cachedQueriesPerIndex: 4);
        for (var i = 0; i < 12; i++)
        {
            await storage.WriteAsync(State("municipality", $"town-{i}"), Bytes("m"), null, [Document("municipalities", $"town-{i}", $"Town {i}", ("country", $"C{i % 6}"))]);
        }

        for (var round = 0; round < 3; round++)
        {
            for (var c = 0; c < 6; c++)
            {
                var ids = Ids(await storage.QueryAsync(new IndexQuery("municipalities") { Terms = [new IndexTerm("country", $"C{c}")], Descending = false }));
                // Equal sort keys: ordered by id, ordinally.
                Assert.Equal(new[] { $"town-{c}", $"town-{c + 6}" }.Order(StringComparer.Ordinal), ids);
            }
        }
    }

    [Fact]
    public async Task EveryAcknowledgedWriteIsSeenByTheQueriesThatFollowItWhileOthersWriteAndReadAtOnce()
    {
        var storage = Open();
        const int Writers = 8;
        const int WritesEach = 25;
        var byTheme = new IndexQuery("exchanges") { Terms = [new IndexTerm("theme", "migration")], Limit = Writers * WritesEach };

        var writers = Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < WritesEach; i++)
            {
                var id = $"w{w}-{i}";
                await storage.WriteAsync(State("exchange", id), Bytes("x"), null, [Document("exchanges", id, "practice", ("theme", "migration"), sortKey: (w * WritesEach) + i)]);
                var seen = Ids(await storage.QueryAsync(byTheme));
                Assert.Contains(id, seen);
                Assert.True(await storage.CountAsync(byTheme) >= i + 1);
            }
        }));
        await Task.WhenAll(writers);

        Assert.Equal(Writers * WritesEach, (await storage.QueryAsync(byTheme)).Items.Count);
    }

    private SqliteStorage Open(int cachedQueriesPerIndex = 4096)
    {
        var storage = new SqliteStorage(new SqliteStorageOptions { DataPath = _folder, CachedQueriesPerIndex = cachedQueriesPerIndex });
        _opened.Add(storage);
        return storage;
    }

    private static GrainStateId State(string type, string key) => new(type, key, "state");

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    private static IndexEntry Document(string index, string id, string payload, (string Field, string Value) term, long sortKey = 1) =>
        new(index, id) { SortKey = sortKey, Text = payload, Payload = payload, Terms = [new IndexTerm(term.Field, term.Value)] };

    private static List<string> Ids(IndexPage page) => page.Items.Select(h => h.DocumentId).ToList();

    private static List<string> Payloads(IndexPage page) => page.Items.Select(h => h.Payload!).ToList();
}
