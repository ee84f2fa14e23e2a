using System.Diagnostics;
using Collaboration.Grains.Errors;
using Collaboration.Grains.Indexing;
using Collaboration.Grains.Storage;
using Collaboration.Silo.Storage;
using Collaboration.Silo.Storage.Memory;
using Collaboration.Silo.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Storage;

namespace Collaboration.Silo.Tests.Storage;

/// <summary>The storage contract on a real SQLite file, each test in a folder of its own, plus what only SQLite does.</summary>
public sealed class SqliteStorageTests : StorageContractTests
{
    // Generous: these only bound a wait for a signal that normally comes in milliseconds.
    private static readonly TimeSpan SignalTimeout = TimeSpan.FromSeconds(30);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "collaboration-tests", Guid.NewGuid().ToString("N"));
    private readonly List<SqliteStorage> _opened = [];

    // The schema of a version 1 file, as the first release created it.
    private const string Version1Schema = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE schema_version (version INTEGER NOT NULL);
        CREATE TABLE counter (name TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
        CREATE TABLE grain_state (
            grain_type TEXT NOT NULL, grain_key TEXT NOT NULL, state_name TEXT NOT NULL, etag TEXT NOT NULL, data BLOB NOT NULL,
            PRIMARY KEY (grain_type, grain_key, state_name));
        CREATE TABLE index_doc (
            id INTEGER PRIMARY KEY, index_name TEXT NOT NULL, doc_id TEXT NOT NULL, sort_key INTEGER NOT NULL, payload TEXT,
            owner_type TEXT NOT NULL, owner_key TEXT NOT NULL, owner_state TEXT NOT NULL);
        CREATE UNIQUE INDEX index_doc_by_id ON index_doc (index_name, doc_id);
        CREATE UNIQUE INDEX index_doc_by_order ON index_doc (index_name, sort_key, doc_id);
        CREATE INDEX index_doc_by_owner ON index_doc (owner_type, owner_key, owner_state);
        CREATE TABLE index_term (
            index_name TEXT NOT NULL, field TEXT NOT NULL, value TEXT NOT NULL, sort_key INTEGER NOT NULL, doc_id TEXT NOT NULL,
            doc INTEGER NOT NULL, PRIMARY KEY (index_name, field, value, sort_key, doc_id)) WITHOUT ROWID;
        CREATE INDEX index_term_by_doc ON index_term (doc);
        CREATE VIRTUAL TABLE index_text USING fts5(
            text, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2');
        CREATE TABLE append_log (
            log TEXT NOT NULL, seq INTEGER NOT NULL, at_ticks INTEGER NOT NULL, at_offset_minutes INTEGER NOT NULL,
            payload TEXT NOT NULL, PRIMARY KEY (log, seq)) WITHOUT ROWID;
        """;

    private SqliteStorage Sqlite => _opened[0];

    protected override object CreateStorage() => Open();

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
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
    public async Task StatesIndexEntriesAndLogsSurviveDisposingAndReopeningTheStorage()
    {
        var etag = await Sqlite.WriteAsync(StateOf("kelme"), Bytes("kept"), null, [Entry("kelme", 5, "Kelmė", Term("country", "LT"))]);
        await Sqlite.AppendAsync("activity", 1, DateTimeOffset.UnixEpoch, "signed");
        await Sqlite.DisposeAsync();

        var reopened = Open();

        var record = await reopened.ReadAsync(StateOf("kelme"));
        Assert.Equal(("kept", etag), (Text(record!.Data), record.ETag));
        Assert.Equal(["kelme"], (await reopened.QueryAsync(new IndexQuery("exchanges") { Text = "kelme", Terms = [Term("country", "LT")] })).Items.Select(h => h.DocumentId));
        Assert.Equal(1, await reopened.GetLastSequenceAsync("activity"));
        // ETags keep growing across restarts: a new one never repeats one handed out before.
        Assert.NotEqual(etag, await reopened.WriteAsync(StateOf("kelme"), Bytes("next"), etag, []));
    }

    [Fact]
    public async Task CommittedPagesReachTheDatabaseFileThroughTheCheckpointerNotInTheCommit()
    {
        await Sqlite.WriteAsync(StateOf("seed"), Bytes("seed"), null, []);
        await Sqlite.Checkpointer.NextCheckpointAsync();
        var databaseFile = new FileInfo(Sqlite.DatabasePath);
        var before = databaseFile.Length;

        var large = new byte[5_000_000];
        Random.Shared.NextBytes(large);
        await Sqlite.WriteAsync(StateOf("large"), large, null, []);
        databaseFile.Refresh();
        var afterCommit = databaseFile.Length;
        await Sqlite.Checkpointer.NextCheckpointAsync();
        databaseFile.Refresh();

        // The commit is durable in the WAL alone; the checkpointer then copies it into the file.
        Assert.Equal(before, afterCommit);
        // Most of it at least: free pages left by the schema's creation may take some of it.
        Assert.True(databaseFile.Length - before >= large.Length * 9 / 10, $"{before} bytes before, {databaseFile.Length} after the checkpoint");
        Assert.Equal(large, (await Sqlite.ReadAsync(StateOf("large")))!.Data);
    }

    [Fact]
    public async Task UnderWritesThatNeverPauseTheWalStartsOverInsteadOfGrowing()
    {
        // 64 writers that never pause: the checkpointer copies beside the writer, which must still find moments
        // to start the WAL over, or the WAL would hold every page ever written.
        const int Writers = 64;
        const int WritesEach = 100;
        var payload = new byte[20_000];
        Random.Shared.NextBytes(payload);
        await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < WritesEach; i++)
            {
                await Sqlite.WriteAsync(StateOf($"w{w}-{i}"), payload, null, []);
            }
        })));

        // The pages of the payloads alone, leaving out every index and header page.
        var framesWritten = (long)Writers * WritesEach * payload.Length / 4096;
        using var connection = OpenRawConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        var framesInWal = reader.GetInt64(1);
        Assert.True(framesInWal < framesWritten / 2, $"{framesInWal} frames in the WAL after {framesWritten} frames of payload");
        Assert.Equal(payload, (await Sqlite.ReadAsync(StateOf("w63-99")))!.Data);
    }

    [Fact]
    public async Task AWriteOnlyInTheWalIsReadBackAfterReopening()
    {
        var large = new byte[500_000];
        Random.Shared.NextBytes(large);
        await Sqlite.WriteAsync(StateOf("in-the-wal"), large, null, []);
        await Sqlite.DisposeAsync();

        var reopened = Open();

        Assert.Equal(large, (await reopened.ReadAsync(StateOf("in-the-wal")))!.Data);
    }

    [Fact]
    public async Task TheDataFolderAndSchemaAreCreatedOnFirstUseAndKeptWhenReopened()
    {
        Assert.False(File.Exists(Sqlite.DatabasePath));

        await Sqlite.CheckAsync();
        await Sqlite.DisposeAsync();
        await Open().CheckAsync();

        using var connection = OpenRawConnection();
        Assert.Equal(1L, Scalar(connection, "SELECT count(*) FROM schema_version;"));
        Assert.Equal(3L, Scalar(connection, "SELECT version FROM schema_version;"));
        Assert.Equal("wal", Scalar(connection, "PRAGMA journal_mode;"));
    }

    [Fact]
    public async Task ANewFileIndexesTextsWithoutPrefixIndexesAndSqliteStillFindsWordsByTheirBeginning()
    {
        // More words of one beginning than are spelled out, so that FTS5 itself must match the prefix.
        var many = string.Join(' ', Enumerable.Range(0, 70).Select(i => $"wa{i}"));
        await Sqlite.WriteAsync(StateOf("s"), Bytes("{}"), null, [Entry("many", 1, many), Entry("water", 2, "Water for Bled"), Entry("other", 3, "Solar energy")]);

        using var connection = OpenRawConnection();
        Assert.DoesNotContain("prefix", (string)Scalar(connection, "SELECT sql FROM sqlite_master WHERE name = 'index_text';")!, StringComparison.OrdinalIgnoreCase);
        // What SQLite answers until the memory indexes are filled.
        Assert.Equal(["water", "many"], SqliteIndexQueries.Query(connection, new IndexQuery("exchanges") { Text = "wa*" }).Items.Select(h => h.DocumentId));
        Assert.Equal(["water", "many"], SqliteIndexQueries.Query(connection, new IndexQuery("exchanges") { Text = "w*" }).Items.Select(h => h.DocumentId));
        Assert.Equal(["other"], SqliteIndexQueries.Query(connection, new IndexQuery("exchanges") { Text = "so*" }).Items.Select(h => h.DocumentId));
        Assert.Equal(2L, SqliteIndexQueries.Count(connection, new IndexQuery("exchanges") { Text = "wa*" }));
    }

    [Fact]
    public void ReadConnectionsGetThePageCacheTheOptionsNameAndTheWriterKeepsItsOwn()
    {
        var connections = new SqliteConnections(new SqliteStorageOptions { DataPath = _folder, ReadConnectionCacheKiB = 4096 });
        Directory.CreateDirectory(_folder);

        using var reader = connections.Open(readOnly: true);
        using var writer = connections.Open(readOnly: false);

        Assert.Equal(-4096L, Scalar(reader, "PRAGMA cache_size;"));
        Assert.Equal(-16384L, Scalar(writer, "PRAGMA cache_size;"));
        Assert.Equal(2 * 1024, new SqliteStorageOptions().ReadConnectionCacheKiB);
        Assert.Equal(2 * 1024, new Collaboration.Silo.Hosting.StorageOptions().ReadConnectionCacheKiB);
    }

    [Fact]
    public async Task ManyConcurrentWritesToDifferentGrainsAllSucceedInFarFewerCommitsThanWrites()
    {
        const int writes = 1000;
        await Sqlite.CheckAsync();
        var batchesBefore = Sqlite.CommittedBatches;
        using var gate = new CommitGate(Sqlite);

        // The first write holds its commit open, so that the other writes are all queued behind it.
        var first = Sqlite.WriteAsync(StateOf("grain-0"), Bytes("0"), null, []);
        Assert.True(gate.Reached.Wait(SignalTimeout));
        using var enqueued = new CountdownEvent(writes - 1);
        var others = Enumerable.Range(1, writes - 1)
            .Select(i => Task.Run(() =>
            {
                // WriteAsync returns once its write is queued.
                var write = Sqlite.WriteAsync(StateOf($"grain-{i}"), Bytes($"{i}"), null, [Entry($"doc-{i}", i, $"exchange number {i}")]);
                enqueued.Signal();
                return write;
            }))
            .ToList();
        Assert.True(enqueued.Wait(SignalTimeout));
        gate.Open();

        var etags = await Task.WhenAll(others.Prepend(first));

        Assert.Equal(writes, etags.Distinct().Count());
        var batches = Sqlite.CommittedBatches - batchesBefore;
        Assert.InRange(batches, 2, 1 + (((writes - 1) + 511) / 512));
        Assert.Equal("999", Text((await Sqlite.ReadAsync(StateOf("grain-999")))!.Data));
        Assert.Equal(writes - 1, await Sqlite.CountAsync(new IndexQuery("exchanges") { Text = "exchange" }));
    }

    [Fact]
    public async Task StatesAppendedWithTheirRecordsTakeOneCommitBetweenThem()
    {
        await Sqlite.CheckAsync();
        var batchesBefore = Sqlite.CommittedBatches;

        await Sqlite.AppendWithStatesAsync("activity", 1,
        [
            new LogAppend(DateTimeOffset.UnixEpoch, seq => $"canepina ({seq})", StateWrite("canepina", "{}", null, Entry("canepina", 1))),
            new LogAppend(DateTimeOffset.UnixEpoch, seq => $"gallese ({seq})", StateWrite("gallese", "{}", null, Entry("gallese", 2))),
        ]);

        Assert.Equal(1, Sqlite.CommittedBatches - batchesBefore);
    }

    [Fact]
    public async Task StatesAppendedAtATakenSequenceNumberAreNotWrittenEither()
    {
        await Sqlite.AppendAsync("activity", 2, DateTimeOffset.UnixEpoch, "taken");

        await Assert.ThrowsAsync<InconsistentStateException>(() => Sqlite.AppendWithStatesAsync("activity", 1,
        [
            new LogAppend(DateTimeOffset.UnixEpoch, seq => $"canepina ({seq})", StateWrite("canepina", "{}", null, Entry("canepina", 1))),
            new LogAppend(DateTimeOffset.UnixEpoch, seq => $"gallese ({seq})", StateWrite("gallese", "{}", null, Entry("gallese", 2))),
        ]));

        Assert.Null(await Sqlite.ReadAsync(StateOf("canepina")));
        Assert.Null(await Sqlite.ReadAsync(StateOf("gallese")));
        Assert.Equal(0, await Sqlite.CountAsync(new IndexQuery("exchanges")));
        Assert.Equal(["taken"], (await Sqlite.ReadAsync("activity", 0, 10)).Select(r => r.Payload));
    }

    [Fact]
    public async Task AWriteWithAStaleETagFailsAloneAndTheRestOfItsBatchCommits()
    {
        var stale = await Sqlite.WriteAsync(StateOf("canepina"), Bytes("v1"), null, []);
        var current = await Sqlite.WriteAsync(StateOf("canepina"), Bytes("v2"), stale, []);
        var batchesBefore = Sqlite.CommittedBatches;
        using var gate = new CommitGate(Sqlite);

        var blocker = Sqlite.WriteAsync(StateOf("blocker"), Bytes("{}"), null, []);
        Assert.True(gate.Reached.Wait(SignalTimeout));
        var before = Sqlite.WriteAsync(StateOf("gallese"), Bytes("{}"), null, [Entry("gallese", 1)]);
        var refused = Sqlite.WriteAsync(StateOf("canepina"), Bytes("lost"), stale, [Entry("canepina", 2)]);
        var duplicate = Sqlite.AppendAsync("activity", 1, DateTimeOffset.UnixEpoch, "first");
        var taken = Sqlite.AppendAsync("activity", 1, DateTimeOffset.UnixEpoch, "second");
        var after = Sqlite.WriteAsync(StateOf("kelme"), Bytes("{}"), null, [Entry("kelme", 3)]);
        gate.Open();

        await blocker;
        await before;
        await duplicate;
        await after;
        await Assert.ThrowsAsync<InconsistentStateException>(() => refused);
        await Assert.ThrowsAsync<InconsistentStateException>(() => taken);
        Assert.Equal(2, Sqlite.CommittedBatches - batchesBefore);
        var record = await Sqlite.ReadAsync(StateOf("canepina"));
        Assert.Equal(("v2", current), (Text(record!.Data), record.ETag));
        Assert.Equal(["kelme", "gallese"], await IdsAsync(new IndexQuery("exchanges")));
        Assert.Equal("first", Assert.Single(await Sqlite.ReadAsync("activity", 0, 10)).Payload);
    }

    [Fact]
    public async Task AnOperationRefusedInTheMiddleOfABatchLeavesNoSearchableTextInTheFile()
    {
        await Sqlite.AppendAsync("activity", 2, DateTimeOffset.UnixEpoch, "taken");
        using var gate = new CommitGate(Sqlite);
        var blocker = Sqlite.WriteAsync(StateOf("blocker"), Bytes("{}"), null, []);
        Assert.True(gate.Reached.Wait(SignalTimeout));

        var before = Sqlite.WriteAsync(StateOf("gallese"), Bytes("{}"), null, [Entry("gallese", 1, "harbour before")]);
        // The state is written (with its text) before its log record finds its number taken: all of it is undone.
        var refused = Sqlite.AppendWithStatesAsync("activity", 2,
        [
            new LogAppend(DateTimeOffset.UnixEpoch, seq => $"canepina ({seq})", StateWrite("canepina", "{}", null, Entry("canepina", 2, "harbour phantom"))),
        ]);
        var after = Sqlite.WriteAsync(StateOf("kelme"), Bytes("{}"), null, [Entry("kelme", 3, "harbour after")]);
        gate.Open();

        await blocker;
        await before;
        await after;
        await Assert.ThrowsAsync<InconsistentStateException>(() => refused);
        using var connection = OpenRawConnection();
        Assert.Equal(0L, Scalar(connection, "SELECT count(*) FROM index_text WHERE index_text MATCH 'phantom';"));
        Assert.Equal(2L, Scalar(connection, "SELECT count(*) FROM index_text WHERE index_text MATCH 'harbour';"));
        Assert.Equal(
            ["kelme", "gallese"],
            SqliteIndexQueries.Query(connection, new IndexQuery("exchanges") { Text = "harbour" }).Items.Select(h => h.DocumentId));
        Assert.Empty(SqliteIndexQueries.Query(connection, new IndexQuery("exchanges") { Text = "phantom" }).Items);
    }

    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(1, 2, 3)]
    public async Task ADocumentRewrittenTwiceInOneBatchIsFoundInTheFileByItsLastTextOnly(long firstSortKey, long secondSortKey, long lastSortKey)
    {
        await Sqlite.WriteAsync(StateOf("earlier"), Bytes("{}"), null, [Entry("shared", firstSortKey, "committed zeroth")]);
        using var gate = new CommitGate(Sqlite);
        var blocker = Sqlite.WriteAsync(StateOf("blocker"), Bytes("{}"), null, []);
        Assert.True(gate.Reached.Wait(SignalTimeout));

        // Each state takes the document over from the one before, within one transaction; the same sort key keeps the rowid.
        var writes = new[]
        {
            Sqlite.WriteAsync(StateOf("first"), Bytes("{}"), null, [Entry("shared", firstSortKey, "written first")]),
            Sqlite.WriteAsync(StateOf("second"), Bytes("{}"), null, [Entry("shared", secondSortKey, "written second")]),
            Sqlite.WriteAsync(StateOf("last"), Bytes("{}"), null, [Entry("shared", lastSortKey, "written last")]),
        };
        gate.Open();
        await blocker;
        await Task.WhenAll(writes);

        using var connection = OpenRawConnection();
        var rowId = (long)Scalar(connection, "SELECT id FROM index_doc WHERE doc_id = 'shared';")!;
        foreach (var gone in new[] { "zeroth", "first", "second" })
        {
            Assert.Equal(0L, Scalar(connection, $"SELECT count(*) FROM index_text WHERE index_text MATCH '{gone}';"));
        }

        Assert.Equal(rowId, Scalar(connection, "SELECT rowid FROM index_text WHERE index_text MATCH 'last';"));
        Assert.Equal(1L, Scalar(connection, "SELECT count(*) FROM index_text WHERE index_text MATCH 'written';"));
        Assert.Equal(["shared"], SqliteIndexQueries.Query(connection, new IndexQuery("exchanges") { Text = "written last" }).Items.Select(h => h.DocumentId));
        Assert.Equal(["shared"], await IdsAsync(new IndexQuery("exchanges") { Text = "last" }));
        Assert.Empty(await IdsAsync(new IndexQuery("exchanges") { Text = "second" }));
    }

    [Fact]
    public async Task AWriteIsNotAcknowledgedNorVisibleBeforeItsCommit()
    {
        await Sqlite.CheckAsync();
        using var gate = new CommitGate(Sqlite);

        var write = Sqlite.WriteAsync(StateOf("novo-mesto"), Bytes("pending"), null, [Entry("novo-mesto", 1)]);
        Assert.True(gate.Reached.Wait(SignalTimeout));

        Assert.False(write.IsCompleted);
        Assert.Null(await Sqlite.ReadAsync(StateOf("novo-mesto")));
        Assert.Equal(0, await Sqlite.CountAsync(new IndexQuery("exchanges")));
        gate.Open();
        var etag = await write;
        Assert.Equal(etag, (await Sqlite.ReadAsync(StateOf("novo-mesto")))!.ETag);
        Assert.Equal(1, await Sqlite.CountAsync(new IndexQuery("exchanges")));
    }

    [Fact]
    public async Task ALockHeldByAnotherConnectionMakesWritesUnavailableInBoundedTimeAndTheyWorkAgainOnceItIsReleased()
    {
        await Sqlite.DisposeAsync();
        var storage = Open(TimeSpan.FromMilliseconds(100));
        await storage.WriteAsync(StateOf("gallese"), Bytes("before"), null, []);
        using var other = OpenRawConnection();
        Scalar(other, "BEGIN EXCLUSIVE;");

        var clock = Stopwatch.StartNew();
        await Assert.ThrowsAsync<StorageUnavailableException>(
            () => storage.WriteAsync(StateOf("herceg-novi"), Bytes("{}"), null, [Entry("herceg-novi", 1)]));
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(10));
        await Assert.ThrowsAsync<StorageUnavailableException>(() => storage.AppendAsync("activity", 1, DateTimeOffset.UnixEpoch, "x"));
        await Assert.ThrowsAsync<StorageUnavailableException>(() => storage.CheckAsync());
        Assert.Equal("before", Text((await storage.ReadAsync(StateOf("gallese")))!.Data));

        Scalar(other, "ROLLBACK;");

        await storage.CheckAsync();
        await storage.WriteAsync(StateOf("herceg-novi"), Bytes("{}"), null, [Entry("herceg-novi", 1)]);
        await storage.AppendAsync("activity", 1, DateTimeOffset.UnixEpoch, "x");
        Assert.Equal(1, await storage.CountAsync(new IndexQuery("exchanges")));
        Assert.Equal(1, await storage.GetLastSequenceAsync("activity"));
    }

    [Fact]
    public async Task DisposingCommitsTheWritesStillQueuedAndRefusesNewOnes()
    {
        await Sqlite.CheckAsync();
        using var gate = new CommitGate(Sqlite);
        var first = Sqlite.WriteAsync(StateOf("first"), Bytes("{}"), null, []);
        Assert.True(gate.Reached.Wait(SignalTimeout));
        var queued = Enumerable.Range(0, 10).Select(i => Sqlite.WriteAsync(StateOf($"queued-{i}"), Bytes("{}"), null, [])).ToList();

        var disposing = Sqlite.DisposeAsync().AsTask();
        await Assert.ThrowsAsync<ObjectDisposedException>(() => Sqlite.WriteAsync(StateOf("late"), Bytes("{}"), null, []));
        Assert.False(disposing.IsCompleted);
        gate.Open();
        await disposing;

        await first;
        await Task.WhenAll(queued);
        var reopened = Open();
        Assert.NotNull(await reopened.ReadAsync(StateOf("queued-9")));
        Assert.Null(await reopened.ReadAsync(StateOf("late")));
    }

    [Fact]
    public async Task AWriteCancelledBeforeTheWriterTakesItChangesNothing()
    {
        await Sqlite.CheckAsync();
        using var gate = new CommitGate(Sqlite);
        var blocker = Sqlite.WriteAsync(StateOf("blocker"), Bytes("{}"), null, []);
        Assert.True(gate.Reached.Wait(SignalTimeout));
        using var cancellation = new CancellationTokenSource();

        var cancelled = Sqlite.WriteAsync(StateOf("cancelled"), Bytes("{}"), null, [], cancellation.Token);
        cancellation.Cancel();
        gate.Open();

        await blocker;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        Assert.Null(await Sqlite.ReadAsync(StateOf("cancelled")));
    }

    [Fact]
    public async Task QueriesReadTheNarrowestSourceThroughIndexesWithoutScanningOrSortingEverything()
    {
        for (var i = 0; i < 50; i++)
        {
            await Sqlite.WriteAsync(
                StateOf($"s{i}"),
                Bytes("{}"),
                null,
                [Entry($"d{i}", i, $"exchange {(i == 7 ? "kelme" : "other")}", Term("country", i % 2 == 0 ? "IT" : "LT"), Term("theme", i == 7 ? "rare" : "common"))]);
        }

        using var connection = OpenRawConnection();
        var byTerm = SqliteIndexQueries.Explain(connection, new IndexQuery("exchanges") { Terms = [Term("country", "IT")], After = new IndexCursor(10, "d10") });
        var byRareTerm = SqliteIndexQueries.Explain(connection, new IndexQuery("exchanges") { Terms = [Term("country", "LT"), Term("theme", "rare")], Text = "exchange" });
        var byRareText = SqliteIndexQueries.Explain(connection, new IndexQuery("exchanges") { Terms = [Term("country", "LT")], Text = "kelme" });
        var all = SqliteIndexQueries.Explain(connection, new IndexQuery("exchanges"));

        Assert.Equal("source: Term", byTerm[0]);
        Assert.DoesNotContain(byTerm, line => line.Contains("TEMP B-TREE", StringComparison.Ordinal) || line.StartsWith("SCAN", StringComparison.Ordinal));
        Assert.Contains(byTerm, line => line.Contains("SEARCH t USING PRIMARY KEY", StringComparison.Ordinal));
        Assert.Equal("source: Term", byRareTerm[0]);
        Assert.Contains(byRareTerm, line => line.Contains("(index_name=? AND field=? AND value=?)", StringComparison.Ordinal));
        Assert.Equal("source: Text", byRareText[0]);
        Assert.DoesNotContain(all, line => line.Contains("TEMP B-TREE", StringComparison.Ordinal) || line.StartsWith("SCAN d", StringComparison.Ordinal) && !line.Contains("INDEX", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AVersion1FileIsMigratedAndAnswersWhatItAnsweredBefore()
    {
        Directory.CreateDirectory(_folder);
        using (var connection = OpenRawConnection())
        {
            Execute(connection, Version1Schema);
            Execute(connection, "INSERT INTO schema_version (version) VALUES (1);");
            // Rowids against the order of the index, as rewritten documents left them in version 1.
            string[] texts = ["Mentoring for young migrants", "Mentors and mentoring in the town", "Solar energy for the mairie", "Città mentorship"];
            for (var i = 0; i < texts.Length; i++)
            {
                var id = 10 - i;
                Execute(connection, $"INSERT INTO index_doc (id, index_name, doc_id, sort_key, payload, owner_type, owner_key, owner_state) VALUES ({id}, 'exchanges', 'd{i}', {i}, '{{}}', 'exchange', 'd{i}', 'state');");
                Execute(connection, $"INSERT INTO index_term (index_name, field, value, sort_key, doc_id, doc) VALUES ('exchanges', 'theme', 'youth', {i}, 'd{i}', {id});");
                Execute(connection, $"INSERT INTO index_text (rowid, text) VALUES ({id}, '{texts[i]}');");
                Execute(connection, $"INSERT INTO grain_state (grain_type, grain_key, state_name, etag, data) VALUES ('exchange', 'd{i}', 'state', '{i + 1}', x'7b7d');");
            }
        }

        var storage = Open();

        Assert.Equal(["d3", "d1", "d0"], (await storage.QueryAsync(new IndexQuery("exchanges") { Text = "mentor*" })).Items.Select(h => h.DocumentId));
        Assert.Equal(["d1", "d0"], (await storage.QueryAsync(new IndexQuery("exchanges") { Text = "mentoring", Terms = [Term("theme", "youth")] })).Items.Select(h => h.DocumentId));
        Assert.Equal(["d3"], (await storage.QueryAsync(new IndexQuery("exchanges") { Text = "citta MENT*" })).Items.Select(h => h.DocumentId));
        Assert.Equal(3, await storage.CountAsync(new IndexQuery("exchanges") { Text = "ment*" }));
        await storage.WriteAsync(StateOf("d4"), Bytes("{}"), null, [Entry("d4", 4, "Mentorat à la mairie", Term("theme", "youth"))]);
        Assert.Equal(["d4", "d3", "d1", "d0"], (await storage.QueryAsync(new IndexQuery("exchanges") { Text = "mentor*" })).Items.Select(h => h.DocumentId));

        // The documents of a state are found from its row once the owner index is gone: a rewrite without entries removes them.
        await storage.WriteAsync(StateOf("d1"), Bytes("{}"), "2", []);
        Assert.Equal(["d4", "d3", "d0"], (await storage.QueryAsync(new IndexQuery("exchanges") { Text = "mentor*" })).Items.Select(h => h.DocumentId));
        await storage.ClearAsync(StateOf("d0"), "1");
        Assert.Equal(["d4", "d3"], (await storage.QueryAsync(new IndexQuery("exchanges") { Text = "mentor*" })).Items.Select(h => h.DocumentId));

        using var check = OpenRawConnection();
        Assert.Equal(3L, Scalar(check, "SELECT version FROM schema_version;"));
        Assert.Equal(0L, Scalar(check, "SELECT count(*) FROM sqlite_master WHERE name = 'index_doc_by_owner';"));
        Assert.Equal(1L, Scalar(check, "SELECT count(*) FROM index_word WHERE word = 'mentorship';"));
        Assert.Equal(1L, Scalar(check, "SELECT count(*) FROM index_word WHERE word = 'mentorat';"));
    }

    [Fact]
    public async Task AWordOfARefusedWriteIsStillRecordedWhenALaterWriteBringsIt()
    {
        await Sqlite.WriteAsync(StateOf("zebu"), Bytes("{}"), null, [Entry("zebu", 1, "zebu")]);
        await Assert.ThrowsAsync<InconsistentStateException>(
            () => Sqlite.WriteAsync(StateOf("zebra"), Bytes("{}"), "stale", [Entry("zebra", 2, "zebra")]));
        await Sqlite.WriteAsync(StateOf("zebra"), Bytes("{}"), null, [Entry("zebra", 2, "zebra")]);

        Assert.Equal(["zebra", "zebu"], (await Sqlite.QueryAsync(new IndexQuery("exchanges") { Text = "zeb*" })).Items.Select(h => h.DocumentId));
    }

    [Fact]
    public async Task ADocumentTakenOverWithItsRowidStaysWhenItsFirstOwnerIsRewritten()
    {
        var first = await Sqlite.WriteAsync(StateOf("first"), Bytes("{}"), null, [Entry("shared", 1, "first version")]);
        // The same sort key: the document keeps its rowid, which the first state still lists among its documents.
        await Sqlite.WriteAsync(StateOf("second"), Bytes("{}"), null, [Entry("shared", 1, "second version")]);

        await Sqlite.WriteAsync(StateOf("first"), Bytes("{}"), first, []);

        Assert.Equal(["shared"], (await Sqlite.QueryAsync(new IndexQuery("exchanges") { Text = "second" })).Items.Select(h => h.DocumentId));
    }

    [Fact]
    public async Task ADocumentWrittenAgainWithTheSameSortKeyKeepsItsRowid()
    {
        var etag = await Sqlite.WriteAsync(StateOf("s"), Bytes("{}"), null, [Entry("old", 1, "first words"), Entry("moved", 2, "words")]);
        await Sqlite.WriteAsync(StateOf("other"), Bytes("{}"), null, [Entry("newest", 3, "words")]);
        long RowId(SqliteConnection connection, string id) => (long)Scalar(connection, $"SELECT id FROM index_doc WHERE doc_id = '{id}';")!;
        using var connection = OpenRawConnection();
        var (oldRowId, movedRowId) = (RowId(connection, "old"), RowId(connection, "moved"));

        etag = await Sqlite.WriteAsync(StateOf("s"), Bytes("{}"), etag, [Entry("old", 1, "second words"), Entry("moved", 4, "words")]);

        Assert.Equal(oldRowId, RowId(connection, "old"));
        Assert.NotEqual(movedRowId, RowId(connection, "moved"));
        Assert.Equal(["old"], (await Sqlite.QueryAsync(new IndexQuery("exchanges") { Text = "second" })).Items.Select(h => h.DocumentId));
        Assert.Empty((await Sqlite.QueryAsync(new IndexQuery("exchanges") { Text = "first" })).Items);

        // The highest rowid, freed by the rewrite, goes to the list's new first document; the one that had it takes another.
        await Sqlite.WriteAsync(StateOf("s"), Bytes("{}"), etag, [Entry("added", 5, "words"), Entry("moved", 4, "words again")]);
        Assert.Equal(["added", "moved", "newest"], (await Sqlite.QueryAsync(new IndexQuery("exchanges") { Text = "words" })).Items.Select(h => h.DocumentId));
        Assert.Equal(["moved"], (await Sqlite.QueryAsync(new IndexQuery("exchanges") { Text = "again" })).Items.Select(h => h.DocumentId));
    }

    [Fact]
    public async Task SearchesWithWordsAnswerWhatTheMemoryStorageAnswersWhateverTheOrderOfTheRowids()
    {
        await SearchComparison.AssertSameAnswersAsync(Sqlite, documents: 600, searches: 300, seed: 11);
    }

    [Fact]
    public async Task TheServiceCollectionRegistersOneInstanceBehindEveryStorageInterface()
    {
        var services = new ServiceCollection().AddSqliteStorage(options => options.DataPath = Path.Combine(_folder, "registered"));
        Assert.All(
            services.Where(d => d.ServiceType.Namespace!.StartsWith("Collaboration", StringComparison.Ordinal)),
            descriptor => Assert.Equal(ServiceLifetime.Singleton, descriptor.Lifetime));
        await using var provider = new SingletonProvider(services);

        var storage = provider.Get<IGrainStateStore>();
        Assert.IsType<SqliteStorage>(storage);
        Assert.Same(storage, provider.Get<IGrainIndex>());
        Assert.Same(storage, provider.Get<IAppendLog>());
        Assert.Same(storage, provider.Get<IStorageHealth>());
        await provider.Get<IStorageHealth>().CheckAsync();
        Assert.True(File.Exists(Path.Combine(_folder, "registered", "collaboration.db")));

        await using var memory = new SingletonProvider(new ServiceCollection().AddMemoryStorage());
        Assert.Same(memory.Get<IGrainStateStore>(), memory.Get<IGrainIndex>());
        Assert.Same(memory.Get<IAppendLog>(), memory.Get<IStorageHealth>());
    }

    private SqliteStorage Open(TimeSpan? busyTimeout = null)
    {
        var storage = new SqliteStorage(new SqliteStorageOptions
        {
            DataPath = _folder,
            BusyTimeout = busyTimeout ?? TimeSpan.FromSeconds(5),
        });
        _opened.Add(storage);
        return storage;
    }

    private SqliteConnection OpenRawConnection()
    {
        var connection = new SqliteConnection($"Data Source={Path.Combine(_folder, "collaboration.db")};Pooling=False");
        connection.Open();
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    /// <summary>Holds the writer just before its next COMMIT (only that one) until the test opens the gate.</summary>
    private sealed class CommitGate : IDisposable
    {
        private readonly SqliteStorage _storage;
        private readonly ManualResetEventSlim _open = new();
        private int _holdsLeft = 1;

        public CommitGate(SqliteStorage storage)
        {
            _storage = storage;
            storage.BeforeCommit = () =>
            {
                if (Interlocked.Decrement(ref _holdsLeft) >= 0)
                {
                    Reached.Set();
                    _open.Wait();
                }
            };
        }

        public ManualResetEventSlim Reached { get; } = new();

        public void Open() => _open.Set();

        public void Dispose()
        {
            // Never leave the writer waiting, even when a test failed before opening the gate.
            _open.Set();
            _storage.BeforeCommit = null;
        }
    }

    /// <summary>
    /// Just enough of a container to resolve the storage registrations (this test project does not reference
    /// Microsoft.Extensions.DependencyInjection, only its abstractions).
    /// </summary>
    private sealed class SingletonProvider(IServiceCollection services) : IServiceProvider, IAsyncDisposable
    {
        private readonly Dictionary<Type, object> _instances = [];

        public T Get<T>() => (T)GetService(typeof(T))!;

        public object? GetService(Type serviceType)
        {
            if (_instances.TryGetValue(serviceType, out var instance))
            {
                return instance;
            }

            if (serviceType == typeof(IOptions<SqliteStorageOptions>))
            {
                var options = new SqliteStorageOptions();
                foreach (var configure in services.Select(d => d.ImplementationInstance).OfType<IConfigureOptions<SqliteStorageOptions>>())
                {
                    configure.Configure(options);
                }

                return _instances[serviceType] = Options.Create(options);
            }

            var descriptor = services.LastOrDefault(d => d.ServiceType == serviceType);
            if (descriptor is null)
            {
                return null;
            }

            instance = descriptor.ImplementationInstance
                ?? descriptor.ImplementationFactory?.Invoke(this)
                ?? Activator.CreateInstance(descriptor.ImplementationType!)!;
            return _instances[serviceType] = instance;
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var instance in _instances.Values.Distinct())
            {
                if (instance is IAsyncDisposable disposable)
                {
                    await disposable.DisposeAsync();
                }
            }
        }
    }
}
