using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Collaboration.Grains.Indexing;
using Collaboration.Grains.Storage;
using Orleans.Storage;

namespace Collaboration.Silo.Storage.AzureTable;

/// <summary>
/// Grain states, index documents and append logs in Azure Table storage (README.md beside this file has the layout
/// and the guarantees).
/// <para>
/// Table storage has no transaction across partitions, so a state and its index entries cannot change in one
/// atomic step. A write that publishes or withdraws index entries therefore goes in this order: the state row with
/// its entries and a <c>Pending</c> mark (If-Match, so a stale writer is refused before anything changes), then the
/// index rows, then the mark cleared; only then is the write acknowledged. A crash in between leaves the mark, and
/// the next read of that state finishes the index work before it returns the state, so nobody reads a state whose
/// index entries are missing, and queries never show a document of a state that was not written.
/// </para>
/// </summary>
public sealed class AzureTableStorage : IGrainStateStore, IGrainIndex, IAppendLog, IStorageHealth, IPostingReader
{
    private const int MaxConflictRounds = 8;
    private const int MaxPageRows = 1000;
    private const int ProbeCap = 1000;

    private const string Data = "Data";
    private const string Entries = "Entries";
    private const string Unpublish = "Unpublish";
    private const string UnpublishLength = Unpublish + "Length";
    private const string Keys = "Keys";
    private const string Payload = "Payload";
    private const string Version = "Version";
    private const string Pending = "Pending";
    private const string Clearing = "Clearing";
    private const string WriteId = "WriteId";
    private const string OwnerType = "OwnerType";
    private const string OwnerKey = "OwnerKey";
    private const string OwnerState = "OwnerState";
    private const string AtTicks = "AtTicks";
    private const string OffsetMinutes = "OffsetMinutes";

    // Requests in flight for one write's postings: a document has a partition per word, and a write should not
    // open a connection for each.
    private const int MaxParallelBatches = 16;

    // Words known to be in their index's word list (the rows are never deleted), so that most writes skip the list.
    private const int MaxKnownWords = 200_000;

    private static readonly string[] ProbeColumns = [PostingRows.SortKey];

    private readonly ITableGateway _tables;
    private readonly TableLayout _layout;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _createTables = new(1, 1);
    private readonly ConcurrentDictionary<(string, string), bool> _knownWords = new();
    private readonly Lock _wordPostingLock = new();
    private volatile bool _tablesExist;
    private volatile bool _wordsPosted;
    private Task? _wordPosting;

    public AzureTableStorage(AzureTableStorageOptions options, TimeProvider? timeProvider = null)
        : this(CreateGateway(options), options, timeProvider ?? TimeProvider.System)
    {
    }

    internal AzureTableStorage(ITableGateway tables, AzureTableStorageOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        _tables = tables;
        _layout = new TableLayout(options.TablePrefix ?? "");
        _time = timeProvider;
    }

    /// <summary>
    /// How many entities this storage has read from the service (point reads and the rows of queries) since it was
    /// created: what Azure bills reads by, and what a query costs whatever the service's speed.
    /// </summary>
    public long EntitiesRead => _tables.EntitiesRead;

    /// <summary>False makes searches read the index and check words on each row, as before word postings: for measuring the difference.</summary>
    internal bool SearchesReadWordPostings { get; set; } = true;

    // ---- grain states ----

    public async Task<GrainStateRecord?> ReadAsync(GrainStateId id, CancellationToken cancellationToken = default)
    {
        StorageArguments.Validate(id);
        var (partition, row) = TableLayout.StateKeys(id);
        for (var round = 0; round < MaxConflictRounds; round++)
        {
            var stored = await RequestAsync(() => _tables.GetAsync(_layout.States, partition, row, cancellationToken), cancellationToken);
            if (stored is null)
            {
                return null;
            }

            if (!stored.GetBoolean(Pending))
            {
                return new GrainStateRecord(TableBlobs.Get(stored, Data), stored.ETag!);
            }

            // A writer stopped between the state and its index: finish its work before anyone sees the state.
            var repaired = await RepairAsync(id, stored, cancellationToken);
            if (repaired.Done)
            {
                return repaired.Record;
            }
        }

        throw new InconsistentStateException($"The state of {id} kept changing while it was being read.");
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
        var (partition, rowKey) = TableLayout.StateKeys(id);

        // A document listed twice is published once, as its last listing says (as SQLite replaces it).
        var entries = indexEntries
            .Select(StoredEntry.From)
            .GroupBy(e => e.Key)
            .Select(g => g.Last())
            .ToList();
        var postings = entries.Select(PostingRows.Of).ToList();

        // A stale writer is refused before anything is written; the conditional write below refuses a racing one.
        TableRow? previous = null;
        if (expectedETag is not null)
        {
            previous = await RequestAsync(() => _tables.GetAsync(_layout.States, partition, rowKey, cancellationToken), cancellationToken);
            if (previous?.ETag != expectedETag)
            {
                throw StorageArguments.ETagMismatch(id, previous?.ETag, expectedETag);
            }
        }

        var keys = entries.Select(e => e.Key).ToHashSet();
        var withdrawn = previous is null
            ? []
            : StoredEntriesOf(previous).Select(e => e.Key).Concat(UnpublishedOf(previous)).Where(k => !keys.Contains(k)).Distinct().ToList();
        var indexed = entries.Count > 0 || withdrawn.Count > 0;
        var version = Math.Max(previous?.GetInt64(Version) + 1 ?? 0, _time.GetUtcNow().UtcTicks);
        var writeId = Guid.NewGuid().ToString("N");

        var state = new TableRow(partition, rowKey);
        TableBlobs.Put(state, Data, data.Span);
        TableBlobs.Put(state, Entries, JsonSerializer.SerializeToUtf8Bytes(entries));
        TableBlobs.Put(state, Unpublish, JsonSerializer.SerializeToUtf8Bytes(withdrawn.Select(k => new[] { k.Item1, k.Item2 })));
        state[Version] = version;
        state[Pending] = indexed;
        state[WriteId] = writeId;
        TableBlobs.CheckSize(state, $"The state of {id} with its index entries");

        var etag = await WriteStateRowAsync(id, state, expectedETag, writeId, cancellationToken);
        if (!indexed)
        {
            return etag;
        }

        await ApplyIndexAsync(id, version, entries, postings, withdrawn, cancellationToken);
        return await ClearPendingAsync(id, partition, rowKey, etag, writeId, cancellationToken)
            ?? throw new InconsistentStateException($"The state of {id} was changed by another writer while its index was being written.");
    }

