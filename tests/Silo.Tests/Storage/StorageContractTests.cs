using System.Text;
using Collaboration.Grains.Indexing;
using Collaboration.Grains.Storage;
using Collaboration.Silo.Storage;
using Orleans.Storage;

namespace Collaboration.Silo.Tests.Storage;

/// <summary>
/// What every storage provider must do. A provider's test class derives from this one and creates a fresh
/// storage for each test.
/// </summary>
public abstract class StorageContractTests : IAsyncLifetime
{
    private const string Exchanges = "exchanges";
    private object? _storage;

    protected IGrainStateStore States => (IGrainStateStore)Storage;

    protected IGrainIndex Index => (IGrainIndex)Storage;

    protected IAppendLog Logs => (IAppendLog)Storage;

    protected IStorageHealth Health => (IStorageHealth)Storage;

    private object Storage => _storage ?? throw new InvalidOperationException("The storage is created in InitializeAsync.");

    /// <summary>A new, empty storage implementing the four storage interfaces.</summary>
    protected abstract object CreateStorage();

    public virtual Task InitializeAsync()
    {
        _storage = CreateStorage();
        return Task.CompletedTask;
    }

    public virtual async Task DisposeAsync()
    {
        switch (_storage)
        {
            case IAsyncDisposable asyncDisposable:
                await asyncDisposable.DisposeAsync();
                break;
            case IDisposable disposable:
                disposable.Dispose();
                break;
        }
    }

    // ---- grain states and ETags ----

    [Fact]
    public async Task ReadingAStateThatWasNeverWrittenReturnsNull()
    {
        Assert.Null(await States.ReadAsync(StateOf("nobody")));
    }

    [Fact]
    public async Task AWrittenStateIsReadBackWithTheETagTheWriteReturned()
    {
        var etag = await States.WriteAsync(StateOf("canepina"), Bytes("{\"name\":\"Canepina\"}"), null, []);

        var record = await States.ReadAsync(StateOf("canepina"));

        Assert.NotNull(record);
        Assert.Equal("{\"name\":\"Canepina\"}", Text(record.Data));
        Assert.Equal(etag, record.ETag);
    }

    [Fact]
    public async Task EveryWriteOfAStateGivesItANewETag()
    {
        var first = await States.WriteAsync(StateOf("gallese"), Bytes("1"), null, []);
        var second = await States.WriteAsync(StateOf("gallese"), Bytes("2"), first, []);
        var third = await States.WriteAsync(StateOf("gallese"), Bytes("3"), second, []);

        Assert.Equal(3, new[] { first, second, third }.Distinct().Count());
        Assert.Equal("3", Text((await States.ReadAsync(StateOf("gallese")))!.Data));
    }

    [Fact]
    public async Task StatesOfDifferentGrainsAndDifferentStateNamesAreKeptApart()
    {
        await States.WriteAsync(new GrainStateId("municipality", "kelme", "profile"), Bytes("profile"), null, []);
        await States.WriteAsync(new GrainStateId("municipality", "kelme", "members"), Bytes("members"), null, []);
        await States.WriteAsync(new GrainStateId("project", "kelme", "profile"), Bytes("project"), null, []);

        Assert.Equal("profile", Text((await States.ReadAsync(new GrainStateId("municipality", "kelme", "profile")))!.Data));
        Assert.Equal("members", Text((await States.ReadAsync(new GrainStateId("municipality", "kelme", "members")))!.Data));
        Assert.Equal("project", Text((await States.ReadAsync(new GrainStateId("project", "kelme", "profile")))!.Data));
    }

    [Fact]
    public async Task InsertingWithoutAnETagIsRefusedWhenTheStateAlreadyExists()
    {
        var etag = await States.WriteAsync(StateOf("novo-mesto"), Bytes("original"), null, []);

        var refusal = await Assert.ThrowsAsync<InconsistentStateException>(
            () => States.WriteAsync(StateOf("novo-mesto"), Bytes("intruder"), null, []));

        Assert.Equal(etag, refusal.StoredEtag);
        Assert.Null(refusal.CurrentEtag);
        var record = await States.ReadAsync(StateOf("novo-mesto"));
        Assert.Equal(("original", etag), (Text(record!.Data), record.ETag));
    }

    [Fact]
    public async Task WritingWithAStaleEtagIsRefusedAndLeavesTheRecordUnchanged()
    {
        var stale = await States.WriteAsync(StateOf("herceg-novi"), Bytes("v1"), null, []);
        var current = await States.WriteAsync(StateOf("herceg-novi"), Bytes("v2"), stale, []);

        var refusal = await Assert.ThrowsAsync<InconsistentStateException>(
            () => States.WriteAsync(StateOf("herceg-novi"), Bytes("lost update"), stale, []));

        Assert.Equal(current, refusal.StoredEtag);
        Assert.Equal(stale, refusal.CurrentEtag);
        var record = await States.ReadAsync(StateOf("herceg-novi"));
        Assert.Equal(("v2", current), (Text(record!.Data), record.ETag));
    }

