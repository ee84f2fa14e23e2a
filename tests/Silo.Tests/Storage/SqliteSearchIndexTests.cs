using System.Text;
using Collaboration.Grains.Indexing;
using Collaboration.Grains.Storage;
using Collaboration.Silo.Storage;
using Collaboration.Silo.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Collaboration.Silo.Tests.Storage;

/// <summary>
/// The SQLite store's indexes held in memory: every answer they give is the one SQLite gives on its own file (its
/// queries run directly on a connection of the test), through writes, rewrites, withdrawals, ties and cursors, and
/// after a restart that fills them again from the file.
/// </summary>
public sealed class SqliteSearchIndexTests : IAsyncLifetime
{
    private static readonly string[] Vocabulary =
    [
        "migration", "migrants", "migratory", "integration", "inclusion", "library", "ciudad", "kelmė", "Laragne-Montéglin",
        "local", "partnership", "youth", "mentoring", "e-mail", "tourism", "water", "bridge", "school", "Zürich", "ÉCOLE",
    ];

    private static readonly string[] Searches =
    [
        "migration", "migr*", "mi*", "kelme", "KELMĖ", "\"local partnership\"", "local partnership", "integration OR inclusion",
        "integration OR inclusion youth", "youth -tourism", "laragne-monteglin", "\"partnership local\"", "e-mail", "zurich",
        "ecole", "unknownword", "migr* -water", "\"local part*\"", "school OR unknownword", "bridge water school",
    ];

    private static readonly IndexTerm[][] TermChoices =
    [
        [], [new("country", "IT")], [new("theme", "t1")], [new("country", "LT"), new("theme", "t2")],
        [new("theme", "t0"), new("theme", "t3")], [new("country", "nowhere")], [new("kind", "question"), new("country", "IT"), new("theme", "t1")],
    ];