    public async Task ClearAsync(GrainStateId id, string? expectedETag, CancellationToken cancellationToken = default)
    {
        StorageArguments.Validate(id);
        var (partition, rowKey) = TableLayout.StateKeys(id);
        var stored = await RequestAsync(() => _tables.GetAsync(_layout.States, partition, rowKey, cancellationToken), cancellationToken);
        if (stored?.ETag != expectedETag)
        {
            throw StorageArguments.ETagMismatch(id, stored?.ETag, expectedETag);
        }

        if (stored is null)
        {
            return;
        }

        var published = StoredEntriesOf(stored).Select(e => e.Key).Concat(UnpublishedOf(stored)).Distinct().ToList();
        var etag = stored.ETag!;
        if (published.Count > 0)
        {
            // Marked first, so that a crash before the row is gone leaves a clear that the next read finishes.
            var writeId = Guid.NewGuid().ToString("N");
            var mark = new TableRow(partition, rowKey) { [Pending] = true, [Clearing] = true, [WriteId] = writeId };
            etag = await RequestAsync(
                async () =>
                {
                    try
                    {
                        mark.ETag = stored.ETag;
                        return await _tables.MergeAsync(_layout.States, mark, cancellationToken);
                    }
                    catch (TableRequestException conflict) when (conflict.Status is 404 or 412)
                    {
                        // The SDK may have repeated a merge whose answer was lost: the write id tells our own mark.
                        var current = await _tables.GetAsync(_layout.States, partition, rowKey, cancellationToken);
                        return current?.GetString(WriteId) == writeId ? current.ETag! : throw StorageArguments.ETagMismatch(id, current?.ETag, expectedETag);
                    }
                },
                cancellationToken);
            await Task.WhenAll(published.Select(key => WithdrawAsync(id, key, cancellationToken)));
        }

        // A row already gone counts as deleted: a repeated delete whose first answer was lost finds it so.
        await RequestAsync(
            async () =>
            {
                try
                {
                    await _tables.DeleteAsync(_layout.States, partition, rowKey, etag, cancellationToken);
                }
                catch (TableRequestException conflict) when (conflict.Status is 412)
                {
                    throw StorageArguments.ETagMismatch(id, null, expectedETag);
                }
            },
            cancellationToken);
    }

    // ---- index queries ----

    public async Task<IndexPage> QueryAsync(IndexQuery query, CancellationToken cancellationToken = default)
    {
        StorageArguments.Validate(query);
        var search = TextSearch.Of(query.Text);
        // Words are searched by their postings newest first (the order searches ask for), once every document has them.
        if (search is not null && query.Descending && SearchesReadWordPostings && WordsArePosted())
        {
            return await PostingSearch.QueryAsync(this, query, query.Terms.Distinct().ToList(), search, cancellationToken);
        }

        var hits = new List<IndexHit>();
        var fetch = StorageArguments.FetchCount(query.Limit);
        await ScanAsync(query, fetch, (row, entry) =>
        {
            hits.Add(new IndexHit(entry?.DocumentId ?? row.GetString(PostingRows.DocumentId)!, row.GetInt64(PostingRows.SortKey), entry?.Payload));
            return hits.Count < fetch;
        }, cancellationToken);
        return StorageArguments.ToPage(hits, query.Limit);
    }

    public async Task<long> CountAsync(IndexQuery query, CancellationToken cancellationToken = default)
    {
        StorageArguments.Validate(query);
        long count = 0;
        await ScanAsync(query with { After = null }, null, (_, _) =>
        {
            count++;
            return true;
        }, cancellationToken);
        return count;
    }

    // ---- append logs ----

