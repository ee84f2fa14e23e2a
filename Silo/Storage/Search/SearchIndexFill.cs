using Collaboration.Grains.Indexing;
using Collaboration.Silo.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Collaboration.Silo.Storage.Search;

/// <summary>
/// Fills the in-memory indexes from a SQLite file: documents from <c>index_doc</c>, terms from <c>index_term</c>, and
/// each document's words in order from FTS5 itself (an <c>fts5vocab</c> table of kind <c>instance</c>: every token
/// with its document and position), since the texts are stored nowhere else.
/// </summary>
internal static class SearchIndexFill
{
    public static void Run(SqliteConnection connection, Dictionary<string, SearchIndex> indexes)
    {
        var documents = new Dictionary<long, (SearchIndex Index, int Slot)>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT id, index_name, doc_id, sort_key FROM index_doc;";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var name = reader.GetString(1);
                if (!indexes.TryGetValue(name, out var index))
                {
                    indexes[name] = index = new SearchIndex();
                }

                var rowId = reader.GetInt64(0);
                documents[rowId] = (index, index.Place(reader.GetString(2), reader.GetInt64(3), rowId, [], []));
            }
        }

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
        // Each document's tokens by position; a position FTS5 holds no token at stays -1 (no phrase spans it).
        var sequences = new Dictionary<long, int[]>();
        var lengths = new Dictionary<long, int>();
        SqliteConnections.Execute(connection, "CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_fill_words USING fts5vocab(main, index_text, 'instance');");
        try
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT term, doc, offset FROM temp.search_fill_words;";
            using var reader = command.ExecuteReader();
            string? term = null;
            var wordIds = new Dictionary<SearchIndex, int>();
            while (reader.Read())
            {
                var rowId = reader.GetInt64(1);
                if (!documents.TryGetValue(rowId, out var document))
                {
                    continue;
                }

                // Rows come term by term: the term's string and numbers are looked up once per term.
                var current = reader.GetString(0);
                if (!string.Equals(current, term, StringComparison.Ordinal))
                {
                    term = current;
                    wordIds.Clear();
                }

                if (!wordIds.TryGetValue(document.Index, out var wordId))
                {
                    wordIds[document.Index] = wordId = document.Index.WordId(current);
                }

                var offset = reader.GetInt32(2);
                if (!sequences.TryGetValue(rowId, out var sequence))
                {
                    sequence = [];
                }

                if (offset >= sequence.Length)
                {
                    var grown = new int[Math.Max(offset + 1, sequence.Length * 2)];
                    Array.Fill(grown, -1);
                    sequence.CopyTo(grown, 0);
                    sequence = grown;
                }

                sequences[rowId] = sequence;
                sequence[offset] = wordId;
                lengths[rowId] = Math.Max(offset + 1, lengths.GetValueOrDefault(rowId));
            }
        }
        finally
        {
            SqliteConnections.Execute(connection, "DROP TABLE IF EXISTS temp.search_fill_words;");
        }

        foreach (var (rowId, sequence) in sequences)
        {
            var (index, slot) = documents[rowId];
            index.SetSequence(slot, sequence[..lengths[rowId]]);
        }
    }
}
