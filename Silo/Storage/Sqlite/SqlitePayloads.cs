using System.Text;
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
    // One statement text for every read (a short chunk repeats its last rowid), so that it stays prepared.
    private const int RowsPerStatement = 32;

    private static readonly string Sql = new StringBuilder("SELECT id, index_name, doc_id, sort_key, payload FROM index_doc WHERE id IN (")
        .AppendJoin(", ", Enumerable.Range(0, RowsPerStatement).Select(i => $"$r{i}"))
        .Append(");")
        .ToString();

    /// <summary>The hits in the order found; null when a document is no longer at its row as found (a commit the memory has not taken yet).</summary>
    public static List<IndexHit>? TryRead(SqliteConnection connection, string index, List<SearchHit> found)
    {
        var hits = new List<IndexHit>(found.Count);
        if (found.Count == 0)
        {
            return hits;
        }

        var payloads = new Dictionary<long, string?>(found.Count);
        var byRow = new Dictionary<long, SearchHit>(found.Count);
        foreach (var hit in found)
        {
            byRow[hit.RowId] = hit;
        }

        using var command = connection.CreateCommand();
        command.CommandText = Sql;
        for (var i = 0; i < RowsPerStatement; i++)
        {
            command.Parameters.Add(new SqliteParameter($"$r{i}", 0L));
        }

        for (var start = 0; start < found.Count; start += RowsPerStatement)
        {
            var statement = SqliteStatementCache.Reuse(command);
            for (var i = 0; i < RowsPerStatement; i++)
            {
                statement.Parameters[i].Value = found[Math.Min(start + i, found.Count - 1)].RowId;
            }

            using var reader = statement.ExecuteReader();
            while (reader.Read())
            {
                var rowId = reader.GetInt64(0);
                var hit = byRow[rowId];
                if (reader.GetString(1) != index || reader.GetString(2) != hit.DocumentId || reader.GetInt64(3) != hit.SortKey)
                {
                    return null;
                }

                payloads[rowId] = reader.IsDBNull(4) ? null : reader.GetString(4);
            }
        }

        foreach (var hit in found)
        {
            if (!payloads.TryGetValue(hit.RowId, out var payload))
            {
                return null;
            }

            hits.Add(new IndexHit(hit.DocumentId, hit.SortKey, payload));
        }

        return hits;
    }
}