    /// <summary>One record after another: an entity group transaction holds too few rows, and in order a failure leaves a prefix.</summary>
    public async Task AppendAsync(string log, IReadOnlyList<LogRecord> records, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        foreach (var record in records)
        {
            await AppendAsync(log, record.Sequence, record.At, record.Payload, cancellationToken);
        }
    }

    /// <summary>
    /// The states first, side by side (each its own transaction: a table transaction holds one partition), then the
    /// records of those written, in order. Not atomic: a failure after some states leaves them without their records,
    /// and the caller, told of the failure, re-reads them.
    /// </summary>
    public async Task<IReadOnlyList<AppendOutcome>> AppendWithStatesAsync(
        string log, long firstSequence, IReadOnlyList<LogAppend> appends, CancellationToken cancellationToken = default)
    {
        StorageArguments.ValidateAppends(log, firstSequence, appends);
        var writes = appends.Select(append => append.State is { } state ? WriteOrRefuseAsync(state, cancellationToken) : Task.FromResult<(string?, Exception?)>((null, null))).ToArray();
        await Task.WhenAll(writes);
        var outcomes = new AppendOutcome[appends.Count];
        var sequence = firstSequence;
        for (var i = 0; i < appends.Count; i++)
        {
            var (etag, refusal) = writes[i].Result;
            if (refusal is not null)
            {
                outcomes[i] = AppendOutcome.Refused(refusal);
                continue;
            }

            await AppendAsync(log, sequence, appends[i].At, appends[i].Payload(sequence), cancellationToken);
            outcomes[i] = new AppendOutcome(sequence++, etag, null);
        }

        return outcomes;
    }

    private async Task<(string? ETag, Exception? Refusal)> WriteOrRefuseAsync(StateWrite state, CancellationToken cancellationToken)
    {
        try
        {
            return (await WriteAsync(StorageArguments.StateIdOf(state), state.Data, state.ExpectedETag, state.IndexEntries, cancellationToken), null);
        }
        catch (InconsistentStateException refusal)
        {
            return (null, refusal);
        }
    }

    public async Task AppendAsync(string log, long sequence, DateTimeOffset at, string payload, CancellationToken cancellationToken = default)
    {
        StorageArguments.ValidateAppend(log, sequence, payload);
        var partition = TableLayout.LogPartition(log);
        var writeId = Guid.NewGuid().ToString("N");
        var record = new TableRow(partition, TableLayout.LogRow(sequence))
        {
            [AtTicks] = at.UtcTicks,
            [OffsetMinutes] = (int)at.Offset.TotalMinutes,
            [WriteId] = writeId,
        };
        TableBlobs.Put(record, Payload, System.Text.Encoding.UTF8.GetBytes(payload));
        TableBlobs.CheckSize(record, $"Record {sequence} of log '{log}'");
        // The descending twin makes the last sequence number one single-row read; one batch writes both or neither.
        var twin = new TableRow(partition, TableLayout.LogDescendingRow(sequence)) { [WriteId] = writeId };

        await RequestAsync(
            async () =>
            {
                try
                {
                    await _tables.ExecuteBatchAsync(_layout.Logs, partition, [TableWrite.Insert(record), TableWrite.Insert(twin)], cancellationToken);
                }
                catch (TableRequestException conflict) when (conflict.Status == 409)
                {
                    // Ours when the SDK repeated a batch whose answer was lost: the write id tells.
                    var current = await _tables.GetAsync(_layout.Logs, partition, record.RowKey, cancellationToken);
                    if (current?.GetString(WriteId) != writeId)
                    {
                        throw new InconsistentStateException($"Sequence number {sequence} of log '{log}' is already taken.");
                    }
                }
            },
            cancellationToken);
    }

    public async Task<IReadOnlyList<LogRecord>> ReadAsync(string log, long after, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        var records = new List<LogRecord>();
        if (limit == 0)
        {
            return records;
        }

        var range = after < 0
            ? new TableRange(TableLayout.LogPartition(log), TableLayout.AscendingRows, null, TableLayout.AscendingEnd)
            : new TableRange(TableLayout.LogPartition(log), null, TableLayout.LogRow(after), TableLayout.AscendingEnd);
        object? continuation = null;
        do
        {
            var take = Math.Min(MaxPageRows, limit - records.Count);
            var segment = await RequestAsync(() => _tables.QueryAsync(_layout.Logs, range, take, null, continuation, cancellationToken), cancellationToken);
            foreach (var row in segment.Rows)
            {
                var at = new DateTimeOffset(row.GetInt64(AtTicks), TimeSpan.Zero).ToOffset(TimeSpan.FromMinutes(row.GetInt64(OffsetMinutes)));
                var sequence = long.Parse(row.RowKey.AsSpan(1), CultureInfo.InvariantCulture);
                records.Add(new LogRecord(sequence, at, System.Text.Encoding.UTF8.GetString(TableBlobs.Get(row, Payload))));
            }

            continuation = segment.Continuation;
        }
        while (continuation is not null && records.Count < limit);

        return records;
    }