    [Fact]
    public async Task WritingWithAnETagIsRefusedWhenNothingIsStored()
    {
        await Assert.ThrowsAsync<InconsistentStateException>(
            () => States.WriteAsync(StateOf("laragne"), Bytes("x"), "17", []));

        Assert.Null(await States.ReadAsync(StateOf("laragne")));
    }

    [Fact]
    public async Task ClearingWithAStaleETagIsRefusedAndLeavesTheRecordUnchanged()
    {
        var stale = await States.WriteAsync(StateOf("canepina"), Bytes("v1"), null, [Entry("canepina", 1)]);
        var current = await States.WriteAsync(StateOf("canepina"), Bytes("v2"), stale, [Entry("canepina", 2)]);

        await Assert.ThrowsAsync<InconsistentStateException>(() => States.ClearAsync(StateOf("canepina"), stale));
        await Assert.ThrowsAsync<InconsistentStateException>(() => States.ClearAsync(StateOf("canepina"), null));

        var record = await States.ReadAsync(StateOf("canepina"));
        Assert.Equal(("v2", current), (Text(record!.Data), record.ETag));
        Assert.Equal(["canepina"], await IdsAsync(new IndexQuery(Exchanges)));
    }

    [Fact]
    public async Task AClearedStateIsGoneAndCanBeInsertedAgainWithoutAnETag()
    {
        var etag = await States.WriteAsync(StateOf("gallese"), Bytes("before"), null, []);

        await States.ClearAsync(StateOf("gallese"), etag);

        Assert.Null(await States.ReadAsync(StateOf("gallese")));
        var again = await States.WriteAsync(StateOf("gallese"), Bytes("after"), null, []);
        Assert.Equal("after", Text((await States.ReadAsync(StateOf("gallese")))!.Data));
        Assert.NotEqual(etag, again);
    }

    [Fact]
    public async Task AWriterHoldingTheETagOfAClearedStateCannotOverwriteItsSuccessor()
    {
        var old = await States.WriteAsync(StateOf("kelme"), Bytes("first life"), null, []);
        await States.ClearAsync(StateOf("kelme"), old);
        await States.WriteAsync(StateOf("kelme"), Bytes("second life"), null, []);

        await Assert.ThrowsAsync<InconsistentStateException>(() => States.WriteAsync(StateOf("kelme"), Bytes("stale"), old, []));

        Assert.Equal("second life", Text((await States.ReadAsync(StateOf("kelme")))!.Data));
    }

    [Fact]
    public async Task ChangingTheBytesPassedToAWriteDoesNotChangeWhatIsStored()
    {
        var buffer = Bytes("kept");
        var write = States.WriteAsync(StateOf("canepina"), buffer, null, []);
        buffer[0] = (byte)'X';
        await write;

        var record = await States.ReadAsync(StateOf("canepina"));
        record!.Data[1] = (byte)'X';

        Assert.Equal("kept", Text((await States.ReadAsync(StateOf("canepina")))!.Data));
    }

    // ---- index entries published with states ----

    [Fact]
    public async Task IndexEntriesAreFoundOnceTheirStateIsWritten()
    {
        await States.WriteAsync(StateOf("canepina"), Bytes("{}"), null, [Entry("conference", 7, null, "{\"title\":\"Conference\"}")]);

        var page = await Index.QueryAsync(new IndexQuery(Exchanges));

        var hit = Assert.Single(page.Items);
        Assert.Equal(new IndexHit("conference", 7, "{\"title\":\"Conference\"}"), hit);
        Assert.Null(page.Next);
    }

    [Fact]
    public async Task RewritingAStateReplacesAllTheIndexEntriesItPublishedBefore()
    {
        var etag = await States.WriteAsync(
            StateOf("novo-mesto"),
            Bytes("{}"),
            null,
            [Entry("workshop", 1, "Workshop on migrants", Term("theme", "integration")), Entry("visit", 2, "Study visit")]);

        await States.WriteAsync(
            StateOf("novo-mesto"),
            Bytes("{}"),
            etag,
            [Entry("workshop", 3, "Workshop on volunteering", Term("theme", "volunteering")), Entry("debate", 4, "Debate")]);

        Assert.Equal(["debate", "workshop"], await IdsAsync(new IndexQuery(Exchanges)));
        Assert.Empty(await IdsAsync(new IndexQuery(Exchanges) { Terms = [Term("theme", "integration")] }));
        Assert.Empty(await IdsAsync(new IndexQuery(Exchanges) { Text = "migrants" }));
        Assert.Empty(await IdsAsync(new IndexQuery(Exchanges) { Text = "study" }));
        Assert.Equal(["workshop"], await IdsAsync(new IndexQuery(Exchanges) { Terms = [Term("theme", "volunteering")], Text = "volunteering" }));
        Assert.Equal(3, (await Index.QueryAsync(new IndexQuery(Exchanges) { Text = "workshop" })).Items.Single().SortKey);
    }

