using System.Globalization;
using Collaboration.Grains.Indexing;
using Collaboration.Grains.Storage;
using Orleans.Storage;

namespace Collaboration.Silo.Storage.Memory;

/// <summary>
/// Grain states, index documents and append logs kept in process memory, for tests. It follows the same rules as
/// the SQLite provider: ETags, atomic replacement of a state's index entries, text matching of
/// <see cref="IndexQuery.Text"/>, keyset paging. Nothing survives the process.
/// </summary>
public sealed class MemoryStorage : IGrainStateStore, IGrainIndex, IAppendLog, IStorageHealth
{
    // One lock for everything: a write must replace a state and its index entries in one step.
    private readonly Lock _lock = new();
    private readonly Dictionary<GrainStateId, GrainStateRecord> _states = [];
    private readonly Dictionary<GrainStateId, List<Document>> _published = [];
    private readonly Dictionary<string, Dictionary<string, Document>> _indexes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SortedList<long, LogRecord>> _logs = new(StringComparer.Ordinal);
    private long _version;

    public Task<GrainStateRecord?> ReadAsync(GrainStateId id, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            // Copies, so that a caller changing its bytes cannot change what is stored.
            return Task.FromResult(_states.TryGetValue(id, out var record) ? record with { Data = [.. record.Data] } : null);
        }
    }

    public Task<string> WriteAsync(
        GrainStateId id,
        ReadOnlyMemory<byte> data,
        string? expectedETag,
        IReadOnlyList<IndexEntry> indexEntries,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(indexEntries);
        StorageArguments.Validate(id);
        StorageArguments.Validate(indexEntries);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            CheckETag(id, expectedETag);
            var etag = (++_version).ToString(CultureInfo.InvariantCulture);
            _states[id] = new GrainStateRecord(data.ToArray(), etag);
            Unpublish(id);
            Publish(id, indexEntries);
            return Task.FromResult(etag);
        }
    }

    public Task ClearAsync(GrainStateId id, string? expectedETag, CancellationToken cancellationToken = default)
    {
        StorageArguments.Validate(id);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            CheckETag(id, expectedETag);
            _states.Remove(id);
            Unpublish(id);
            return Task.CompletedTask;
        }
    }

    public Task<IndexPage> QueryAsync(IndexQuery query, CancellationToken cancellationToken = default)
    {
        StorageArguments.Validate(query);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            var matches = Match(query);
            var ordered = query.Descending
                ? matches.OrderByDescending(d => d.SortKey).ThenByDescending(d => d.DocumentId, StringComparer.Ordinal)
                : matches.OrderBy(d => d.SortKey).ThenBy(d => d.DocumentId, StringComparer.Ordinal);
            var page = ordered
                .Where(d => query.After is not { } after || IsAfter(d, after, query.Descending))
                .Take(StorageArguments.FetchCount(query.Limit))
                .Select(d => new IndexHit(d.DocumentId, d.SortKey, d.Payload))
                .ToList();
            return Task.FromResult(StorageArguments.ToPage(page, query.Limit));
        }
    }

    public Task<long> CountAsync(IndexQuery query, CancellationToken cancellationToken = default)
    {
        StorageArguments.Validate(query);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            return Task.FromResult((long)Match(query).Count());
        }
    }

    public Task AppendAsync(string log, long sequence, DateTimeOffset at, string payload, CancellationToken cancellationToken = default)
    {
        StorageArguments.ValidateAppend(log, sequence, payload);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            if (!_logs.TryGetValue(log, out var records))
            {
                _logs[log] = records = [];
            }

            if (!records.TryAdd(sequence, new LogRecord(sequence, at, payload)))
            {
                throw new InconsistentStateException($"Sequence number {sequence} of log '{log}' is already taken.");
            }

            return Task.CompletedTask;
        }
    }

    public Task AppendAsync(string log, IReadOnlyList<LogRecord> records, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        foreach (var record in records)
        {
            StorageArguments.ValidateAppend(log, record.Sequence, record.Payload);
        }

        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            if (!_logs.TryGetValue(log, out var existing))
            {
                _logs[log] = existing = [];
            }

            // All or none: check every number before adding any.
            if (records.FirstOrDefault(r => existing.ContainsKey(r.Sequence)) is { } taken)
            {
                throw new InconsistentStateException($"Sequence number {taken.Sequence} of log '{log}' is already taken.");
            }

            foreach (var record in records)
            {
                existing.Add(record.Sequence, record);
            }

            return Task.CompletedTask;
        }
    }

    public Task<IReadOnlyList<AppendOutcome>> AppendWithStatesAsync(
        string log, long firstSequence, IReadOnlyList<LogAppend> appends, CancellationToken cancellationToken = default)
    {
        StorageArguments.ValidateAppends(log, firstSequence, appends);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            if (!_logs.TryGetValue(log, out var existing))
            {
                _logs[log] = existing = [];
            }

            // All or none: every check (ETags, free numbers) before any change.
            var outcomes = new AppendOutcome[appends.Count];
            var payloads = new string[appends.Count];
            var sequence = firstSequence;
            for (var i = 0; i < appends.Count; i++)
            {
                if (appends[i].State is { } state && Refusal(StorageArguments.StateIdOf(state), state.ExpectedETag) is { } refusal)
                {
                    outcomes[i] = AppendOutcome.Refused(refusal);
                    continue;
                }

                if (existing.ContainsKey(sequence))
                {
                    throw new InconsistentStateException($"Sequence number {sequence} of log '{log}' is already taken.");
                }

                payloads[i] = appends[i].Payload(sequence);
                outcomes[i] = new AppendOutcome(sequence++, null, null);
            }

            for (var i = 0; i < appends.Count; i++)
            {
                if (outcomes[i].Refusal is not null)
                {
                    continue;
                }

                string? etag = null;
                if (appends[i].State is { } state)
                {
                    var id = StorageArguments.StateIdOf(state);
                    etag = (++_version).ToString(CultureInfo.InvariantCulture);
                    _states[id] = new GrainStateRecord([.. state.Data], etag);
                    Unpublish(id);
                    Publish(id, state.IndexEntries);
                }

                var seq = outcomes[i].Sequence;
                existing.Add(seq, new LogRecord(seq, appends[i].At, payloads[i]));
                outcomes[i] = outcomes[i] with { ETag = etag };
            }

            return Task.FromResult<IReadOnlyList<AppendOutcome>>(outcomes);
        }
    }

    public Task<IReadOnlyList<LogRecord>> ReadAsync(string log, long after, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            IReadOnlyList<LogRecord> records = _logs.TryGetValue(log, out var all)
                ? all.Values.Where(r => r.Sequence > after).Take(limit).ToList()
                : [];
            return Task.FromResult(records);
        }
    }

    public Task<long> GetLastSequenceAsync(string log, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(log);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            return Task.FromResult(_logs.TryGetValue(log, out var records) && records.Count > 0 ? records.Keys[^1] : 0L);
        }
    }

    public Task CheckAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.CompletedTask;
    }

    private void CheckETag(GrainStateId id, string? expectedETag)
    {
        if (Refusal(id, expectedETag) is { } refusal)
        {
            throw refusal;
        }
    }

    private InconsistentStateException? Refusal(GrainStateId id, string? expectedETag)
    {
        var stored = _states.TryGetValue(id, out var record) ? record.ETag : null;
        return string.Equals(stored, expectedETag, StringComparison.Ordinal) ? null : StorageArguments.ETagMismatch(id, stored, expectedETag);
    }

    private void Unpublish(GrainStateId owner)
    {
        if (!_published.Remove(owner, out var documents))
        {
            return;
        }

        foreach (var document in documents)
        {
            var index = _indexes[document.Index];
            // A document another state has taken over since is no longer this owner's to remove.
            if (index.TryGetValue(document.DocumentId, out var current) && ReferenceEquals(current, document))
            {
                index.Remove(document.DocumentId);
            }
        }
    }

    private void Publish(GrainStateId owner, IReadOnlyList<IndexEntry> entries)
    {
        var published = new List<Document>(entries.Count);
        foreach (var entry in entries)
        {
            if (!_indexes.TryGetValue(entry.Index, out var index))
            {
                _indexes[entry.Index] = index = new Dictionary<string, Document>(StringComparer.Ordinal);
            }

            List<string> sequence = [.. TextWords.Split(entry.Text).Select(TextWords.Fold)];
            var document = new Document(
                entry.Index,
                entry.DocumentId,
                entry.SortKey,
                entry.Payload,
                [.. entry.Terms],
                [.. sequence],
                sequence);
            index[entry.DocumentId] = document;
            published.Add(document);
        }

        if (published.Count > 0)
        {
            _published[owner] = published;
        }
    }

    private IEnumerable<Document> Match(IndexQuery query)
    {
        if (!_indexes.TryGetValue(query.Index, out var index))
        {
            return [];
        }

        var search = TextSearch.Of(query.Text);
        return index.Values.Where(d => query.Terms.All(d.Terms.Contains) && (search is null || search.Matches(d.Words, d.Sequence)));
    }

    private static bool IsAfter(Document document, IndexCursor after, bool descending)
    {
        var order = document.SortKey.CompareTo(after.SortKey);
        if (order == 0)
        {
            order = string.CompareOrdinal(document.DocumentId, after.DocumentId);
        }

        return descending ? order < 0 : order > 0;
    }

    private sealed record Document(
        string Index,
        string DocumentId,
        long SortKey,
        string? Payload,
        HashSet<IndexTerm> Terms,
        HashSet<string> Words,
        List<string> Sequence);
}