    public async Task<long> GetLastSequenceAsync(string log, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(log);
        var range = new TableRange(TableLayout.LogPartition(log), TableLayout.DescendingRows, null, TableLayout.DescendingEnd);
        object? continuation = null;
        do
        {
            // The service may answer a page with no row and a continuation; only the end of the range means empty.
            var segment = await RequestAsync(() => _tables.QueryAsync(_layout.Logs, range, 1, [WriteId], continuation, cancellationToken), cancellationToken);
            if (segment.Rows.Count > 0)
            {
                return TableLayout.SequenceOfDescendingRow(segment.Rows[0].RowKey);
            }

            continuation = segment.Continuation;
        }
        while (continuation is not null);

        return 0;
    }

    // ---- health ----

    public Task CheckAsync(CancellationToken cancellationToken = default) =>
        RequestAsync(
            () => _tables.QueryAsync(_layout.States, new TableRange("~", null, null, null), 1, [Version], null, cancellationToken),
            cancellationToken);

    // ---- state rows ----

    private async Task<string> WriteStateRowAsync(GrainStateId id, TableRow state, string? expectedETag, string writeId, CancellationToken cancellationToken) =>
        await RequestAsync(
            async () =>
            {
                try
                {
                    state.ETag = expectedETag;
                    return expectedETag is null
                        ? await _tables.InsertAsync(_layout.States, state, cancellationToken)
                        : await _tables.ReplaceAsync(_layout.States, state, cancellationToken);
                }
                catch (TableRequestException conflict) when (conflict.Status is 404 or 409 or 412)
                {
                    // The SDK may have repeated a write whose answer was lost and met its first attempt: the write id
                    // (new for every write) tells.
                    var current = await _tables.GetAsync(_layout.States, state.PartitionKey, state.RowKey, cancellationToken);
                    return current?.GetString(WriteId) == writeId
                        ? current.ETag!
                        : throw StorageArguments.ETagMismatch(id, current?.ETag, expectedETag);
                }
            },
            cancellationToken);

    /// <summary>Clears the pending mark of the state row written with <paramref name="etag"/>; null when another writer got there first.</summary>
    private async Task<string?> ClearPendingAsync(GrainStateId id, string partition, string rowKey, string etag, string writeId, CancellationToken cancellationToken)
    {
        var mark = new TableRow(partition, rowKey) { [Pending] = false, [UnpublishLength] = 0 };
        return await RequestAsync(
            async () =>
            {
                try
                {
                    mark.ETag = etag;
                    return await _tables.MergeAsync(_layout.States, mark, cancellationToken);
                }
                catch (TableRequestException conflict) when (conflict.Status is 404 or 412)
                {
                    // Our own cleared mark (an answer lost on the way) or a reader that repaired the row for us.
                    var current = await _tables.GetAsync(_layout.States, partition, rowKey, cancellationToken);
                    return current is not null && current.GetString(WriteId) == writeId && !current.GetBoolean(Pending) ? current.ETag : null;
                }
            },
            cancellationToken);
    }

    private async Task<(bool Done, GrainStateRecord? Record)> RepairAsync(GrainStateId id, TableRow stored, CancellationToken cancellationToken)
    {
        var entries = StoredEntriesOf(stored);
        var withdrawn = UnpublishedOf(stored);
        if (stored.GetBoolean(Clearing))
        {
            var published = entries.Select(e => e.Key).Concat(withdrawn).Distinct().ToList();
            await Task.WhenAll(published.Select(key => WithdrawAsync(id, key, cancellationToken)));
            try
            {
                await RequestAsync(() => _tables.DeleteAsync(_layout.States, stored.PartitionKey, stored.RowKey, stored.ETag!, cancellationToken), cancellationToken);
                return (true, null);
            }
            catch (TableRequestException conflict) when (conflict.Status is 404 or 412)
            {
                return (false, null);
            }
        }

        await ApplyIndexAsync(id, stored.GetInt64(Version), entries, entries.Select(PostingRows.Of).ToList(), withdrawn, cancellationToken);
        var etag = await ClearPendingAsync(id, stored.PartitionKey, stored.RowKey, stored.ETag!, stored.GetString(WriteId) ?? "", cancellationToken);
        return etag is null ? (false, null) : (true, new GrainStateRecord(TableBlobs.Get(stored, Data), etag));
    }

    private static List<StoredEntry> StoredEntriesOf(TableRow state)
    {
        var bytes = TableBlobs.Get(state, Entries);
        return bytes.Length == 0 ? [] : JsonSerializer.Deserialize<List<StoredEntry>>(bytes) ?? [];
    }

    private static List<(string, string)> UnpublishedOf(TableRow state)
    {
        var bytes = TableBlobs.Get(state, Unpublish);
        return bytes.Length == 0 ? [] : (JsonSerializer.Deserialize<List<string[]>>(bytes) ?? []).Select(k => (k[0], k[1])).ToList();
    }

    // ---- index documents and postings ----

    private Task ApplyIndexAsync(
        GrainStateId owner,
        long version,
        List<StoredEntry> entries,
        List<List<TableRow>> postings,
        List<(string, string)> withdrawn,
        CancellationToken cancellationToken) =>
        Task.WhenAll(entries.Select((entry, i) => PublishAsync(owner, version, entry, postings[i], cancellationToken))
            .Concat(withdrawn.Select(key => WithdrawAsync(owner, key, cancellationToken))));

