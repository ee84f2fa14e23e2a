using Collaboration.Grains.Indexing;
using Collaboration.Silo.Storage.Sqlite;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Collaboration.Silo.Storage.Search;

/// <summary>
/// Fills the in-memory indexes from a SQLite file: documents with their payloads from <c>index_doc</c>, terms from
/// <c>index_term</c>, and each document's words in order from FTS5 itself (an <c>fts5vocab</c> table of kind
/// <c>instance</c>: every token with its document and position), since the texts are stored nowhere else.
/// </summary>
internal static class SearchIndexFill
{
    /// <summary>Reads every index into <paramref name="indexes"/>; the caller holds one read transaction around it.</summary>
    /// <param name="snapshotTaken">Called after the first read, which takes the transaction's snapshot.</param>
    public static void Run(SqliteConnection connection, Dictionary<string, SearchIndex> indexes, Action? snapshotTaken = null)
    {
        var documents = new Dictionary<long, (SearchIndex Index, int Slot)>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT id, index_name, doc_id, sort_key, payload FROM index_doc;";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var name = reader.GetString(1);
                if (!indexes.TryGetValue(name, out var index))
                {
                    indexes[name] = index = new SearchIndex();
                }

                var rowId = reader.GetInt64(0);
                // The text's bytes as the file holds them: UTF-8, the encoding SQLite gives a new file and this store keeps.
                var payload = reader.IsDBNull(4) ? null : reader.GetFieldValue<byte[]>(4);
                documents[rowId] = (index, index.Place(reader.GetString(2), reader.GetInt64(3), payload, [], []));
            }
        }

        snapshotTaken?.Invoke();

        var terms = new Dictionary<long, List<int>>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT doc, field, value FROM index_term;";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var rowId = reader.GetInt64(0);
                if (!documents.TryGetValue(rowId, out var document))
                {
                    continue;
                }

                var id = document.Index.TermId(new IndexTerm(reader.GetString(1), reader.GetString(2)));
                if (!terms.TryGetValue(rowId, out var list))
                {
                    terms[rowId] = list = [];
                }

                if (!list.Contains(id))
                {
                    list.Add(id);
                }
            }
        }

        foreach (var (rowId, list) in terms)
        {
            var (index, slot) = documents[rowId];
            index.SetTerms(slot, [.. list]);
        }

        FillWords(connection, documents);
        foreach (var index in indexes.Values)
        {
            index.PostAllPlaced();
        }
    }

    private static void FillWords(SqliteConnection connection, Dictionary<long, (SearchIndex Index, int Slot)> documents)
    {
        var sequences = DocumentSequences.For(documents);
        SqliteConnections.Execute(connection, "CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_fill_words USING fts5vocab(main, index_text, 'instance');");
        try
        {
            ReadInstances(connection, sequences);
        }
        finally
        {
            SqliteConnections.Execute(connection, "DROP TABLE IF EXISTS temp.search_fill_words;");
        }

        sequences.SetAll();
    }

    /// <summary>
    /// Every token FTS5 holds, some ten million rows for 100,000 exchanges: read through SQLite's own API, so that a
    /// row costs no string (the term is decoded only when it changes: rows come term by term) and one lookup.
    /// </summary>
    private static void ReadInstances(SqliteConnection connection, DocumentSequences sequences)
    {
        var database = connection.Handle!;
        var rc = raw.sqlite3_prepare_v2(database, "SELECT term, doc, offset FROM temp.search_fill_words;", out var statement);
        SqliteException.ThrowExceptionForRC(rc, database);
        using (statement)
        {
            var term = new byte[64];
            var termLength = -1;
            string? word = null;
            // The word's number in each index, looked up once per term.
            var wordIds = new Dictionary<SearchIndex, int>();
            while ((rc = raw.sqlite3_step(statement)) == raw.SQLITE_ROW)
            {
                if (sequences.Find(raw.sqlite3_column_int64(statement, 1)) is not { } document)
                {
                    continue;
                }

                var current = raw.sqlite3_column_blob(statement, 0);
                if (termLength < 0 || !current.SequenceEqual(term.AsSpan(0, termLength)))
                {
                    if (current.Length > term.Length)
                    {
                        term = new byte[Math.Max(current.Length, term.Length * 2)];
                    }

                    current.CopyTo(term);
                    termLength = current.Length;
                    word = Encoding.UTF8.GetString(current);
                    wordIds.Clear();
                }

                if (!wordIds.TryGetValue(document.Index, out var wordId))
                {
                    wordIds[document.Index] = wordId = document.Index.WordId(word!);
                }

                document.Add(raw.sqlite3_column_int(statement, 2), wordId);
            }

            if (rc != raw.SQLITE_DONE)
            {
                SqliteException.ThrowExceptionForRC(rc, database);
            }
        }
    }

    /// <summary>One document's tokens by position; a position FTS5 holds no token at stays -1 (no phrase spans it).</summary>
    private sealed class DocumentSequence(SearchIndex index, int slot)
    {
        private int[] _sequence = [];
        private int _length;

        public SearchIndex Index { get; } = index;

        public void Add(int offset, int wordId)
        {
            if (offset >= _sequence.Length)
            {
                var grown = new int[Math.Max(offset + 1, _sequence.Length * 2)];
                Array.Fill(grown, -1);
                _sequence.CopyTo(grown, 0);
                _sequence = grown;
            }

            _sequence[offset] = wordId;
            _length = Math.Max(_length, offset + 1);
        }

        public void Set()
        {
            if (_length > 0)
            {
                Index.SetSequence(slot, _sequence[.._length]);
            }
        }
    }

    /// <summary>The documents by rowid: in an array when rowids are dense (they are, short of many deletions), else hashed.</summary>
    private sealed class DocumentSequences
    {
        private readonly DocumentSequence?[]? _byRowId;
        private readonly Dictionary<long, DocumentSequence>? _hashed;

        private DocumentSequences(DocumentSequence?[]? byRowId, Dictionary<long, DocumentSequence>? hashed) =>
            (_byRowId, _hashed) = (byRowId, hashed);

        public static DocumentSequences For(Dictionary<long, (SearchIndex Index, int Slot)> documents)
        {
            var highest = documents.Count == 0 ? 0 : documents.Keys.Max();
            var lowest = documents.Count == 0 ? 0 : documents.Keys.Min();
            if (lowest >= 0 && highest <= 4L * documents.Count + 1024)
            {
                var byRowId = new DocumentSequence?[highest + 1];
                foreach (var (rowId, (index, slot)) in documents)
                {
                    byRowId[rowId] = new DocumentSequence(index, slot);
                }

                return new DocumentSequences(byRowId, null);
            }

            return new DocumentSequences(null, documents.ToDictionary(d => d.Key, d => new DocumentSequence(d.Value.Index, d.Value.Slot)));
        }

        public DocumentSequence? Find(long rowId) => _byRowId is { } byRowId
            ? (ulong)rowId < (ulong)byRowId.Length ? byRowId[rowId] : null
            : _hashed!.GetValueOrDefault(rowId);

        public void SetAll()
        {
            foreach (var document in (IEnumerable<DocumentSequence?>?)_byRowId ?? _hashed!.Values)
            {
                document?.Set();
            }
        }
    }
}