    [Fact]
    public async Task WritingAStateWithNoEntriesRemovesTheOnesItPublished()
    {
        var etag = await States.WriteAsync(StateOf("gallese"), Bytes("{}"), null, [Entry("gallese", 1)]);

        await States.WriteAsync(StateOf("gallese"), Bytes("{}"), etag, []);

        Assert.Equal(0, await Index.CountAsync(new IndexQuery(Exchanges)));
    }

    [Fact]
    public async Task ClearingAStateRemovesItsIndexEntries()
    {
        var etag = await States.WriteAsync(StateOf("kelme"), Bytes("{}"), null, [Entry("kelme", 1, "Kelmė", Term("country", "LT"))]);
        await States.WriteAsync(StateOf("gallese"), Bytes("{}"), null, [Entry("gallese", 2, "Gallese", Term("country", "IT"))]);

        await States.ClearAsync(StateOf("kelme"), etag);

        Assert.Equal(["gallese"], await IdsAsync(new IndexQuery(Exchanges)));
        Assert.Empty(await IdsAsync(new IndexQuery(Exchanges) { Terms = [Term("country", "LT")] }));
        Assert.Empty(await IdsAsync(new IndexQuery(Exchanges) { Text = "kelme" }));
    }

    [Fact]
    public async Task ARefusedWriteLeavesTheIndexEntriesUnchanged()
    {
        var stale = await States.WriteAsync(StateOf("canepina"), Bytes("{}"), null, [Entry("canepina", 1, "Canepina")]);
        await States.WriteAsync(StateOf("canepina"), Bytes("{}"), stale, [Entry("canepina", 2, "Canepina")]);

        await Assert.ThrowsAsync<InconsistentStateException>(
            () => States.WriteAsync(StateOf("canepina"), Bytes("{}"), stale, [Entry("intruder", 3, "Intruder")]));

        var hit = Assert.Single((await Index.QueryAsync(new IndexQuery(Exchanges))).Items);
        Assert.Equal(("canepina", 2L), (hit.DocumentId, hit.SortKey));
    }

    [Fact]
    public async Task ADocumentPublishedByAnotherStateIsTakenOverByTheLastWriter()
    {
        await States.WriteAsync(StateOf("first"), Bytes("{}"), null, [Entry("shared", 1, "first version")]);
        var etag = await States.WriteAsync(StateOf("second"), Bytes("{}"), null, [Entry("shared", 2, "second version")]);

        Assert.Equal(2, (await Index.QueryAsync(new IndexQuery(Exchanges))).Items.Single().SortKey);

        // The first owner's rewrite no longer touches the document; the new owner's clear removes it.
        var first = (await States.ReadAsync(StateOf("first")))!.ETag;
        await States.WriteAsync(StateOf("first"), Bytes("{}"), first, []);
        Assert.Equal(1, await Index.CountAsync(new IndexQuery(Exchanges)));
        await States.ClearAsync(StateOf("second"), etag);
        Assert.Equal(0, await Index.CountAsync(new IndexQuery(Exchanges)));
    }

    [Fact]
    public async Task IndexesWithDifferentNamesAreKeptApart()
    {
        await States.WriteAsync(
            StateOf("kelme"),
            Bytes("{}"),
            null,
            [Entry("kelme", 1, "Kelmė"), new IndexEntry("partners", "kelme") { SortKey = 1, Text = "Kelmė" }]);

        Assert.Equal(["kelme"], await IdsAsync(new IndexQuery("partners") { Text = "kelme" }));
        Assert.Empty(await IdsAsync(new IndexQuery("events")));
        Assert.Equal(1, await Index.CountAsync(new IndexQuery(Exchanges)));
    }

    // ---- queries by terms and text ----

    [Fact]
    public async Task QueryingByTermsFindsOnlyDocumentsHavingEveryTerm()
    {
        await PublishNetworkAsync();

        Assert.Equal(["novo-mesto", "canepina"], await IdsAsync(new IndexQuery(Exchanges) { Terms = [Term("theme", "integration")] }));
        Assert.Equal(["canepina"], await IdsAsync(new IndexQuery(Exchanges) { Terms = [Term("theme", "integration"), Term("theme", "solidarity")] }));
        Assert.Equal(["gallese", "canepina"], await IdsAsync(new IndexQuery(Exchanges) { Terms = [Term("country", "IT")] }));
        Assert.Equal(["canepina"], await IdsAsync(new IndexQuery(Exchanges) { Terms = [Term("country", "IT"), Term("theme", "solidarity")] }));
        Assert.Empty(await IdsAsync(new IndexQuery(Exchanges) { Terms = [Term("country", "IT"), Term("theme", "tourism")] }));
        Assert.Empty(await IdsAsync(new IndexQuery(Exchanges) { Terms = [Term("country", "it")] }));
    }