    /// <summary>
    /// Puts one document in the index. Its document row lists every posting row that may exist before any is
    /// written, so that a crash can leave a posting row too many only where a later write will look for it.
    /// </summary>
    private async Task PublishAsync(GrainStateId owner, long version, StoredEntry entry, List<TableRow> postings, CancellationToken cancellationToken)
    {
        var (partition, rowKey) = TableLayout.DocumentKeys(entry.Index, entry.DocumentId);
        var wanted = postings.Select(p => new PostingKey(p.PartitionKey, p.RowKey)).ToList();
        await AddToWordListAsync(entry, cancellationToken);
        for (var round = 0; round < MaxConflictRounds; round++)
        {
            var document = await RequestAsync(() => _tables.GetAsync(_layout.Documents, partition, rowKey, cancellationToken), cancellationToken);
            if (document is not null && IsOwnedBy(document, owner) && document.GetInt64(Version) > version)
            {
                return;     // a later write of the same state got here first
            }

            var existing = document is null ? [] : PostingKeysOf(document);
            var stale = existing.Except(wanted).ToList();
            var updated = DocumentRow(partition, rowKey, owner, version, [.. wanted, .. stale]);
            string etag;
            try
            {
                updated.ETag = document?.ETag;
                etag = await RequestAsync(
                    () => document is null ? _tables.InsertAsync(_layout.Documents, updated, cancellationToken) : _tables.ReplaceAsync(_layout.Documents, updated, cancellationToken),
                    cancellationToken);
            }
            catch (TableRequestException conflict) when (conflict.Status is 404 or 409 or 412)
            {
                continue;   // changed since it was read (or by our own lost answer): read again; publishing twice is harmless
            }

            await WritePostingsAsync(postings, stale, cancellationToken);
            if (stale.Count > 0)
            {
                var trimmed = DocumentRow(partition, rowKey, owner, version, wanted);
                trimmed.ETag = etag;
                try
                {
                    await RequestAsync(() => _tables.ReplaceAsync(_layout.Documents, trimmed, cancellationToken), cancellationToken);
                }
                catch (TableRequestException conflict) when (conflict.Status is 404 or 412)
                {
                    // Someone wrote the document since; its row now lists what it needs.
                }
            }

            return;
        }

        throw new InconsistentStateException($"Index document '{entry.DocumentId}' of index '{entry.Index}' kept changing while {owner} published it.");
    }

    /// <summary>Removes a document the state published, unless another state has published it since.</summary>
    private async Task WithdrawAsync(GrainStateId owner, (string Index, string DocumentId) key, CancellationToken cancellationToken)
    {
        var (partition, rowKey) = TableLayout.DocumentKeys(key.Index, key.DocumentId);
        for (var round = 0; round < MaxConflictRounds; round++)
        {
            var document = await RequestAsync(() => _tables.GetAsync(_layout.Documents, partition, rowKey, cancellationToken), cancellationToken);
            if (document is null || !IsOwnedBy(document, owner))
            {
                return;
            }

            await WritePostingsAsync([], PostingKeysOf(document), cancellationToken);
            try
            {
                await RequestAsync(() => _tables.DeleteAsync(_layout.Documents, partition, rowKey, document.ETag!, cancellationToken), cancellationToken);
                return;
            }
            catch (TableRequestException conflict) when (conflict.Status is 404 or 412)
            {
                // Changed since it was read: look again.
            }
        }

        throw new InconsistentStateException($"Index document '{key.DocumentId}' of index '{key.Index}' kept changing while {owner} withdrew it.");
    }

    /// <summary>Upserts the rows and deletes the stale keys, one atomic batch per partition.</summary>
    private Task WritePostingsAsync(List<TableRow> rows, List<PostingKey> stale, CancellationToken cancellationToken)
    {
        var wanted = rows.Select(r => new PostingKey(r.PartitionKey, r.RowKey)).ToHashSet();
        var writes = rows.Select(r => (r.PartitionKey, Write: TableWrite.Put(r)))
            .Concat(stale.Where(k => !wanted.Contains(k)).Distinct().Select(k => (k.PartitionKey, Write: TableWrite.Delete(k.RowKey))));
        return Parallel.ForEachAsync(
            writes.GroupBy(w => w.PartitionKey),
            new ParallelOptions { MaxDegreeOfParallelism = MaxParallelBatches, CancellationToken = cancellationToken },
            async (partition, cancel) => await WritePartitionAsync(partition.Key, [.. partition.Select(w => w.Write)], cancel));
    }