    // More words of one prefix than the memory index walks list by list, so that `wave*` is checked word by word.
    private static readonly string[] Waves = [.. Enumerable.Range(0, 90).Select(i => $"wave{i}")];

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "collaboration-tests", Guid.NewGuid().ToString("N"));
    private readonly Dictionary<string, string> _etags = [];
    private SqliteStorage _storage = null!;

    public async Task InitializeAsync() => _storage = await OpenAsync();

    public async Task DisposeAsync()
    {
        await _storage.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public async Task EveryQueryAnsweredFromMemoryGivesTheIdsAndPayloadsSqliteGivesOnItsFile()
    {
        var random = new Random(7);
        for (var i = 0; i < 300; i++)
        {
            await WriteAsync(random, $"d{i:D3}", sortKey: random.Next(0, 120));
        }

        await AssertSameAsSqliteAsync(random);
    }

    [Fact]
    public async Task RandomPrefixesPhrasesWithRepeatedWordsOrGroupsAndExclusionsGetSqlitesPagesAndCountsInBothOrders()
    {
        var random = new Random(19);
        for (var i = 0; i < 400; i++)
        {
            await WriteAsync(random, $"d{i:D3}", sortKey: random.Next(0, 150), RandomText(random));
        }

        using var connection = OpenConnection();
        var queries = 0;
        for (var q = 0; q < 400; q++)
        {
            var query = new IndexQuery("exchanges")
            {
                Terms = TermChoices[random.Next(TermChoices.Length)],
                Text = RandomSearch(random),
                Descending = random.Next(2) == 0,
                Limit = random.Next(1, 12),
            };
            queries += await AssertPagesAndCountAsSqliteAsync(connection, query);
        }

        Assert.True(queries > 400, $"{queries} queries compared");
    }

    [Fact]
    public async Task IntersectionsOfDenseListsAskedByBitsAndSparseListsWalkedGetSqlitesPagesAndCounts()
    {
        // 640 documents: a list of at least 20 (one in 32) keeps its slots as bits and is asked, a shorter one is walked.
        // Words with one share each, so that every mix leads: two sparse, sparse with dense, dense with dense.
        var shares = new (string Word, int OneIn)[] { ("common", 2), ("frequent", 3), ("usual", 9), ("uncommon", 50), ("scarce", 64), ("odd", 90) };
        var random = new Random(23);
        for (var i = 0; i < 640; i++)
        {
            var words = shares.Where(s => random.Next(s.OneIn) == 0).Select(s => s.Word).DefaultIfEmpty("filler");
            await WriteAsync(random, $"d{i:D3}", sortKey: random.Next(0, 200), words);
        }

        // Some documents withdrawn and some rewritten, so that the bits follow removals too.
        for (var i = 0; i < 640; i += 7)
        {
            await WriteAsync(random, $"d{i:D3}", sortKey: random.Next(0, 200), [shares[random.Next(shares.Length)].Word, "filler"]);
        }

        using var connection = OpenConnection();
        string[] searches =
        [
            "uncommon scarce", "uncommon common", "common uncommon", "common frequent", "common frequent usual", "scarce usual common",
            "odd common frequent", "uncommon OR scarce common", "common -frequent", "frequent usual -common",
        ];
        var queries = 0;
        foreach (var text in searches)
        {
            foreach (var terms in TermChoices)
            {
                foreach (var descending in new[] { true, false })
                {
                    var query = new IndexQuery("exchanges") { Terms = terms, Text = text, Descending = descending, Limit = random.Next(1, 8) };
                    queries += await AssertPagesAndCountAsSqliteAsync(connection, query);
                }
            }
        }

        Assert.True(queries > searches.Length * TermChoices.Length * 2, $"{queries} queries compared");
    }

    [Fact]
    public async Task RewritesWithdrawalsAndClearsReachTheMemoryIndexesOnceCommitted()
    {
        var random = new Random(11);
        for (var i = 0; i < 200; i++)
        {
            await WriteAsync(random, $"d{i:D3}", sortKey: i / 3);
        }

        for (var i = 0; i < 200; i += 3)
        {
            // Same sort key with other words and terms; a new sort key; no entry at all; the state cleared.
            switch (i % 4)
            {
                case 0:
                    await WriteAsync(random, $"d{i:D3}", sortKey: i / 3);
                    break;
                case 1:
                    await WriteAsync(random, $"d{i:D3}", sortKey: random.Next(0, 100));
                    break;
                case 2:
                    _etags[$"d{i:D3}"] = await _storage.WriteAsync(StateOf($"d{i:D3}"), Bytes("withdrawn"), _etags[$"d{i:D3}"], []);
                    break;
                default:
                    await _storage.ClearAsync(StateOf($"d{i:D3}"), _etags[$"d{i:D3}"]);
                    _etags.Remove($"d{i:D3}");
                    break;
            }
        }

        await AssertSameAsSqliteAsync(random);
        Assert.Equal(
            ["d002"],
            (await _storage.QueryAsync(new IndexQuery("exchanges") { Text = "rewritten", Terms = [new IndexTerm("country", "XX")] })).Items
                .Select(h => h.DocumentId).Where(id => id == "d002"));
    }

    [Fact]
    public async Task DocumentsWithTheSameSortKeyArePagedByTheirIdsWithoutLossOrRepeat()
    {
        foreach (var id in new[] { "b", "a", "c", "ab", "B", "a\uE000", "a\U0001F600" })
        {
            await WriteTextAsync(id, sortKey: 5, "tie");
        }

        foreach (var descending in new[] { true, false })
        {
            var walked = new List<string>();
            IndexCursor? after = null;
            do
            {
                var page = await _storage.QueryAsync(new IndexQuery("exchanges") { Text = "tie", Limit = 2, After = after, Descending = descending });
                walked.AddRange(page.Items.Select(h => h.DocumentId));
                after = page.Next;
            }
            while (after is not null);

            using var connection = OpenConnection();
            var all = SqliteIndexQueries.Query(connection, new IndexQuery("exchanges") { Text = "tie", Limit = 100, Descending = descending });
            Assert.Equal(all.Items.Select(h => h.DocumentId), walked);
            Assert.Equal(7, walked.Distinct().Count());
        }
    }

    [Fact]
    public async Task AfterARestartTheIndexesAreFilledFromTheFileAndAnswerAsBefore()
    {
        var random = new Random(3);
        for (var i = 0; i < 150; i++)
        {
            await WriteAsync(random, $"d{i:D3}", sortKey: random.Next(0, 60));
        }

        // A document rewritten with the same sort key keeps its row: its old words must not come back with the fill.
        await WriteTextAsync("d000", sortKey: 1000, "before rewrite");
        await WriteTextAsync("d000", sortKey: 1000, "after change");
        await _storage.DisposeAsync();

        _storage = await OpenAsync();

        Assert.True(_storage.SearchIndexes.IsReady);
        Assert.Empty((await _storage.QueryAsync(new IndexQuery("exchanges") { Text = "before rewrite" })).Items);
        Assert.Equal(["d000"], (await _storage.QueryAsync(new IndexQuery("exchanges") { Text = "\"after change\"" })).Items.Select(h => h.DocumentId));
        await AssertSameAsSqliteAsync(random);

        // And it keeps following the commits after the fill.
        await WriteTextAsync("late", sortKey: 1, "arrived late");
        Assert.Equal(["late"], (await _storage.QueryAsync(new IndexQuery("exchanges") { Text = "arrived" })).Items.Select(h => h.DocumentId));
    }

    [Fact]
    public async Task OpeningAStoreTellsItsLogThatListsAreAnsweredFromMemoryAndThatWritesWentOnDuringTheFill()
    {
        await WriteTextAsync("one", sortKey: 1, "filled at open");
        await _storage.DisposeAsync();
        var log = new RecordingLogger();

        _storage = new SqliteStorage(new SqliteStorageOptions { DataPath = _folder, CachedQueriesPerIndex = 0 }, logger: log);
        await _storage.CheckAsync();
        // The line is written by the fill right after it is done, which may be after Filled has completed.
        var line = await log.FirstLine.WaitAsync(TimeSpan.FromMinutes(1));

        Assert.Single(log.Lines);
        Assert.Equal(LogLevel.Information, line.Level);
        Assert.Contains("answered from memory", line.Message, StringComparison.Ordinal);
        Assert.Contains("writes went on meanwhile", line.Message, StringComparison.Ordinal);
        Assert.Null(_storage.SearchIndexes.Failure);
    }

    [Fact]
    public async Task WritesCommittedWhileTheIndexesFillAreAcknowledgedAtOnceAndFoundInMemoryOnceFilled()
    {
        await WriteTextAsync("kept", sortKey: 1, "alpha unchanged");
        await WriteTextAsync("rewritten", sortKey: 2, "bravo before");
        await WriteTextAsync("cleared", sortKey: 3, "charlie gone");
        using var resume = await ReopenWithTheFillHeldAfterItsSnapshotAsync();

        // The fill holds its snapshot and waits: each write must still be acknowledged (the timeout only ends a hang).
        await WriteTextAsync("rewritten", sortKey: 2, "bravo after").WaitAsync(TimeSpan.FromMinutes(1));
        await WriteTextAsync("added", sortKey: 4, "delta new").WaitAsync(TimeSpan.FromMinutes(1));
        await _storage.ClearAsync(StateOf("cleared"), _etags["cleared"]).WaitAsync(TimeSpan.FromMinutes(1));
        Assert.False(_storage.SearchIndexes.IsReady);
        // Meanwhile SQLite answers, with the writes already in.
        Assert.Equal(["added"], (await _storage.QueryAsync(new IndexQuery("exchanges") { Text = "delta" })).Items.Select(h => h.DocumentId));

        resume.Set();
        await _storage.SearchIndexes.Filled;
        Assert.True(_storage.SearchIndexes.IsReady);
        EmptySqlitesTextIndex();

        Assert.Equal(["kept"], await FoundAsync("alpha"));
        Assert.Equal(["rewritten"], await FoundAsync("\"bravo after\""));
        Assert.Empty(await FoundAsync("before"));
        Assert.Empty(await FoundAsync("charlie"));
        Assert.Equal(["added"], await FoundAsync("delta"));
        Assert.Equal(["added", "rewritten", "kept"], (await _storage.QueryAsync(new IndexQuery("exchanges"))).Items.Select(h => h.DocumentId));
    }

    [Fact]
    public async Task ClosingAStoreWhileItsIndexesFillStopsTheFillAndLosesNoWrite()
    {
        await WriteTextAsync("one", sortKey: 1, "before closing");
        using var resume = await ReopenWithTheFillHeldAfterItsSnapshotAsync();
        await WriteTextAsync("two", sortKey: 2, "written during the fill");

        var closed = _storage;
        var closing = closed.DisposeAsync().AsTask();
        resume.Set();
        await closing.WaitAsync(TimeSpan.FromMinutes(1));
        Assert.False(closed.SearchIndexes.IsReady);
        Assert.IsAssignableFrom<OperationCanceledException>(closed.SearchIndexes.Failure);

        _storage = await OpenAsync();
        Assert.True(_storage.SearchIndexes.IsReady);
        Assert.Equal(["two", "one"], (await _storage.QueryAsync(new IndexQuery("exchanges"))).Items.Select(h => h.DocumentId));
    }

    [Fact]
    public async Task AQueryTheMemoryIndexesAnswerDoesNotReachSqlitesTextIndex()
    {
        await WriteTextAsync("one", sortKey: 1, "only in memory");
        // Emptied behind the store's back, FTS5 would find nothing: the answer must come from memory.
        using (var connection = OpenConnection(readOnly: false))
        {
            using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM index_text;";
            command.ExecuteNonQuery();
        }

        Assert.Equal(["one"], (await _storage.QueryAsync(new IndexQuery("exchanges") { Text = "memory" })).Items.Select(h => h.DocumentId));
        Assert.Equal(1, await _storage.CountAsync(new IndexQuery("exchanges") { Text = "only" }));
    }

    [Fact]
    public async Task PayloadsComeFromMemoryAsCommittedAndAreFilledFromTheFileAfterARestart()
    {
        const string Lithuanian = "{\"title\":\"Kelmė – „bendruomenė“ 🇪🇺 \\u00e9\"}";
        await WriteEntryAsync(new IndexEntry("exchanges", "lt") { SortKey = 2, Text = "bendruomene", Payload = Lithuanian });
        await WriteEntryAsync(new IndexEntry("exchanges", "none") { SortKey = 1, Text = "bendruomene" });
        var query = new IndexQuery("exchanges") { Text = "bendruomene" };
        Assert.Equal([Lithuanian, null], (await _storage.QueryAsync(query)).Items.Select(h => h.Payload));

        // Changed behind the store's back, the file no longer holds what was committed: the answer does not read it.
        using (var connection = OpenConnection(readOnly: false))
        {
            using var command = connection.CreateCommand();
            command.CommandText = "UPDATE index_doc SET payload = 'changed on disk: Kelmė – „žodis“ 🇪🇺' WHERE doc_id = 'lt';";
            Assert.Equal(1, command.ExecuteNonQuery());
        }

        Assert.Equal([Lithuanian, null], (await _storage.QueryAsync(query)).Items.Select(h => h.Payload));
        Assert.Equal([Lithuanian], (await _storage.QueryAsync(new IndexQuery("exchanges") { Limit = 1 })).Items.Select(h => h.Payload));

        // The fill at open reads what the file holds.
        await _storage.DisposeAsync();
        _storage = await OpenAsync();
        Assert.True(_storage.SearchIndexes.IsReady);
        Assert.Equal(["changed on disk: Kelmė – „žodis“ 🇪🇺", null], (await _storage.QueryAsync(query)).Items.Select(h => h.Payload));
    }

    private async Task AssertSameAsSqliteAsync(Random random)
    {
        Assert.True(_storage.SearchIndexes.IsReady);
        using var connection = OpenConnection();
        var queries = 0;
        foreach (var terms in TermChoices)
        {
            foreach (var text in Searches.Prepend(null))
            {
                foreach (var descending in new[] { true, false })
                {
                    var query = new IndexQuery("exchanges") { Terms = terms, Text = text, Descending = descending, Limit = random.Next(1, 8) };
                    queries += await AssertPagesAndCountAsSqliteAsync(connection, query);
                }
            }
        }

        Assert.True(queries > 300, $"{queries} queries compared");
    }

    /// <summary>Pages through the query to the end, comparing each page and cursor with SQLite's, then its count; the pages asked.</summary>
    private async Task<int> AssertPagesAndCountAsSqliteAsync(SqliteConnection connection, IndexQuery query)
    {
        var pages = 0;
        for (var page = 0; page < 100; page++)
        {
            var memory = _storage.SearchIndexes.TryQuery(query, query.Limit + 1);
            Assert.NotNull(memory);
            var ours = await _storage.QueryAsync(query);
            var sqlite = SqliteIndexQueries.Query(connection, query);
            Assert.True(Describe(sqlite) == Describe(ours), $"{query.Text} ({(query.Descending ? "descending" : "ascending")}, after {query.After}): SQLite {Describe(sqlite)}, memory {Describe(ours)}");
            pages++;
            if (sqlite.Next is null)
            {
                break;
            }

            query = query with { After = sqlite.Next };
        }

        var counted = query with { After = null };
        Assert.Equal(SqliteIndexQueries.Count(connection, counted), await _storage.CountAsync(counted));
        return pages;
    }

    // Words of a skewed vocabulary, often repeated side by side, with now and then one of the many `wave` words.
    private static List<string> RandomText(Random random)
    {
        var words = new List<string>();
        var length = random.Next(1, 12);
        while (words.Count < length)
        {
            var word = random.Next(6) == 0 ? Waves[random.Next(Waves.Length)] : Vocabulary[(int)(Math.Pow(random.NextDouble(), 2) * Vocabulary.Length)];
            words.Add(word);
            if (random.Next(5) == 0)
            {
                words.Add(word);
            }
        }

        return words;
    }

    // One to three groups, each a word, a prefix or a phrase of two or three words (repeated words among them), or two
    // or three of those joined by OR; sometimes one or two excluded ones.
    private static string RandomSearch(Random random)
    {
        string Word()
        {
            var word = random.Next(5) == 0 ? Waves[random.Next(Waves.Length)] : Vocabulary[random.Next(Vocabulary.Length)];
            var letters = new string([.. word.TakeWhile(char.IsLetterOrDigit)]);
            return random.Next(4) == 0 ? letters[..Math.Min(letters.Length, random.Next(1, 5))] + "*" : letters;
        }

        string Part()
        {
            if (random.Next(3) != 0)
            {
                return Word();
            }

            var words = new List<string> { Word() };
            for (var i = random.Next(1, 3); i > 0; i--)
            {
                words.Add(random.Next(3) == 0 ? words[^1].TrimEnd('*') : Word());
            }

            var last = words[^1].EndsWith('*') ? "*" : "";
            return $"\"{string.Join(' ', words.Select(w => w.TrimEnd('*')))}\"{last}";
        }

        var groups = Enumerable.Range(0, random.Next(1, 4))
            .Select(_ => random.Next(3) == 0 ? string.Join(" OR ", Enumerable.Range(0, random.Next(2, 4)).Select(_ => Part())) : Part());
        var exclusions = Enumerable.Range(0, random.Next(4) == 0 ? random.Next(1, 3) : 0).Select(_ => "-" + Part());
        return string.Join(' ', groups.Concat(exclusions));
    }

    private static string Describe(IndexPage page) =>
        string.Join(" | ", page.Items.Select(h => $"{h.DocumentId}@{h.SortKey}:{h.Payload}")) + $" next {page.Next}";

    private async Task WriteAsync(Random random, string id, long sortKey, IEnumerable<string>? text = null)
    {
        var words = text ?? Enumerable.Range(0, random.Next(1, 9)).Select(_ => Vocabulary[random.Next(Vocabulary.Length)]).ToList();
        var terms = new List<IndexTerm>
        {
            new("country", random.Next(3) switch { 0 => "IT", 1 => "LT", _ => "FR" }),
            new("kind", random.Next(2) == 0 ? "question" : "offer"),
            new("theme", $"t{random.Next(4)}"),
            new("theme", $"t{random.Next(4)}"),
        };
        if (id == "d002")
        {
            terms.Add(new IndexTerm("country", "XX"));
            words = words.Append("rewritten");
        }

        await WriteEntryAsync(new IndexEntry("exchanges", id)
        {
            SortKey = sortKey,
            Terms = terms,
            Text = string.Join(random.Next(2) == 0 ? ' ' : '\n', words),
            Payload = $"{{\"id\":\"{id}\",\"n\":{random.Next()}}}",
        });
    }

    private Task WriteTextAsync(string id, long sortKey, string text) =>
        WriteEntryAsync(new IndexEntry("exchanges", id) { SortKey = sortKey, Text = text, Payload = id });

    private async Task WriteEntryAsync(IndexEntry entry)
    {
        var etag = _etags.GetValueOrDefault(entry.DocumentId);
        _etags[entry.DocumentId] = await _storage.WriteAsync(StateOf(entry.DocumentId), Bytes(entry.DocumentId), etag, [entry]);
    }

    private async Task<SqliteStorage> OpenAsync()
    {
        var storage = new SqliteStorage(new SqliteStorageOptions { DataPath = _folder, CachedQueriesPerIndex = 0 });
        await storage.CheckAsync();
        await storage.SearchIndexes.Filled;
        return storage;
    }

    private SqliteConnection OpenConnection(bool readOnly = true)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = _storage.DatabasePath,
            Mode = readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWrite,
            Pooling = false,
        }.ToString());
        connection.Open();
        return connection;
    }

    /// <summary>Closes the store and opens it again with its fill held once its snapshot is taken, until the returned event is set.</summary>
    private async Task<ManualResetEventSlim> ReopenWithTheFillHeldAfterItsSnapshotAsync()
    {
        await _storage.DisposeAsync();
        var snapshotTaken = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var resume = new ManualResetEventSlim();
        _storage = new SqliteStorage(new SqliteStorageOptions { DataPath = _folder, CachedQueriesPerIndex = 0 })
        {
            WhileFilling = () =>
            {
                snapshotTaken.SetResult();
                resume.Wait();
            },
        };
        await _storage.CheckAsync();
        await snapshotTaken.Task.WaitAsync(TimeSpan.FromMinutes(1));
        return resume;
    }

    private async Task<IEnumerable<string>> FoundAsync(string text) =>
        (await _storage.QueryAsync(new IndexQuery("exchanges") { Text = text })).Items.Select(h => h.DocumentId);

    // Emptied behind the store's back, FTS5 would find nothing: what is found comes from memory.
    private void EmptySqlitesTextIndex()
    {
        using var connection = OpenConnection(readOnly: false);
        using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM index_text;";
        command.ExecuteNonQuery();
    }

    private static GrainStateId StateOf(string key) => new("exchange", key, "state");

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    private sealed class RecordingLogger : ILogger<SqliteStorage>
    {
        private readonly TaskCompletionSource<(LogLevel Level, string Message)> _firstLine = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public List<(LogLevel Level, string Message)> Lines { get; } = [];

        public Task<(LogLevel Level, string Message)> FirstLine => _firstLine.Task;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (Lines)
            {
                Lines.Add((logLevel, formatter(state, exception)));
                _firstLine.TrySetResult(Lines[0]);
            }
        }
    }
}