    [Fact]
    public async Task QueryingByTextIgnoresCaseAndDiacritics()
    {
        await PublishNetworkAsync();

        Assert.Equal(["kelme"], await IdsAsync(new IndexQuery(Exchanges) { Text = "kelme" }));
        Assert.Equal(["kelme"], await IdsAsync(new IndexQuery(Exchanges) { Text = "KELMĖ" }));
        Assert.Equal(["laragne"], await IdsAsync(new IndexQuery(Exchanges) { Text = "monteglin" }));
        Assert.Equal(["laragne"], await IdsAsync(new IndexQuery(Exchanges) { Text = "Laragne-Montéglin" }));
        Assert.Equal(["herceg-novi"], await IdsAsync(new IndexQuery(Exchanges) { Text = "CULTURE herceg" }));
    }

    [Fact]
    public async Task AWordWithAStarMatchesAsAPrefixAndAWordWithoutMustBeWhole()
    {
        await PublishNetworkAsync();

        Assert.Equal(["kelme"], await IdsAsync(new IndexQuery(Exchanges) { Text = "Kel*" }));
        Assert.Empty(await IdsAsync(new IndexQuery(Exchanges) { Text = "Kel" }));
        Assert.Equal(["novo-mesto", "canepina"], await IdsAsync(new IndexQuery(Exchanges) { Text = "integr*" }));
        Assert.Equal(["kelme", "novo-mesto"], await IdsAsync(new IndexQuery(Exchanges) { Text = "partner*" }));
        Assert.Equal(["kelme", "novo-mesto"], await IdsAsync(new IndexQuery(Exchanges) { Text = "partnership" }));
        Assert.Equal(["novo-mesto"], await IdsAsync(new IndexQuery(Exchanges) { Text = "nov* mesto" }));
        Assert.Equal(["canepina"], await IdsAsync(new IndexQuery(Exchanges) { Text = "integr* conference*" }));
        Assert.Empty(await IdsAsync(new IndexQuery(Exchanges) { Text = "integr conference" }));
    }

    [Fact]
    public async Task EveryWordOfTheTextMustOccurInTheDocument()
    {
        await PublishNetworkAsync();

        Assert.Equal(["novo-mesto", "herceg-novi"], await IdsAsync(new IndexQuery(Exchanges) { Text = "nov*" }));
        Assert.Equal(["novo-mesto"], await IdsAsync(new IndexQuery(Exchanges) { Text = "novo immigrants" }));
        Assert.Empty(await IdsAsync(new IndexQuery(Exchanges) { Text = "novo canepina" }));
    }

    [Fact]
    public async Task APhraseMatchesItsWordsOnlyAdjacentAndInOrder()
    {
        await PublishNetworkAsync();

        Assert.Equal(["novo-mesto"], await IdsAsync(new IndexQuery(Exchanges) { Text = "\"local partnership\"" }));
        Assert.Equal(["kelme"], await IdsAsync(new IndexQuery(Exchanges) { Text = "\"the partnership\"" }));
        Assert.Empty(await IdsAsync(new IndexQuery(Exchanges) { Text = "\"partnership local\"" }));
        Assert.Empty(await IdsAsync(new IndexQuery(Exchanges) { Text = "\"local municipality\"" }));
        Assert.Equal(["novo-mesto"], await IdsAsync(new IndexQuery(Exchanges) { Text = "\"LOCAL partn\"*" }));
        Assert.Equal(["novo-mesto"], await IdsAsync(new IndexQuery(Exchanges) { Text = "\"loc* partnership between\"" }));
        Assert.Equal(["laragne"], await IdsAsync(new IndexQuery(Exchanges) { Text = "\"laragne montéglin\"" }));
        Assert.Equal(["laragne"], await IdsAsync(new IndexQuery(Exchanges) { Text = "Laragne-Montéglin" }));
        Assert.Empty(await IdsAsync(new IndexQuery(Exchanges) { Text = "Montéglin-Laragne" }));
        Assert.Equal(1, await Index.CountAsync(new IndexQuery(Exchanges) { Text = "\"local partnership\"" }));
    }