    /// <summary>
    /// Adds the entry's words to its index's word list, before their postings, so that a prefix search never misses
    /// a posted word. The rows are never deleted: a word no document holds any more only costs an empty partition.
    /// </summary>
    private async Task AddToWordListAsync(StoredEntry entry, CancellationToken cancellationToken)
    {
        var rows = PostingRows.WordList(entry).Where(row => !_knownWords.ContainsKey((row.PartitionKey, row.RowKey))).ToList();
        foreach (var batch in TableBlobs.Batches(rows))
        {
            await RequestAsync(() => _tables.ExecuteBatchAsync(_layout.Postings, batch[0].PartitionKey, [.. batch.Select(TableWrite.Put)], cancellationToken), cancellationToken);
        }

        if (_knownWords.Count + rows.Count > MaxKnownWords)
        {
            _knownWords.Clear();
        }

        foreach (var row in rows)
        {
            _knownWords.TryAdd((row.PartitionKey, row.RowKey), true);
        }
    }

    private async Task WritePartitionAsync(string partition, List<TableWrite> writes, CancellationToken cancellationToken)
    {
        try
        {
            await RequestAsync(() => _tables.ExecuteBatchAsync(_layout.Postings, partition, writes, cancellationToken), cancellationToken);
        }
        catch (TableRequestException missing) when (missing.Status == 404 && !missing.IsTableNotFound)
        {
            // A row to delete is already gone (an earlier attempt removed it): do the rest one by one.
            var upserts = writes.Where(w => w.Row is not null).ToList();
            if (upserts.Count > 0)
            {
                await RequestAsync(() => _tables.ExecuteBatchAsync(_layout.Postings, partition, upserts, cancellationToken), cancellationToken);
            }

            foreach (var delete in writes.Where(w => w.Row is null))
            {
                try
                {
                    await RequestAsync(() => _tables.DeleteAsync(_layout.Postings, partition, delete.DeleteRowKey!, "*", cancellationToken), cancellationToken);
                }
                catch (TableRequestException gone) when (gone.Status == 404 && !gone.IsTableNotFound)
                {
                }
            }
        }
    }

    private static TableRow DocumentRow(string partition, string rowKey, GrainStateId owner, long version, List<PostingKey> postings)
    {
        var row = new TableRow(partition, rowKey)
        {
            [OwnerType] = owner.GrainType,
            [OwnerKey] = owner.GrainKey,
            [OwnerState] = owner.StateName,
            [Version] = version,
        };
        TableBlobs.Put(row, Keys, JsonSerializer.SerializeToUtf8Bytes(postings.Select(k => new[] { k.PartitionKey, k.RowKey })));
        return row;
    }

    private static List<PostingKey> PostingKeysOf(TableRow document)
    {
        var bytes = TableBlobs.Get(document, Keys);
        return bytes.Length == 0 ? [] : (JsonSerializer.Deserialize<List<string[]>>(bytes) ?? []).Select(k => new PostingKey(k[0], k[1])).ToList();
    }

    private static bool IsOwnedBy(TableRow document, GrainStateId owner) =>
        document.GetString(OwnerType) == owner.GrainType && document.GetString(OwnerKey) == owner.GrainKey && document.GetString(OwnerState) == owner.StateName;

    /// <summary>
    /// Reads one partition of postings in the query's order (the index's own, or the one of its most selective term),
    /// checks the other terms and the text on each row, and hands matches to <paramref name="onMatch"/> until it
    /// returns false. Full-text search is therefore a filtered scan; see README.md for its cost.
    /// </summary>
    private async Task ScanAsync(IndexQuery query, int? fetch, Func<TableRow, StoredEntry?, bool> onMatch, CancellationToken cancellationToken)
    {
        var terms = query.Terms.Distinct().ToList();
        var search = TextSearch.Of(query.Text);
        var partition = await ChoosePartitionAsync(query.Index, terms, cancellationToken);
        if (partition is null)
        {
            return;
        }

        var (start, end) = query.Descending
            ? (TableLayout.DescendingRows, TableLayout.DescendingEnd)
            : (TableLayout.AscendingRows, TableLayout.AscendingEnd);
        var range = query.After is { } after
            ? new TableRange(partition, null, TableLayout.PostingRow(query.Descending, after.SortKey, after.DocumentId), end)
            : new TableRange(partition, start, null, end);
        var filtered = search is not null || terms.Count > 1;
        // A count that filters nothing needs the keys only; everything else needs the entry.
        IReadOnlyList<string>? columns = fetch is null && !filtered ? ProbeColumns : null;

        var found = 0;
        object? continuation = null;
        do
        {
            var take = filtered || fetch is null ? MaxPageRows : Math.Min(MaxPageRows, fetch.Value - found);
            var segment = await RequestAsync(() => _tables.QueryAsync(_layout.Postings, range, take, columns, continuation, cancellationToken), cancellationToken);
            foreach (var row in segment.Rows)
            {
                var entry = columns is null ? PostingRows.EntryOf(row) : null;
                if (entry is not null && !entry.Matches(terms, search))
                {
                    continue;
                }

                found++;
                if (!onMatch(row, entry))
                {
                    return;
                }
            }

            continuation = segment.Continuation;
        }
        while (continuation is not null);
    }

