using System.Globalization;
using Collaboration.Grains.Indexing;
using Collaboration.Silo.Storage.Search;
using Microsoft.Data.Sqlite;
using Orleans.Storage;

namespace Collaboration.Silo.Storage.Sqlite;

/// <summary>
/// The writer connection and its prepared statements. Used by the writer thread only: it applies a batch of
/// operations inside one transaction, each under its own savepoint so that a refused one changes nothing.
/// <para>
/// The texts go into FTS5 (index_text) only at <see cref="Commit"/>, all of the batch's kept operations at once and in
/// their order: once FTS5 takes part in a transaction, it writes its pending terms out as a new segment at every
/// savepoint, and SQLite opens one for each statement that needs a statement journal too, so text written along with
/// each operation cost one tiny segment (and its merges) per operation instead of one per batch.
/// </para>
/// </summary>
internal sealed class SqliteBatchWriter : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly List<SqliteCommand> _commands = [];
    private readonly SqliteCommand _begin;
    private readonly SqliteCommand _commit;
    private readonly SqliteCommand _savepoint;
    private readonly SqliteCommand _release;
    private readonly SqliteCommand _rollbackToSavepoint;
    private readonly SqliteCommand _readVersion;
    private readonly SqliteCommand _saveVersion;
    private readonly SqliteCommand _readETag;
    private readonly SqliteCommand _upsertState;
    private readonly SqliteCommand _deleteState;
    private readonly SqliteCommand _readOwnedDocuments;
    private readonly SqliteCommand _selectOwnedDocument;
    private readonly SqliteCommand _selectDocument;
    private readonly SqliteCommand _insertDocument;
    private readonly SqliteCommand _lastRowId;
    private readonly SqliteCommand _selectRowId;
    private readonly SqliteCommand _insertTerm;
    private readonly SqliteCommand _insertText;
    private readonly SqliteCommand _deleteText;
    private readonly SqliteCommand _deleteTerms;
    private readonly SqliteCommand _deleteDocument;
    private readonly SqliteCommand _append;
    private readonly HashSet<string> _touchedIndexes = new(StringComparer.Ordinal);
    private readonly SqliteCommand _insertWord;
    // The documents the state being written published before, by (index, document id): a document written again
    // with the same sort key keeps its rowid, so that rowids keep following the order of the index, which keeps the
    // windows of a text search narrow (see SqliteIndexQueries).
    private readonly Dictionary<(string Index, string DocumentId), (long RowId, long SortKey)> _released = [];
    // Words known to be in index_word (committed), so that most texts add no row there at all.
    private readonly HashSet<string> _committedWords = new(StringComparer.Ordinal);
    // Words inserted by the batch's kept operations and by the current one: they count as known only once committed.
    private readonly HashSet<string> _batchWords = new(StringComparer.Ordinal);
    private readonly HashSet<string> _operationWords = new(StringComparer.Ordinal);
    private readonly HashSet<string> _tokens = new(StringComparer.Ordinal);
    private readonly HashSet<long> _ownedRowIds = [];
    private readonly List<long> _publishedRowIds = [];
    private readonly System.Text.StringBuilder _rowIdList = new();
    // The state whose ETag was checked last, with the rowids of its documents read in the same statement: the write
    // that follows the check unpublishes them without reading the row again.
    private (GrainStateId Id, string? Documents)? _checked;
    // The documents removed and published, as the words above: the in-memory indexes take them once committed.
    private readonly List<IndexChange> _batchChanges = [];
    private readonly List<IndexChange> _operationChanges = [];
    // The text changes waiting for the commit, as the words above: (rowid, null) deletes a text, (rowid, text) inserts one.
    private readonly List<(long RowId, string? Text)> _batchTexts = [];
    private readonly List<(long RowId, string? Text)> _operationTexts = [];
    private long _version;

    public SqliteBatchWriter(SqliteConnection connection)
    {
        _connection = connection;
        // IMMEDIATE takes the write lock up front, so a lock held elsewhere shows at BEGIN, before any change.
        _begin = Prepare("BEGIN IMMEDIATE;");
        _commit = Prepare("COMMIT;");
        _savepoint = Prepare("SAVEPOINT operation;");
        _release = Prepare("RELEASE operation;");
        _rollbackToSavepoint = Prepare("ROLLBACK TO operation; RELEASE operation;");
        _readVersion = Prepare("SELECT value FROM counter WHERE name = 'etag';");
        _saveVersion = Prepare(
            "INSERT INTO counter (name, value) VALUES ('etag', $value) ON CONFLICT (name) DO UPDATE SET value = excluded.value;",
            "$value");
        _readETag = Prepare(
            "SELECT etag, docs FROM grain_state WHERE grain_type = $type AND grain_key = $key AND state_name = $state;",
            "$type", "$key", "$state");
        _upsertState = Prepare(
            """
            INSERT INTO grain_state (grain_type, grain_key, state_name, etag, data, docs) VALUES ($type, $key, $state, $etag, $data, $docs)
            ON CONFLICT (grain_type, grain_key, state_name) DO UPDATE SET etag = excluded.etag, data = excluded.data, docs = excluded.docs;
            """,
            "$type", "$key", "$state", "$etag", "$data", "$docs");
        _deleteState = Prepare(
            "DELETE FROM grain_state WHERE grain_type = $type AND grain_key = $key AND state_name = $state;",
            "$type", "$key", "$state");
        _readOwnedDocuments = Prepare(
            "SELECT docs FROM grain_state WHERE grain_type = $type AND grain_key = $key AND state_name = $state;",
            "$type", "$key", "$state");
        _selectOwnedDocument = Prepare(
            "SELECT index_name, doc_id, sort_key, owner_type, owner_key, owner_state FROM index_doc WHERE id = $id;",
            "$id");
        _selectDocument = Prepare("SELECT id, sort_key FROM index_doc WHERE index_name = $index AND doc_id = $doc;", "$index", "$doc");
        _selectRowId = Prepare("SELECT 1 FROM index_doc WHERE id = $id;", "$id");
        // A null id takes the next rowid. No RETURNING: it makes SQLite open a statement journal (a savepoint) per insert.
        _insertDocument = Prepare(
            """
            INSERT INTO index_doc (id, index_name, doc_id, sort_key, payload, owner_type, owner_key, owner_state)
            VALUES ($id, $index, $doc, $sort, $payload, $type, $key, $state);
            """,
            "$id", "$index", "$doc", "$sort", "$payload", "$type", "$key", "$state");
        _lastRowId = Prepare("SELECT last_insert_rowid();");
        // OR IGNORE: a term listed twice in one entry is one term.
        _insertTerm = Prepare(
            """
            INSERT OR IGNORE INTO index_term (index_name, field, value, sort_key, doc_id, doc)
            VALUES ($index, $field, $value, $sort, $doc, $id);
            """,
            "$index", "$field", "$value", "$sort", "$doc", "$id");
        _insertText = Prepare("INSERT INTO index_text (rowid, text) VALUES ($id, $text);", "$id", "$text");
        _deleteText = Prepare("DELETE FROM index_text WHERE rowid = $id;", "$id");
        _deleteTerms = Prepare("DELETE FROM index_term WHERE doc = $id;", "$id");
        _deleteDocument = Prepare("DELETE FROM index_doc WHERE id = $id;", "$id");
        _append = Prepare(
            """
            INSERT INTO append_log (log, seq, at_ticks, at_offset_minutes, payload) VALUES ($log, $seq, $ticks, $offset, $payload)
            ON CONFLICT (log, seq) DO NOTHING;
            """,
            "$log", "$seq", "$ticks", "$offset", "$payload");
        _insertWord = Prepare("INSERT OR IGNORE INTO index_word (word) VALUES ($word);", "$word");
    }

    /// <summary>The writer's connection, for what must run between transactions (see <see cref="SqliteCheckpointer"/>).</summary>
    public SqliteConnection Connection => _connection;

    /// <summary>The indexes whose documents the current transaction added, replaced or removed.</summary>
    public IReadOnlyCollection<string> TouchedIndexes => _touchedIndexes;

    /// <summary>The documents the last commit removed and published, in order (valid until the next <see cref="Begin"/>).</summary>
    public IReadOnlyList<IndexChange> CommittedChanges => _batchChanges;

    // Bounds the memory of the cache; beyond it, unknown words are simply inserted again (OR IGNORE).
    private const int MaxCachedWords = 200_000;

    public void Begin()
    {
        _touchedIndexes.Clear();
        _begin.ExecuteNonQuery();
        // Read inside the write lock, so that two storages opened on one file never hand out the same ETag.
        _version = _readVersion.ExecuteScalar() is long version ? version : 0;
        _checked = null;
        _batchWords.Clear();
        _batchChanges.Clear();
        _batchTexts.Clear();
        DropOperation();
    }

    public void Commit()
    {
        // Applied without savepoints, the batch's words, changes and texts are still the current operation's.
        KeepOperation();
        WriteTexts();
        Run(_saveVersion, _version);
        _commit.ExecuteNonQuery();
        foreach (var word in _batchWords)
        {
            if (_committedWords.Count >= MaxCachedWords)
            {
                break;
            }

            _committedWords.Add(word);
        }

        _batchWords.Clear();
    }

    public void Rollback() => SqliteConnections.RollbackIfActive(_connection);

    public void BeginOperation()
    {
        _checked = null;
        DropOperation();
        _savepoint.ExecuteNonQuery();
    }

    public void EndOperation()
    {
        _release.ExecuteNonQuery();
        KeepOperation();
    }

    public void UndoOperation()
    {
        _rollbackToSavepoint.ExecuteNonQuery();
        DropOperation();
    }

    public string NextETag() => (++_version).ToString(CultureInfo.InvariantCulture);

    public void CheckETag(GrainStateId id, string? expectedETag)
    {
        Bind(_readETag, id.GrainType, id.GrainKey, id.StateName);
        string? stored = null;
        string? documents = null;
        using (var reader = _readETag.ExecuteReader())
        {
            if (reader.Read())
            {
                stored = reader.GetString(0);
                documents = reader.IsDBNull(1) ? null : reader.GetString(1);
            }
        }

        _checked = (id, documents);
        if (!string.Equals(stored, expectedETag, StringComparison.Ordinal))
        {
            throw StorageArguments.ETagMismatch(id, stored, expectedETag);
        }
    }

    /// <summary>Stores the state with the rowids of the documents the last <see cref="Publish"/> wrote.</summary>
    public void UpsertState(GrainStateId id, byte[] data, string etag)
    {
        _rowIdList.Clear();
        foreach (var rowId in _publishedRowIds)
        {
            _rowIdList.Append(_rowIdList.Length == 0 ? "" : ",").Append(rowId.ToString(CultureInfo.InvariantCulture));
        }

        Run(_upsertState, id.GrainType, id.GrainKey, id.StateName, etag, data, _rowIdList.Length == 0 ? null : _rowIdList.ToString());
    }

    public void DeleteState(GrainStateId id) => Run(_deleteState, id.GrainType, id.GrainKey, id.StateName);

    /// <summary>Removes every document the state published (documents other states took over are theirs now).</summary>
    public void Unpublish(GrainStateId owner)
    {
        _released.Clear();
        string? documents;
        if (_checked is { } checkedState && checkedState.Id == owner)
        {
            documents = checkedState.Documents;
        }
        else
        {
            Bind(_readOwnedDocuments, owner.GrainType, owner.GrainKey, owner.StateName);
            documents = _readOwnedDocuments.ExecuteScalar() as string;
        }

        _checked = null;
        if (string.IsNullOrEmpty(documents))
        {
            return;
        }

        _ownedRowIds.Clear();
        foreach (var part in documents.Split(','))
        {
            _ownedRowIds.Add(long.Parse(part, CultureInfo.InvariantCulture));
        }

        foreach (var rowId in _ownedRowIds)
        {
            Bind(_selectOwnedDocument, rowId);
            using var reader = _selectOwnedDocument.ExecuteReader();
            // A rowid the state listed may since belong to a document another state took over: that one is not its.
            if (reader.Read()
                && reader.GetString(3) == owner.GrainType && reader.GetString(4) == owner.GrainKey && reader.GetString(5) == owner.StateName)
            {
                _released[(reader.GetString(0), reader.GetString(1))] = (rowId, reader.GetInt64(2));
                _touchedIndexes.Add(reader.GetString(0));
                _operationChanges.Add(IndexChange.Removed(reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (rowId, _) in _released.Values)
        {
            DeleteDocument(rowId);
        }
    }

    /// <summary>Publishes the state's documents; called right after <see cref="Unpublish"/> for the same state.</summary>
    public void Publish(GrainStateId owner, IndexEntry[] entries)
    {
        _publishedRowIds.Clear();
        foreach (var entry in entries)
        {
            _touchedIndexes.Add(entry.Index);
            long? keptRowId = _released.Remove((entry.Index, entry.DocumentId), out var released) && released.SortKey == entry.SortKey
                ? released.RowId
                : null;

            // (index, document id) is unique: a document published before, by another state or earlier in this list, is replaced.
            Bind(_selectDocument, entry.Index, entry.DocumentId);
            using (var reader = _selectDocument.ExecuteReader())
            {
                if (reader.Read())
                {
                    var existing = reader.GetInt64(0);
                    keptRowId = reader.GetInt64(1) == entry.SortKey ? existing : keptRowId;
                    reader.Close();
                    DeleteDocument(existing);
                    _operationChanges.Add(IndexChange.Removed(entry.Index, entry.DocumentId));
                }
            }

            // A rowid freed above may have gone to a new document of this list meanwhile (new rowids follow the highest).
            if (keptRowId is { } kept)
            {
                Bind(_selectRowId, kept);
                keptRowId = _selectRowId.ExecuteScalar() is null ? kept : null;
            }

            Run(_insertDocument, keptRowId, entry.Index, entry.DocumentId, entry.SortKey, entry.Payload, owner.GrainType, owner.GrainKey, owner.StateName);
            var rowId = (long)_lastRowId.ExecuteScalar()!;
            _publishedRowIds.Add(rowId);
            _operationChanges.Add(IndexChange.Published(entry));
            foreach (var term in entry.Terms)
            {
                Run(_insertTerm, entry.Index, term.Field, term.Value, entry.SortKey, entry.DocumentId, rowId);
            }

            // Every document gets a text row, even an empty one, so that deleting it by rowid is always exact.
            _operationTexts.Add((rowId, entry.Text ?? string.Empty));
            AddWords(entry.Text);
        }
    }

    public void Append(string log, long sequence, DateTimeOffset at, string payload)
    {
        if (Run(_append, log, sequence, at.UtcTicks, (long)at.Offset.TotalMinutes, payload) == 0)
        {
            throw new InconsistentStateException($"Sequence number {sequence} of log '{log}' is already taken.");
        }
    }

    public void Dispose()
    {
        foreach (var command in _commands)
        {
            command.Dispose();
        }

        _connection.Dispose();
    }

    private void AddWords(string? text)
    {
        _tokens.Clear();
        TextWords.AddTokens(text, _tokens);
        foreach (var word in _tokens)
        {
            if (!_committedWords.Contains(word) && !_batchWords.Contains(word) && _operationWords.Add(word))
            {
                Run(_insertWord, word);
            }
        }
    }

    /// <summary>The current operation's words, index changes and text changes become the batch's.</summary>
    private void KeepOperation()
    {
        _batchWords.UnionWith(_operationWords);
        _batchChanges.AddRange(_operationChanges);
        _batchTexts.AddRange(_operationTexts);
        DropOperation();
    }

    private void DropOperation()
    {
        _operationWords.Clear();
        _operationChanges.Clear();
        _operationTexts.Clear();
    }

    /// <summary>The batch's text changes in their order, so a rowid deleted and written again ends with its last text.</summary>
    private void WriteTexts()
    {
        foreach (var (rowId, text) in _batchTexts)
        {
            if (text is null)
            {
                Run(_deleteText, rowId);
            }
            else
            {
                Run(_insertText, rowId, text);
            }
        }

        _batchTexts.Clear();
    }

    private void DeleteDocument(long rowId)
    {
        _operationTexts.Add((rowId, null));
        Run(_deleteTerms, rowId);
        Run(_deleteDocument, rowId);
    }

    private SqliteCommand Prepare(string sql, params string[] parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        _commands.Add(command);
        return command;
    }

    private static int Run(SqliteCommand command, params object?[] values)
    {
        Bind(command, values);
        return command.ExecuteNonQuery();
    }

    private static void Bind(SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }
    }
}
