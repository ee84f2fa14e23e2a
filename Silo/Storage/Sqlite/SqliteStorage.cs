using System.Collections.Concurrent;
using System.Text;
using System.Threading.Channels;
using Collaboration.Grains.Indexing;
using Collaboration.Grains.Storage;
using Collaboration.Silo.Storage.Search;
using Collaboration.Silo.Telemetry;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Storage;

namespace Collaboration.Silo.Storage.Sqlite;

/// <summary>
/// Grain states, index documents and append logs in one SQLite file (WAL, synchronous=FULL).
/// <para>
/// Writes go through a queue to a single writer thread, which commits whatever is queued (up to
/// <see cref="SqliteStorageOptions.MaxBatchSize"/>) in one transaction: one fsync for many grains (group commit).
/// A caller's task completes only after the commit that holds its change. A batch is applied without savepoints;
/// when one operation is refused (stale ETag, taken sequence number), the batch is applied again with each operation
/// under its own savepoint, so that the refused one fails alone. A failed commit fails the whole batch.
/// Reads use their own connections and run beside the writer. Lists and searches are answered from posting lists held
/// in memory with the documents' payloads (<see cref="SearchIndexes"/>), filled from the file at open and following
/// each commit, and by SQLite until then; answers are cached per index until a commit touches that index
/// (<see cref="IndexQueryCache"/>). So the storage must own its file: another process writing the same file would not
/// be seen (the data folder is locked for that).
/// </para>
/// </summary>
public sealed partial class SqliteStorage : IGrainStateStore, IGrainIndex, IAppendLog, IStorageHealth, IAsyncDisposable, IDisposable
{
    private readonly SqliteStorageOptions _options;
    private readonly SqliteConnections _connections;
    private readonly Channel<WriteOperation> _queue;
    private readonly TaskCompletionSource _writerStopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentBag<SqliteConnection> _idleReaders = [];
    private readonly IndexQueryCache _queryCache;
    private readonly SearchIndexes _searchIndexes = new();
    private readonly SqliteCheckpointer _checkpointer;
    private readonly CollaborationMetrics? _metrics;
    private readonly ILogger _logger;
    private readonly Lock _initializeLock = new();
    private readonly CancellationTokenSource _stopping = new();
    private Task _fill = Task.CompletedTask;
    private volatile bool _initialized;
    private volatile bool _lastCommitFailed;
    private int _disposed;
    private long _committedBatches;
    private long _committedOperations;

    /// <param name="options">Where the file is and how the writer batches.</param>
    /// <param name="metrics">Where commits are counted; none in tests that build a storage on its own.</param>
    public SqliteStorage(SqliteStorageOptions options, CollaborationMetrics? metrics = null, ILogger<SqliteStorage>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.DataPath, nameof(options));
        ArgumentException.ThrowIfNullOrWhiteSpace(options.FileName, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BusyTimeout, TimeSpan.Zero, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxBatchSize, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxQueuedWrites, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxIdleReadConnections, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegative(options.ReadConnectionCacheKiB, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegative(options.CachedQueriesPerIndex, nameof(options));

        // A copy: changing the options object later must not change a running storage.
        _options = options with { };
        _connections = new SqliteConnections(_options);
        _queryCache = new IndexQueryCache(_options.CachedQueriesPerIndex);
        _checkpointer = new SqliteCheckpointer(_connections);
        _metrics = metrics;
        _logger = logger ?? NullLogger<SqliteStorage>.Instance;
        _queue = Channel.CreateBounded<WriteOperation>(new BoundedChannelOptions(_options.MaxQueuedWrites)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });

        // A thread of its own: the writer blocks in fsync, which would starve a small thread pool.
        new Thread(RunWriter) { IsBackground = true, Name = "SQLite writer" }.Start();
    }

    public string DatabasePath => _options.DatabasePath;

    /// <summary>Transactions committed by the writer (tests compare it with the number of writes).</summary>
    internal long CommittedBatches => Interlocked.Read(ref _committedBatches);

    internal long CommittedOperations => Interlocked.Read(ref _committedOperations);

    /// <summary>The thread that copies the WAL into the database file (tests wait for its checkpoints).</summary>
    internal SqliteCheckpointer Checkpointer => _checkpointer;

    /// <summary>The indexes held in memory, which answer queries once filled from the file.</summary>
    internal SearchIndexes SearchIndexes => _searchIndexes;