    /// <summary>The index's partition, or the partition of the term with the fewest documents; null when a term has none.</summary>
    private async Task<string?> ChoosePartitionAsync(string index, List<IndexTerm> terms, CancellationToken cancellationToken)
    {
        if (terms.Count == 0)
        {
            return TableLayout.IndexPartition(index);
        }

        if (terms.Count == 1)
        {
            return TableLayout.TermPartition(index, terms[0]);
        }

        var partitions = terms.Select(term => TableLayout.TermPartition(index, term)).ToList();
        var sizes = await Task.WhenAll(partitions.Select(async partition =>
        {
            var range = new TableRange(partition, TableLayout.AscendingRows, null, TableLayout.AscendingEnd);
            var segment = await RequestAsync(() => _tables.QueryAsync(_layout.Postings, range, ProbeCap, ProbeColumns, null, cancellationToken), cancellationToken);
            return segment.Rows.Count == 0 && segment.Continuation is not null ? ProbeCap : segment.Rows.Count;
        }));
        var smallest = Array.IndexOf(sizes, sizes.Min());
        return sizes[smallest] == 0 ? null : partitions[smallest];
    }

    // ---- word postings of documents written before there were any ----

    /// <summary>
    /// True once every document of the tables has its word postings; until then a search with words reads the
    /// index (or a term's partition) and checks the words on each row, which finds documents with or without them.
    /// The first call starts giving earlier documents their word postings, in the background.
    /// </summary>
    private bool WordsArePosted()
    {
        if (!_wordsPosted)
        {
            _ = EnsureWordsPostedAsync(CancellationToken.None);
        }

        return _wordsPosted;
    }

    /// <summary>
    /// Gives every document written without word postings (by a version of the provider that had none) its word
    /// postings, once per set of tables: a marker row says it was done. Runs once at a time; after a failure the next
    /// search starts it again.
    /// </summary>
    internal Task EnsureWordsPostedAsync(CancellationToken cancellationToken)
    {
        lock (_wordPostingLock)
        {
            if (_wordPosting is null || _wordPosting.IsFaulted || _wordPosting.IsCanceled)
            {
                _wordPosting = PostEarlierWordsAsync();
            }

            return _wordPosting.WaitAsync(cancellationToken);
        }
    }

    private async Task PostEarlierWordsAsync()
    {
        // Not the caller's token: the work is shared by every search that waits for it.
        var cancellationToken = CancellationToken.None;
        await Task.Yield();
        if (await RequestAsync(() => _tables.GetAsync(_layout.Postings, TableLayout.MarkerPartition, TableLayout.WordsPostedMarker, cancellationToken), cancellationToken) is null)
        {
            var everyDocument = new TableRange(null, null, null, null);
            object? continuation = null;
            do
            {
                var segment = await RequestAsync(() => _tables.QueryAsync(_layout.Documents, everyDocument, 100, null, continuation, cancellationToken), cancellationToken);
                await Parallel.ForEachAsync(
                    segment.Rows,
                    new ParallelOptions { MaxDegreeOfParallelism = MaxParallelBatches },
                    async (document, cancel) => await PostWordsOfAsync(document, cancel));
                continuation = segment.Continuation;
            }
            while (continuation is not null);

            var marker = new TableRow(TableLayout.MarkerPartition, TableLayout.WordsPostedMarker);
            await RequestAsync(() => _tables.ExecuteBatchAsync(_layout.Postings, marker.PartitionKey, [TableWrite.Put(marker)], cancellationToken), cancellationToken);
        }

        _wordsPosted = true;
    }

    /// <summary>
    /// Adds the word postings a document lacks, taking its words from its row in the index's partition, as a write
    /// of it would: listed in its document row first (If-Match), then written. A write or a withdrawal that gets
    /// there first wins; at worst a withdrawal racing this leaves word postings of a document that is gone, which
    /// searches skip (they read the document of every word posting).
    /// </summary>
    private async Task PostWordsOfAsync(TableRow listed, CancellationToken cancellationToken)
    {
        TableRow? document = listed;
        for (var round = 0; round < MaxConflictRounds && document is not null; round++)
        {
            var keys = PostingKeysOf(document);
            var indexPartition = document.PartitionKey + TableKeys.Separator + "*";
            var ordered = keys.Where(k => k.PartitionKey == indexPartition && k.RowKey.StartsWith(TableLayout.DescendingRows, StringComparison.Ordinal)).ToList();
            if (ordered.Count != 1)
            {
                return;     // a write of it is under way: that write posts its words
            }

            var posting = await RequestAsync(() => _tables.GetAsync(_layout.Postings, indexPartition, ordered[0].RowKey, cancellationToken), cancellationToken);
            if (posting is null || PostingRows.EntryOf(posting) is not { } entry)
            {
                return;
            }

            var known = keys.ToHashSet();
            var missing = PostingRows.Of(entry).Where(row => !known.Contains(new PostingKey(row.PartitionKey, row.RowKey))).ToList();
            if (missing.Count == 0)
            {
                return;
            }

            await AddToWordListAsync(entry, cancellationToken);
            var owner = new GrainStateId(document.GetString(OwnerType)!, document.GetString(OwnerKey)!, document.GetString(OwnerState)!);
            var updated = DocumentRow(document.PartitionKey, document.RowKey, owner, document.GetInt64(Version), [.. keys, .. missing.Select(r => new PostingKey(r.PartitionKey, r.RowKey))]);
            updated.ETag = document.ETag;
            try
            {
                await RequestAsync(() => _tables.ReplaceAsync(_layout.Documents, updated, cancellationToken), cancellationToken);
            }
            catch (TableRequestException conflict) when (conflict.Status is 404 or 412)
            {
                document = await RequestAsync(() => _tables.GetAsync(_layout.Documents, listed.PartitionKey, listed.RowKey, cancellationToken), cancellationToken);
                continue;
            }

            await WritePostingsAsync(missing, [], cancellationToken);
            return;
        }
    }

