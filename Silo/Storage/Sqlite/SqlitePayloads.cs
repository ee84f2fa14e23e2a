using Collaboration.Grains.Indexing;
using Collaboration.Silo.Storage.Search;
using Microsoft.Data.Sqlite;

namespace Collaboration.Silo.Storage.Sqlite;

/// <summary>
/// The payloads of the documents an in-memory index found, read by rowid: the memory holds no payloads, which are
/// most of an index's bytes.
/// </summary>
internal static class SqlitePayloads
{
    // One statement text for every read, so that it stays prepared, and two parameters: the rowids go as one JSON
    // array rather than one parameter each (each bound by name on every run). `+index_name` keeps SQLite on the
    // rowids instead of walking the index's documents by the index on index_name.
    private const string Sql =
        "SELECT id, doc_id, sort_key, payload FROM index_doc WHERE id IN (SELECT value FROM json_each($rows)) AND +index_name = $index;";

    /// <summary>The hits in the order found; null when a document is no longer at its row as found (a commit the memory has not taken yet).</summary>
    public static List<IndexHit>? TryRead(SqliteConnection connection, string index, List<SearchHit> found)
    {
        if (found.Count == 0)
        {
            return [];
        }

        var byRow = new Dictionary<long, int>(found.Count);
        for (var i = 0; i < found.Count; i++)
        {
            byRow[found[i].RowId] = i;
        }

        var hits = new IndexHit?[found.Count];
        using var command = connection.CreateCommand();
        command.CommandText = Sql;
        command.Parameters.AddWithValue("$rows", $"[{string.Join(',', found.Select(h => h.RowId))}]");
        command.Parameters.AddWithValue("$index", index);
        using (var reader = SqliteStatementCache.Reuse(command).ExecuteReader())
        {
            while (reader.Read())
            {
                var position = byRow[reader.GetInt64(0)];
                var hit = found[position];
                if (reader.GetInt64(2) != hit.SortKey || reader.GetString(1) != hit.DocumentId)
                {
                    return null;
                }

                hits[position] = new IndexHit(hit.DocumentId, hit.SortKey, reader.IsDBNull(3) ? null : reader.GetString(3));
            }
        }

        // A row not read is gone, or now another index's document.
        var page = new List<IndexHit>(hits.Length);
        foreach (var hit in hits)
        {
            if (hit is null)
            {
                return null;
            }

            page.Add(hit);
        }

        return page;
    }
}