    /// <summary>Runs on the writer thread right before each COMMIT; tests hold a commit open with it.</summary>
    internal Action? BeforeCommit { get; set; }

    /// <summary>Called by the fill of the memory indexes once its snapshot of the file is taken (tests pause it there).</summary>
    internal Action? WhileFilling { get; set; }

    public Task<GrainStateRecord?> ReadAsync(GrainStateId id, CancellationToken cancellationToken = default)
    {
        StorageArguments.Validate(id);
        return RunReadAsync(
            connection =>
            {
                // Every activation reads its state (a new exchange's is a miss): prepared once per connection, not per read.
                using var built = connection.CreateCommand();
                built.CommandText =
                    "SELECT etag, data FROM grain_state WHERE grain_type = $type AND grain_key = $key AND state_name = $state;";
                built.Parameters.AddWithValue("$type", id.GrainType);
                built.Parameters.AddWithValue("$key", id.GrainKey);
                built.Parameters.AddWithValue("$state", id.StateName);
                using var reader = SqliteStatementCache.Reuse(built).ExecuteReader();
                return reader.Read() ? new GrainStateRecord(reader.GetFieldValue<byte[]>(1), reader.GetString(0)) : null;
            },
            cancellationToken);
    }

    public async Task<string> WriteAsync(
        GrainStateId id,
        ReadOnlyMemory<byte> data,
        string? expectedETag,
        IReadOnlyList<IndexEntry> indexEntries,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(indexEntries);
        StorageArguments.Validate(id);
        StorageArguments.Validate(indexEntries);
        // Copies: the caller may reuse its buffer or list once it has its task.
        var operation = new WriteStateOperation(id, data.ToArray(), expectedETag, [.. indexEntries], cancellationToken);
        return (await EnqueueAsync(operation, cancellationToken))!;
    }

    public Task ClearAsync(GrainStateId id, string? expectedETag, CancellationToken cancellationToken = default)
    {
        StorageArguments.Validate(id);
        return EnqueueAsync(new ClearStateOperation(id, expectedETag, cancellationToken), cancellationToken);
    }

    public Task<IndexPage> QueryAsync(IndexQuery query, CancellationToken cancellationToken = default)
    {
        StorageArguments.Validate(query);
        return RunCachedReadAsync(
            query,
            count: false,
            () => AnswerInMemory(() => PageInMemory(query), cancellationToken)
                ?? RunReadAsync(connection => SqliteIndexQueries.Query(connection, query), cancellationToken),
            cancellationToken);
    }

    public Task<long> CountAsync(IndexQuery query, CancellationToken cancellationToken = default)
    {
        StorageArguments.Validate(query);
        return RunCachedReadAsync(
            query,
            count: true,
            () => AnswerInMemory(() => _searchIndexes.TryCount(query) is { } count ? Task.FromResult(count) : null, cancellationToken)
                ?? RunReadAsync(connection => SqliteIndexQueries.Count(connection, query), cancellationToken),
            cancellationToken);
    }

    /// <summary>
    /// An answer of the memory indexes, with no connection taken; null while they are not filled (or were given up),
    /// so that SQLite answers. A malformed search text fails the task, as SQLite's answer would.
    /// </summary>
    private static Task<T>? AnswerInMemory<T>(Func<Task<T>?> answer, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<T>(cancellationToken);
        }