    // ---- bulk ----

    /// <summary>
    /// Writes index documents in bulk as the states owning them would have published them (document rows, postings,
    /// word lists) but without the states, partition by partition in entity group transactions: for filling empty
    /// tables fast, to measure what searches cost at scale. Not for tables that live writers use.
    /// </summary>
    internal async Task ImportIndexAsync(IEnumerable<(GrainStateId Owner, IndexEntry Entry)> documents, CancellationToken cancellationToken)
    {
        await EnsureWordsPostedAsync(cancellationToken);
        var partitions = new Dictionary<(string Table, string Partition), Dictionary<string, TableRow>>();
        void Add(string table, TableRow row)
        {
            if (!partitions.TryGetValue((table, row.PartitionKey), out var rows))
            {
                partitions[(table, row.PartitionKey)] = rows = new Dictionary<string, TableRow>(StringComparer.Ordinal);
            }

            rows[row.RowKey] = row;
        }

        foreach (var (owner, indexEntry) in documents)
        {
            var entry = StoredEntry.From(indexEntry);
            var postings = PostingRows.Of(entry);
            var (partition, rowKey) = TableLayout.DocumentKeys(entry.Index, entry.DocumentId);
            Add(_layout.Documents, DocumentRow(partition, rowKey, owner, 0, [.. postings.Select(p => new PostingKey(p.PartitionKey, p.RowKey))]));
            postings.ForEach(row => Add(_layout.Postings, row));
            PostingRows.WordList(entry).ForEach(row => Add(_layout.Postings, row));
        }

        var batches = partitions.SelectMany(partition => TableBlobs.Batches(partition.Value.Values).Select(rows => (partition.Key.Table, partition.Key.Partition, rows)));
        await Parallel.ForEachAsync(
            batches,
            new ParallelOptions { MaxDegreeOfParallelism = MaxParallelBatches, CancellationToken = cancellationToken },
            async (batch, cancel) => await RequestAsync(() => _tables.ExecuteBatchAsync(batch.Table, batch.Partition, [.. batch.rows.Select(TableWrite.Put)], cancel), cancel));
    }

    // ---- reads of searches ----

    Task<TableSegment> IPostingReader.ReadPostingsAsync(TableRange range, int take, object? continuation, CancellationToken cancellationToken) =>
        RequestAsync(() => _tables.QueryAsync(_layout.Postings, range, take, null, continuation, cancellationToken), cancellationToken);

    Task<TableRow?> IPostingReader.GetPostingAsync(string partitionKey, string rowKey, CancellationToken cancellationToken) =>
        RequestAsync(() => _tables.GetAsync(_layout.Postings, partitionKey, rowKey, cancellationToken), cancellationToken);

    // ---- requests ----

    /// <summary>
    /// Runs a request (the SDK retries it), creating the tables first, and again if they were deleted under us.
    /// Callers pass only requests that are safe to repeat: reads, upserts, deletes, and conditional writes that
    /// read back on a conflict (a repeated insert or If-Match replace may meet its own first attempt).
    /// </summary>
    private async Task<T> RequestAsync<T>(Func<Task<T>> request, CancellationToken cancellationToken)
    {
        await EnsureTablesAsync(cancellationToken);
        try
        {
            return await TableFailures.TranslateAsync(request);
        }
        catch (TableRequestException missing) when (missing.IsTableNotFound)
        {
            // The tables were deleted (an Azurite restarted empty): the word lists went with them.
            _knownWords.Clear();
            _tablesExist = false;
            await EnsureTablesAsync(cancellationToken);
            return await TableFailures.TranslateAsync(request);
        }
    }

    private Task RequestAsync(Func<Task> request, CancellationToken cancellationToken) =>
        RequestAsync(
            async () =>
            {
                await request();
                return true;
            },
            cancellationToken);

    private async Task EnsureTablesAsync(CancellationToken cancellationToken)
    {
        if (_tablesExist)
        {
            return;
        }

        await _createTables.WaitAsync(cancellationToken);
        try
        {
            if (!_tablesExist)
            {
                // Not cached on failure: the service may be back on the next call.
                await Task.WhenAll(_layout.All.Select(table => TableFailures.TranslateAsync(() => _tables.CreateTableIfNotExistsAsync(table, cancellationToken))));
                _tablesExist = true;
            }
        }
        finally
        {
            _createTables.Release();
        }
    }

    private static AzureTablesGateway CreateGateway(AzureTableStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new AzureTablesGateway(options);
    }
}