    [Fact]
    public async Task OrMatchesEitherSideAndBindsTighterThanTheWordsAround()
    {
        await PublishNetworkAsync();

        Assert.Equal(["kelme", "gallese"], await IdsAsync(new IndexQuery(Exchanges) { Text = "Kelmė OR gallese" }));
        Assert.Equal(["novo-mesto", "canepina"], await IdsAsync(new IndexQuery(Exchanges) { Text = "conference OR \"local partnership\"" }));
        Assert.Equal(["kelme"], await IdsAsync(new IndexQuery(Exchanges) { Text = "conference OR agreement signs" }));
        Assert.Equal(["laragne", "herceg-novi"], await IdsAsync(new IndexQuery(Exchanges) { Text = "tour* OR mobil* OR xyz" }));
        Assert.Equal(["laragne", "herceg-novi", "canepina"], await IdsAsync(new IndexQuery(Exchanges) { Text = "on" }));
        Assert.Empty(await IdsAsync(new IndexQuery(Exchanges) { Text = "on or" }));
        Assert.Equal(2, await Index.CountAsync(new IndexQuery(Exchanges) { Text = "Kelmė OR gallese" }));
    }

    [Fact]
    public async Task AnExcludedWordOrPhraseRemovesTheDocumentsHoldingIt()
    {
        await PublishNetworkAsync();

        Assert.Equal(["novo-mesto"], await IdsAsync(new IndexQuery(Exchanges) { Text = "integr* -conference" }));
        Assert.Equal(["kelme"], await IdsAsync(new IndexQuery(Exchanges) { Text = "partnership -\"local partnership\"" }));
        Assert.Equal(["novo-mesto", "canepina"], await IdsAsync(new IndexQuery(Exchanges) { Text = "integr* -\"conference integration\"" }));
        Assert.Equal(["laragne", "canepina"], await IdsAsync(new IndexQuery(Exchanges) { Text = "on OR in -tour* -volunteer*" }));
        Assert.Equal(1, await Index.CountAsync(new IndexQuery(Exchanges) { Text = "integr* -conference" }));
    }

    [Fact]
    public async Task TextAndTermsTogetherFindOnlyDocumentsMatchingBoth()
    {
        await PublishNetworkAsync();

        Assert.Equal(["kelme"], await IdsAsync(new IndexQuery(Exchanges) { Text = "partnership", Terms = [Term("country", "LT")] }));
        Assert.Equal(["canepina"], await IdsAsync(new IndexQuery(Exchanges) { Text = "integ*", Terms = [Term("country", "IT")] }));
        Assert.Empty(await IdsAsync(new IndexQuery(Exchanges) { Text = "kelme", Terms = [Term("country", "IT")] }));
        Assert.Equal(["gallese"], await IdsAsync(new IndexQuery(Exchanges) { Text = "canepina OR gallese -conference", Terms = [Term("country", "IT")] }));
    }

    [Theory]
    [InlineData("\" OR 1=1 --")]
    [InlineData("'; DROP TABLE grain_state; --")]
    [InlineData("NEAR(kelme")]
    [InlineData("kelme AND")]
    [InlineData("kelme NOT partnership")]
    [InlineData("text:kelme")]
    [InlineData("kelme {text}: partnership")]
    public async Task Fts5AndSqlSyntaxIsPlainWordsAndFindsOnlyDocumentsHavingThemAll(string text)
    {
        await PublishNetworkAsync();

        Assert.Empty(await IdsAsync(new IndexQuery(Exchanges) { Text = text }));
        Assert.Equal(0, await Index.CountAsync(new IndexQuery(Exchanges) { Text = text }));
        Assert.NotNull(await States.ReadAsync(StateOf("kelme")));
    }

    [Theory]
    [InlineData("\"kelme")]
    [InlineData("kelme\"")]
    [InlineData("\"kel\"*")]
    [InlineData("(kelme)")]
    [InlineData("^kelme")]
    [InlineData("{kelme}")]
    [InlineData("kelme NEAR(")]
    [InlineData("kelme * ")]
    [InlineData("kelme - ")]
    [InlineData("kelme -\"")]
    public async Task QuotesBracketsAndStraySymbolsAroundAWordLeaveTheWord(string text)
    {
        await PublishNetworkAsync();

        string[] expected = text.Contains("NEAR", StringComparison.Ordinal) ? [] : ["kelme"];
        Assert.Equal(expected, await IdsAsync(new IndexQuery(Exchanges) { Text = text }));
    }