        try
        {
            return answer();
        }
        catch (Exception exception)
        {
            return Task.FromException<T>(exception);
        }
    }

    /// <summary>The page as the memory indexes hold it, payloads included; null when they cannot answer.</summary>
    private Task<IndexPage>? PageInMemory(IndexQuery query)
    {
        if (_searchIndexes.TryQuery(query, StorageArguments.FetchCount(query.Limit)) is not { } found)
        {
            return null;
        }

        var hits = new List<IndexHit>(found.Count);
        for (var i = 0; i < found.Count; i++)
        {
            // The hit past the limit only tells that a next page exists (ToPage drops it): its payload is not decoded.
            var (documentId, sortKey, payload) = found[i];
            hits.Add(new IndexHit(documentId, sortKey, i < query.Limit && payload is not null ? Encoding.UTF8.GetString(payload) : null));
        }

        return Task.FromResult(StorageArguments.ToPage(hits, query.Limit));
    }

    public Task AppendAsync(string log, long sequence, DateTimeOffset at, string payload, CancellationToken cancellationToken = default)
    {
        StorageArguments.ValidateAppend(log, sequence, payload);
        return EnqueueAsync(new AppendOperation(log, sequence, at, payload, cancellationToken), cancellationToken);
    }

    public Task AppendAsync(string log, IReadOnlyList<LogRecord> records, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        foreach (var record in records)
        {
            StorageArguments.ValidateAppend(log, record.Sequence, record.Payload);
        }

        return EnqueueAsync(new AppendBatchOperation(log, [.. records], cancellationToken), cancellationToken);
    }

    public async Task<IReadOnlyList<AppendOutcome>> AppendWithStatesAsync(
        string log, long firstSequence, IReadOnlyList<LogAppend> appends, CancellationToken cancellationToken = default)
    {
        StorageArguments.ValidateAppends(log, firstSequence, appends);
        var operation = new AppendWithStatesOperation(log, firstSequence, [.. appends], cancellationToken);
        await EnqueueAsync(operation, cancellationToken);
        return operation.Outcomes;
    }

    public Task<IReadOnlyList<LogRecord>> ReadAsync(string log, long after, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        return RunReadAsync<IReadOnlyList<LogRecord>>(
            connection =>
            {
                using var command = connection.CreateCommand();
                command.CommandText = """
                    SELECT seq, at_ticks, at_offset_minutes, payload FROM append_log
                    WHERE log = $log AND seq > $after ORDER BY seq LIMIT $limit;
                    """;
                command.Parameters.AddWithValue("$log", log);
                command.Parameters.AddWithValue("$after", after);
                command.Parameters.AddWithValue("$limit", limit);
                using var reader = command.ExecuteReader();
                var records = new List<LogRecord>();
                while (reader.Read())
                {
                    var at = new DateTimeOffset(reader.GetInt64(1), TimeSpan.Zero).ToOffset(TimeSpan.FromMinutes(reader.GetInt64(2)));
                    records.Add(new LogRecord(reader.GetInt64(0), at, reader.GetString(3)));
                }

                return records;
            },
            cancellationToken);
    }

    public Task<long> GetLastSequenceAsync(string log, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(log);
        return RunReadAsync(
            connection =>
            {
                using var command = connection.CreateCommand();
                command.CommandText = "SELECT coalesce(max(seq), 0) FROM append_log WHERE log = $log;";
                command.Parameters.AddWithValue("$log", log);
                return (long)command.ExecuteScalar()!;
            },
            cancellationToken);
    }

    public async Task CheckAsync(CancellationToken cancellationToken = default)
    {
        await RunReadAsync(
            connection =>
            {
                using var command = connection.CreateCommand();
                command.CommandText = "SELECT max(version) FROM schema_version;";
                return command.ExecuteScalar();
            },
            cancellationToken);

        // Reads can work while writes cannot (a lock held elsewhere, a full disk): after a failed commit, only a
        // commit proves the storage healthy again.
        if (_lastCommitFailed)
        {
            await EnqueueAsync(new ProbeOperation(cancellationToken), cancellationToken);
        }
    }

    /// <summary>Stops taking writes, commits what is queued, and closes the file.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _queue.Writer.TryComplete();
        }

        await _stopping.CancelAsync();
        await _fill;
        await _writerStopped.Task;
        _checkpointer.Dispose();
        CloseIdleReaders();
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private async Task<string?> EnqueueAsync(WriteOperation operation, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        EnsureInitialized();
        try
        {
            await _queue.Writer.WriteAsync(operation, cancellationToken);
        }
        catch (ChannelClosedException)
        {
            throw new ObjectDisposedException(nameof(SqliteStorage));
        }

        // Not cancellable from here on: the change may already be in a transaction, and the caller must learn its fate.
        return await operation.Completion;
    }

    private void RunWriter()
    {
        SqliteBatchWriter? writer = null;
        var batch = new List<WriteOperation>(_options.MaxBatchSize);
        try
        {
            var reader = _queue.Reader;
            // Blocking is right here: this thread exists only to write.
            while (reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
            {
                while (batch.Count < _options.MaxBatchSize && reader.TryRead(out var operation))
                {
                    if (operation.CancellationToken.IsCancellationRequested)
                    {
                        operation.Cancel();
                    }
                    else
                    {
                        batch.Add(operation);
                    }
                }

                if (batch.Count > 0)
                {
                    writer = CommitBatch(writer, batch);
                    if (writer is not null)
                    {
                        _checkpointer.FinishIfWalIsLong(writer.Connection);
                    }
                    batch.Clear();
                }
            }
        }
        finally
        {
            writer?.Dispose();
            _writerStopped.TrySetResult();
        }
    }

    private void FillSearchIndexes()
    {
        SqliteConnection connection;
        try
        {
            connection = _connections.Open(readOnly: false);
        }
        catch (Exception exception)
        {
            // The file cannot be opened now: the memory indexes stay empty and SQLite answers every query.
            _searchIndexes.Fill(null);
            LogIndexesNotFilled(exception, _options.FileName);
            return;
        }

        // Closing the store stops the fill: a statement running is interrupted, and the fill checks between its reads.
        using (connection)
        using (_stopping.Token.Register(() => SQLitePCL.raw.sqlite3_interrupt(connection.Handle)))
        {
            _searchIndexes.Fill(connection, () =>
            {
                WhileFilling?.Invoke();
                _stopping.Token.ThrowIfCancellationRequested();
            });
        }

        if (_searchIndexes.IsReady)
        {
            LogIndexesFilled(_options.FileName, _searchIndexes.FillTime);
        }
        else if (_stopping.IsCancellationRequested)
        {
            LogIndexesFillStopped(_options.FileName);
        }
        else
        {
            LogIndexesNotFilled(_searchIndexes.Failure, _options.FileName);
        }
    }

    private SqliteBatchWriter? CommitBatch(SqliteBatchWriter? writer, List<WriteOperation> batch)
    {
        var results = new string?[batch.Count];
        var refusals = new Exception?[batch.Count];
        try
        {
            writer ??= new SqliteBatchWriter(_connections.Open(readOnly: false));

            // Refusals are rare, so the batch is first applied without a savepoint per operation (a savepoint copies
            // every page an operation touches into a statement journal, and that copying was the writer's largest
            // cost). Only when an operation is refused is the transaction rolled back and the batch applied again,
            // each operation under its own savepoint, so that a refused one changes nothing.
            if (!TryApplyWithoutSavepoints(writer, batch, results))
            {
                ApplyEachUnderSavepoint(writer, batch, results, refusals);
            }

            BeforeCommit?.Invoke();
            writer.Commit();
        }
        catch (Exception exception)
        {
            // Nothing of the batch is committed. Every caller learns it; the next batch starts on a fresh connection.
            // Its indexes are invalidated all the same: a commit that failed late may still have reached the file.
            writer?.Rollback();
            writer?.Dispose();
            if (writer is not null)
            {
                _queryCache.Invalidate(writer.TouchedIndexes);
            }

            _lastCommitFailed = true;
            _metrics?.CommitFailed();
            foreach (var operation in batch)
            {
                operation.Fail(SqliteErrors.IsUnavailable(exception) ? SqliteErrors.Unavailable(exception) : exception);
            }

            return null;
        }

        // Before any writer hears of its commit: a read that follows an acknowledged write never gets an older answer.
        var servedFromMemory = _searchIndexes.IsReady;
        _searchIndexes.Apply(writer.CommittedChanges);
        if (servedFromMemory && !_searchIndexes.IsReady)
        {
            LogIndexesGivenUp(_searchIndexes.Failure, _options.FileName);
        }

        _queryCache.Invalidate(writer.TouchedIndexes);
        _lastCommitFailed = false;
        _checkpointer.Committed();
        Interlocked.Increment(ref _committedBatches);
        Interlocked.Add(ref _committedOperations, batch.Count);
        _metrics?.CommitSucceeded(batch.Count);
        for (var i = 0; i < batch.Count; i++)
        {
            if (refusals[i] is { } refusal)
            {
                batch[i].Fail(refusal);
            }
            else
            {
                batch[i].Succeed(results[i]);
            }
        }

        return writer;
    }

    private static bool IsRefusal(Exception exception) =>
        exception is InconsistentStateException || (exception is SqliteException && !SqliteErrors.IsUnavailable(exception));

    /// <summary>Applies the whole batch in one transaction; false (and the transaction rolled back) when one operation was refused.</summary>
    private static bool TryApplyWithoutSavepoints(SqliteBatchWriter writer, List<WriteOperation> batch, string?[] results)
    {
        writer.Begin();
        for (var i = 0; i < batch.Count; i++)
        {
            try
            {
                results[i] = batch[i].Apply(writer);
            }
            catch (Exception exception) when (IsRefusal(exception))
            {
                writer.Rollback();
                return false;
            }
        }

        return true;
    }

    private static void ApplyEachUnderSavepoint(SqliteBatchWriter writer, List<WriteOperation> batch, string?[] results, Exception?[] refusals)
    {
        writer.Begin();
        for (var i = 0; i < batch.Count; i++)
        {
            writer.BeginOperation();
            try
            {
                results[i] = batch[i].Apply(writer);
                writer.EndOperation();
            }
            catch (Exception exception) when (IsRefusal(exception))
            {
                writer.UndoOperation();
                refusals[i] = exception;
                results[i] = null;
            }
        }
    }

    /// <summary>
    /// An index read answered from the cache while no commit has touched its index since; otherwise read and kept.
    /// The generation is read before the query runs, so an answer that may predate a commit is never kept as current.
    /// A text search is never kept: its words make almost every one new, so its answers would only fill the cache
    /// (4,096 pages of exchanges held about 100 MB) and push out the lists that are asked again and again.
    /// </summary>
    private Task<T> RunCachedReadAsync<T>(IndexQuery query, bool count, Func<Task<T>> answer, CancellationToken cancellationToken)
        where T : notnull
    {
        if (!_queryCache.Enabled || query.Text is not null || cancellationToken.IsCancellationRequested)
        {
            return answer();
        }

        var key = IndexQueryCache.KeyOf(query, count);
        if (_queryCache.TryGet(query.Index, key, out var cached, out var generation))
        {
            return Task.FromResult((T)cached!);
        }

        var answered = answer();
        if (answered.IsCompletedSuccessfully)
        {
            _queryCache.Set(query.Index, key, generation, answered.Result);
        }

        return answered;
    }

    private Task<T> RunReadAsync<T>(Func<SqliteConnection, T> read, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<T>(cancellationToken);
        }

        // Microsoft.Data.Sqlite runs every statement synchronously anyway; reads are short, so they run on the caller's thread.
        try
        {
            EnsureInitialized();
            var connection = _idleReaders.TryTake(out var idle) ? idle : _connections.Open(readOnly: true);
            T result;
            try
            {
                result = read(connection);
            }
            catch
            {
                connection.Dispose();
                throw;
            }

            ReturnReader(connection);
            return Task.FromResult(result);
        }
        catch (Exception exception) when (SqliteErrors.IsUnavailable(exception))
        {
            return Task.FromException<T>(SqliteErrors.Unavailable(exception));
        }
        catch (Exception exception)
        {
            return Task.FromException<T>(exception);
        }
    }

    private void ReturnReader(SqliteConnection connection)
    {
        if (Volatile.Read(ref _disposed) != 0 || _idleReaders.Count >= _options.MaxIdleReadConnections)
        {
            connection.Dispose();
            return;
        }

        _idleReaders.Add(connection);
        // Disposal may have emptied the bag between the check and the add.
        if (Volatile.Read(ref _disposed) != 0)
        {
            CloseIdleReaders();
        }
    }

    private void CloseIdleReaders()
    {
        while (_idleReaders.TryTake(out var connection))
        {
            connection.Dispose();
        }
    }

    private void EnsureInitialized()
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        if (_initialized)
        {
            return;
        }

        lock (_initializeLock)
        {
            if (_initialized)
            {
                return;
            }

            // Not cached on failure: a folder that could not be created now may be creatable later.
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(_options.DatabasePath)!);
                using var connection = _connections.Open(readOnly: false);
                SqliteSchema.Create(connection);
            }
            catch (Exception exception) when (SqliteErrors.IsUnavailable(exception))
            {
                throw SqliteErrors.Unavailable(exception);
            }

            _initialized = true;
            // Commits go on during the fill: the indexes keep their changes and apply them once it is done.
            _fill = Task.Factory.StartNew(FillSearchIndexes, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Lists and searches of {File} are answered from memory; filling its indexes took {FillTime} (writes went on meanwhile)")]
    private partial void LogIndexesFilled(string file, TimeSpan fillTime);

    [LoggerMessage(Level = LogLevel.Information, Message = "The store of {File} closed before its indexes were filled in memory")]
    private partial void LogIndexesFillStopped(string file);

    [LoggerMessage(Level = LogLevel.Error, Message = "The indexes of {File} could not be held in memory; SQLite answers every list and search, more slowly")]
    private partial void LogIndexesNotFilled(Exception? exception, string file);

    [LoggerMessage(Level = LogLevel.Error, Message = "A commit's changes could not be applied to the indexes held in memory; from now on SQLite answers every list and search of {File}, more slowly")]
    private partial void LogIndexesGivenUp(Exception? exception, string file);
}
