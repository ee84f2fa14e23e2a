using System.Diagnostics;
using Collaboration.Grains.Indexing;
using Collaboration.Silo.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Collaboration.Silo.Storage.Search;

/// <summary>
/// Every index of a SQLite store held in memory (<see cref="SearchIndex"/>), so that lists and searches are answered
/// by walking posting lists instead of SQLite's B-trees and FTS5, with the payloads held beside them (as UTF-8, about
/// 46 MB for 100,000 exchanges), so that an answer reads nothing from the file. The store stays the durable copy: the indexes are
/// filled from a snapshot of its file once, at open, beside the writer, and follow its commits, each applied right
/// after it succeeded (never ahead of it; those committed during the fill right after it). Until the fill is done, or
/// when a query's words are beyond what this folding matches exactly as FTS5 (characters above U+FFFF), the store
/// answers instead.
/// </summary>
internal sealed class SearchIndexes
{
    private readonly ReaderWriterLockSlim _lock = new(LockRecursionPolicy.NoRecursion);
    private readonly Dictionary<string, SearchIndex> _indexes = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _filled = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _gate = new();
    // Every commit's changes from the start until the fill is done, to apply to what it read: kept from before the
    // fill's snapshot is taken, so that no commit falls between the two.
    private List<IndexChange>? _pending = [];
    private volatile bool _ready;

    /// <summary>Completes once the indexes were filled from the file (or the fill failed and the store answers).</summary>
    public Task Filled => _filled.Task;

    public bool IsReady => _ready;

    /// <summary>Why the indexes were given up (the fill or a commit's changes failed), so the store answers; null while they serve.</summary>
    public Exception? Failure { get; private set; }

    /// <summary>How long the fill took; zero until it is done.</summary>
    public TimeSpan FillTime { get; private set; }

    /// <summary>
    /// Fills the indexes from a snapshot of the file (one read transaction), then applies the changes committed
    /// meanwhile, and only then answers; with no connection (the file could not be opened), leaves every query to the
    /// store. Runs beside the writer: commits go on during the fill.
    /// </summary>
    /// <param name="snapshotTaken">Called once the snapshot is taken and before the rest is read.</param>
    public void Fill(SqliteConnection? connection, Action? snapshotTaken = null)
    {
        if (_filled.Task.IsCompleted)
        {
            return;
        }

        if (connection is null)
        {
            GiveUpFill(null);
            return;
        }

        var watch = Stopwatch.StartNew();
        try
        {
            var filled = new Dictionary<string, SearchIndex>(StringComparer.Ordinal);
            SqliteConnections.Execute(connection, "BEGIN;");
            try
            {
                SearchIndexFill.Run(connection, filled, snapshotTaken);
            }
            finally
            {
                SqliteConnections.RollbackIfActive(connection);
            }

            lock (_gate)
            {
                _lock.EnterWriteLock();
                try
                {
                    _indexes.Clear();
                    foreach (var (name, index) in filled)
                    {
                        _indexes[name] = index;
                    }

                    // Each change sets or removes a whole document, so one the snapshot already holds is applied again
                    // harmlessly; what matters is that every later one is applied, in order.
                    ApplyUnderLock(_pending ?? []);
                }
                finally
                {
                    _lock.ExitWriteLock();
                }

                _pending = null;
                FillTime = watch.Elapsed;
                _ready = true;
            }
        }
        catch (Exception exception)
        {
            // Without its indexes in memory the store still answers every query, only slower.
            GiveUpFill(exception);
            return;
        }

        _filled.TrySetResult();
    }

    /// <summary>Applies a commit's changes, in the order they were made; kept for later while the fill reads.</summary>
    public void Apply(IReadOnlyList<IndexChange> changes)
    {
        if (changes.Count == 0)
        {
            return;
        }

        if (!_ready)
        {
            lock (_gate)
            {
                if (!_ready)
                {
                    _pending?.AddRange(changes);
                    return;
                }
            }
        }

        _lock.EnterWriteLock();
        try
        {
            ApplyUnderLock(changes);
        }
        catch (Exception exception)
        {
            // The commit stands whatever happens here; an index that missed a change would answer wrongly, so from
            // here on the store answers.
            Failure = exception;
            _ready = false;
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>The page's documents, or null when the store must answer. Malformed text throws <see cref="ArgumentException"/>.</summary>
    public List<SearchHit>? TryQuery(IndexQuery query, int fetch)
    {
        if (!_ready || ParseAnswerable(query.Text) is not { } text)
        {
            return null;
        }

        _lock.EnterReadLock();
        try
        {
            return _indexes.TryGetValue(query.Index, out var index) ? index.Query(query, text, fetch) : [];
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    public long? TryCount(IndexQuery query)
    {
        if (!_ready || ParseAnswerable(query.Text) is not { } text)
        {
            return null;
        }

        _lock.EnterReadLock();
        try
        {
            return _indexes.TryGetValue(query.Index, out var index) ? index.CountMatches(query, text) : 0;
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>The documents held and the bytes they take, roughly, per index.</summary>
    public IReadOnlyDictionary<string, (int Documents, long Bytes)> Sizes()
    {
        _lock.EnterReadLock();
        try
        {
            return _indexes.ToDictionary(i => i.Key, i => (i.Value.Count, i.Value.Bytes()), StringComparer.Ordinal);
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    private void ApplyUnderLock(IReadOnlyList<IndexChange> changes)
    {
        foreach (var change in changes)
        {
            var index = IndexOf(change.Index);
            if (change.Entry is { } entry)
            {
                index.Add(entry);
            }
            else
            {
                index.Remove(change.DocumentId);
            }
        }
    }

    private void GiveUpFill(Exception? exception)
    {
        lock (_gate)
        {
            Failure = exception;
            _pending = null;
            _lock.EnterWriteLock();
            _indexes.Clear();
            _lock.ExitWriteLock();
        }

        _filled.TrySetResult();
    }

    private SearchIndex IndexOf(string name)
    {
        if (!_indexes.TryGetValue(name, out var index))
        {
            _indexes[name] = index = new SearchIndex();
        }

        return index;
    }

    // FTS5 folds characters above U+FFFF differently from TextWords: a query with such a word is left to it.
    private static SearchQuery? ParseAnswerable(string? text)
    {
        var query = SearchQuery.Parse(text);
        foreach (var phrase in query.Groups.SelectMany(g => g).Concat(query.Excluded))
        {
            foreach (var word in phrase.Words)
            {
                if (!TextWords.IsInBasicPlane(word.Text))
                {
                    return null;
                }
            }
        }

        return query;
    }
}