    [Theory]
    [InlineData("-kelme")]
    [InlineData("OR kelme")]
    [InlineData("kelme OR")]
    [InlineData("kelme OR -gallese")]
    public async Task AMalformedSearchIsRefusedByEveryProviderAlike(string text)
    {
        await PublishNetworkAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => Index.QueryAsync(new IndexQuery(Exchanges) { Text = text }));
        await Assert.ThrowsAsync<ArgumentException>(() => Index.CountAsync(new IndexQuery(Exchanges) { Text = text }));
        await Assert.ThrowsAsync<ArgumentException>(() => Index.QueryAsync(new IndexQuery("no-such-index") { Text = text }));
    }

    [Fact]
    public async Task ALoneSurrogateInTheTextSeparatesWordsInsteadOfFailing()
    {
        await PublishNetworkAsync();

        Assert.Equal(["kelme"], await IdsAsync(new IndexQuery(Exchanges) { Text = "\ud800kelme\udc00" }));
    }

    [Fact]
    public async Task AVeryLongTextIsStillJustWords()
    {
        await PublishNetworkAsync();

        var text = string.Join(" - ", Enumerable.Repeat("\"kelmė\" (partnership) -zebra", 3000)) + " \0 agree*";

        Assert.Equal(["kelme"], await IdsAsync(new IndexQuery(Exchanges) { Text = text }));
    }

    [Theory]
    [InlineData("*")]
    [InlineData("\"")]
    [InlineData("  -- () \"\" ")]
    [InlineData("-\"")]
    [InlineData("")]
    public async Task TextWithoutAnyWordDoesNotFilter(string text)
    {
        await PublishNetworkAsync();

        Assert.Equal(6, (await Index.QueryAsync(new IndexQuery(Exchanges) { Text = text })).Items.Count);
        Assert.Equal(6, await Index.CountAsync(new IndexQuery(Exchanges) { Text = text }));
    }

    // ---- order, paging and counts ----

    [Fact]
    public async Task ResultsComeNewestFirstByDefaultAndOldestFirstOnRequestWithTiesOrderedByDocumentId()
    {
        await States.WriteAsync(StateOf("a"), Bytes("{}"), null, [Entry("b", 5), Entry("a", 5), Entry("old", 1)]);
        await States.WriteAsync(StateOf("b"), Bytes("{}"), null, [Entry("new", 9), Entry("c", 5), Entry("negative", -3)]);

        Assert.Equal(["new", "c", "b", "a", "old", "negative"], await IdsAsync(new IndexQuery(Exchanges)));
        Assert.Equal(["negative", "old", "a", "b", "c", "new"], await IdsAsync(new IndexQuery(Exchanges) { Descending = false }));
    }

    [Fact]
    public async Task APageHoldsAtMostTheLimitAndPointsToTheNextPageUntilTheLast()
    {
        await States.WriteAsync(StateOf("s"), Bytes("{}"), null, [Entry("a", 1), Entry("b", 2), Entry("c", 3), Entry("d", 4)]);

        var first = await Index.QueryAsync(new IndexQuery(Exchanges) { Limit = 2 });
        var second = await Index.QueryAsync(new IndexQuery(Exchanges) { Limit = 2, After = first.Next });
        var exact = await Index.QueryAsync(new IndexQuery(Exchanges) { Limit = 4 });

        Assert.Equal(["d", "c"], first.Items.Select(h => h.DocumentId));
        Assert.Equal(new IndexCursor(3, "c"), first.Next);
        Assert.Equal(["b", "a"], second.Items.Select(h => h.DocumentId));
        Assert.Null(second.Next);
        Assert.Null(exact.Next);
    }

    [Fact]
    public async Task TheCursorIsExclusiveAndNeedNotBeADocumentThatExists()
    {
        await States.WriteAsync(StateOf("s"), Bytes("{}"), null, [Entry("a", 1), Entry("b", 2), Entry("c", 2), Entry("d", 3)]);

        Assert.Equal(["b", "a"], await IdsAsync(new IndexQuery(Exchanges) { After = new IndexCursor(2, "c") }));
        Assert.Equal(["c", "d"], await IdsAsync(new IndexQuery(Exchanges) { After = new IndexCursor(2, "b"), Descending = false }));
        Assert.Equal(["b", "a"], await IdsAsync(new IndexQuery(Exchanges) { After = new IndexCursor(2, "bb") }));
        Assert.Equal(["d"], await IdsAsync(new IndexQuery(Exchanges) { After = new IndexCursor(2, "zz"), Descending = false }));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task CursorPagingWalksEveryDocumentExactlyOnceEvenWhileNewerDocumentsArrive(bool descending)
    {
        var original = new List<string>();
        for (var i = 0; i < 30; i++)
        {
            var id = $"doc-{i:D2}";
            // Pairs share a sort key, so that ties are crossed by page boundaries.
            await States.WriteAsync(StateOf(id), Bytes("{}"), null, [Entry(id, i / 2, "exchange", Term("kind", "practice"))]);
            original.Add(id);
        }

        var seen = new List<string>();
        IndexCursor? after = null;
        var pages = 0;
        do
        {
            var page = await Index.QueryAsync(new IndexQuery(Exchanges)
            {
                Terms = [Term("kind", "practice")],
                Text = "exchange",
                Descending = descending,
                Limit = 4,
                After = after,
            });
            seen.AddRange(page.Items.Select(h => h.DocumentId));
            after = page.Next;
            if (++pages <= 5)
            {
                var id = $"new-{pages}";
                await States.WriteAsync(StateOf(id), Bytes("{}"), null, [Entry(id, 100 + pages, "exchange", Term("kind", "practice"))]);
            }
        }
        while (after is not null);

        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Equal(
            descending ? original.AsEnumerable().Reverse() : original,
            seen.Where(id => id.StartsWith("doc-", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task CountsCountEveryMatchIgnoringTheCursorAndTheLimit()
    {
        await PublishNetworkAsync();

        Assert.Equal(6, await Index.CountAsync(new IndexQuery(Exchanges) { Limit = 1, After = new IndexCursor(35, "x") }));
        Assert.Equal(2, await Index.CountAsync(new IndexQuery(Exchanges) { Terms = [Term("theme", "integration")], Limit = 1 }));
        Assert.Equal(2, await Index.CountAsync(new IndexQuery(Exchanges) { Text = "partner*" }));
        Assert.Equal(1, await Index.CountAsync(new IndexQuery(Exchanges) { Text = "partner*", Terms = [Term("country", "SI")] }));
        Assert.Equal(0, await Index.CountAsync(new IndexQuery("events")));
    }

    // ---- append logs ----

    [Fact]
    public async Task AnEmptyLogHasLastSequenceZeroAndNoRecords()
    {
        Assert.Equal(0, await Logs.GetLastSequenceAsync("activity"));
        Assert.Empty(await Logs.ReadAsync("activity", 0, 10));
    }

    [Fact]
    public async Task AppendedRecordsAreReadBackInOrderAfterAGivenSequence()
    {
        var at = new DateTimeOffset(2017, 10, 12, 9, 30, 0, TimeSpan.FromHours(2));
        for (var sequence = 1; sequence <= 5; sequence++)
        {
            await Logs.AppendAsync("activity", sequence, at.AddDays(sequence), $"event {sequence}");
        }

        await Logs.AppendAsync("other", 1, at, "elsewhere");

        var records = await Logs.ReadAsync("activity", 2, 2);
        Assert.Equal([3L, 4L], records.Select(r => r.Sequence));
        Assert.Equal(new LogRecord(3, at.AddDays(3), "event 3"), records[0]);
        Assert.Equal(TimeSpan.FromHours(2), records[0].At.Offset);
        Assert.Equal(5, (await Logs.ReadAsync("activity", 0, 100)).Count);
        Assert.Empty(await Logs.ReadAsync("activity", 5, 100));
        Assert.Equal(5, await Logs.GetLastSequenceAsync("activity"));
        Assert.Equal(1, await Logs.GetLastSequenceAsync("other"));
    }

    [Fact]
    public async Task AppendingATakenSequenceNumberIsRefusedAndKeepsTheFirstRecord()
    {
        var at = DateTimeOffset.UnixEpoch;
        await Logs.AppendAsync("activity", 1, at, "first");

        await Assert.ThrowsAsync<InconsistentStateException>(() => Logs.AppendAsync("activity", 1, at, "second"));

        Assert.Equal("first", Assert.Single(await Logs.ReadAsync("activity", 0, 10)).Payload);
    }

    [Fact]
    public async Task ABatchOfRecordsIsAppendedInOrder()
    {
        var at = DateTimeOffset.UnixEpoch;
        await Logs.AppendAsync("activity", 1, at, "single");

        await Logs.AppendAsync("activity", [new LogRecord(2, at, "two"), new LogRecord(3, at, "three"), new LogRecord(4, at, "four")]);

        Assert.Equal(["single", "two", "three", "four"], (await Logs.ReadAsync("activity", 0, 10)).Select(r => r.Payload));
        Assert.Equal(4, await Logs.GetLastSequenceAsync("activity"));
    }

    [Fact]
    public async Task ABatchStartingAtATakenNumberIsRefusedAndAppendsNothing()
    {
        var at = DateTimeOffset.UnixEpoch;
        await Logs.AppendAsync("activity", 1, at, "first");

        await Assert.ThrowsAsync<InconsistentStateException>(() => Logs.AppendAsync("activity", [new LogRecord(1, at, "again"), new LogRecord(2, at, "next")]));

        Assert.Equal("first", Assert.Single(await Logs.ReadAsync("activity", 0, 10)).Payload);
    }

    [Fact]
    public async Task StatesAppendedWithTheirRecordsAreStoredIndexedAndNumberedFromTheFirstSequence()
    {
        var at = DateTimeOffset.UnixEpoch;
        await Logs.AppendAsync("activity", 1, at, "before");

        var outcomes = await Logs.AppendWithStatesAsync("activity", 2,
        [
            new LogAppend(at, seq => $"canepina posted ({seq})", StateWrite("canepina", "{\"v\":1}", null, Entry("canepina", 1, "Conference"))),
            new LogAppend(at, seq => $"a record alone ({seq})", null),
            new LogAppend(at, seq => $"gallese posted ({seq})", StateWrite("gallese", "{\"v\":2}", null)),
        ]);

        Assert.Equal([2L, 3L, 4L], outcomes.Select(o => o.Sequence));
        Assert.All(outcomes, o => Assert.Null(o.Refusal));
        Assert.Null(outcomes[1].ETag);
        Assert.Equal(outcomes[0].ETag, (await States.ReadAsync(StateOf("canepina")))!.ETag);
        Assert.Equal("{\"v\":2}", Text((await States.ReadAsync(StateOf("gallese")))!.Data));
        Assert.Equal(["canepina"], await IdsAsync(new IndexQuery(Exchanges) { Text = "conference" }));
        Assert.Equal(["before", "canepina posted (2)", "a record alone (3)", "gallese posted (4)"], (await Logs.ReadAsync("activity", 0, 10)).Select(r => r.Payload));
    }

    [Fact]
    public async Task AStateWithAStaleETagIsLeftOutWithItsRecordAndTheNextRecordTakesItsNumber()
    {
        var at = DateTimeOffset.UnixEpoch;
        var current = await States.WriteAsync(StateOf("kelme"), Bytes("v1"), null, []);

        var outcomes = await Logs.AppendWithStatesAsync("activity", 1,
        [
            new LogAppend(at, seq => $"kelme again ({seq})", StateWrite("kelme", "stale", "not-" + current)),
            new LogAppend(at, seq => $"gallese posted ({seq})", StateWrite("gallese", "v1", null)),
        ]);

        Assert.IsType<InconsistentStateException>(outcomes[0].Refusal);
        Assert.Equal(1, outcomes[1].Sequence);
        Assert.Equal("v1", Text((await States.ReadAsync(StateOf("kelme")))!.Data));
        Assert.Equal(current, (await States.ReadAsync(StateOf("kelme")))!.ETag);
        Assert.Equal(["gallese posted (1)"], (await Logs.ReadAsync("activity", 0, 10)).Select(r => r.Payload));
        Assert.Equal(1, await Logs.GetLastSequenceAsync("activity"));
    }

    // ---- health ----

    [Fact]
    public async Task TheHealthCheckSucceedsWhenTheStorageAnswers()
    {
        await Health.CheckAsync();
    }

    // ---- helpers ----

    protected static GrainStateId StateOf(string key) => new("exchange", key, "state");

    protected static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    protected static StateWrite StateWrite(string key, string data, string? expectedETag, params IndexEntry[] entries) =>
        new(StateOf(key).GrainType, key, StateOf(key).StateName, Bytes(data), expectedETag, entries);

    protected static string Text(byte[] data) => Encoding.UTF8.GetString(data);

    protected static IndexTerm Term(string field, string value) => new(field, value);

    protected static IndexEntry Entry(string id, long sortKey, string? text = null, params IndexTerm[] terms) =>
        Entry(id, sortKey, text, $"{{\"id\":\"{id}\"}}", terms);

    protected static IndexEntry Entry(string id, long sortKey, string? text, string? payload, params IndexTerm[] terms) =>
        new(Exchanges, id) { SortKey = sortKey, Text = text, Terms = terms, Payload = payload };

    protected async Task<List<string>> IdsAsync(IndexQuery query) =>
        [.. (await Index.QueryAsync(query)).Items.Select(h => h.DocumentId)];

    /// <summary>Six partners of the SHELTER network, each publishing one exchange.</summary>
    private async Task PublishNetworkAsync()
    {
        await PublishAsync("canepina", 10, "Canepina hosts the international conference on integration", Term("country", "IT"), Term("theme", "integration"), Term("theme", "solidarity"));
        await PublishAsync("gallese", 20, "Gallese: volunteering in smaller municipalities", Term("country", "IT"), Term("theme", "volunteering"));
        await PublishAsync("herceg-novi", 30, "Herceg Novi on tourism and culture", Term("country", "ME"), Term("theme", "tourism"), Term("theme", "culture"));
        await PublishAsync("novo-mesto", 40, "Novo mesto: a local partnership between the municipality and NGOs for integrating immigrants", Term("country", "SI"), Term("theme", "integration"));
        await PublishAsync("kelme", 50, "Kelmė signs the partnership agreement", Term("country", "LT"), Term("theme", "solidarity"));
        await PublishAsync("laragne", 60, "Laragne-Montéglin on urban mobility and sustainable development", Term("country", "FR"), Term("theme", "mobility"));
    }

    private Task<string> PublishAsync(string id, long sortKey, string text, params IndexTerm[] terms) =>
        States.WriteAsync(StateOf(id), Bytes("{}"), null, [Entry(id, sortKey, text, terms)]);
}
