using System.Text;
using Collaboration.Silo.Indexing;
using Microsoft.Data.Sqlite;

namespace Collaboration.Silo.Storage.Sqlite;

/// <summary>
/// Answers index queries with parameters only (user text reaches SQLite as a bound FTS5 expression, never as SQL).
/// <para>
/// A query reads from the narrowest of its sources, each probed first with a capped count: the rows of one term
/// (kept in document order, so a page stops after LIMIT rows), the text matches (few enough to sort), or the
/// whole index in order. The other conditions are checked row by row against primary keys.
/// </para>
/// <para>
/// Document ids compare with SQLite's BINARY collation (UTF-8 bytes, that is code points), which agrees with .NET's
/// ordinal order except between characters above U+FFFF and those from U+E000 to U+FFFF.
/// </para>
/// </summary>
internal static class SqliteIndexQueries
{
    // Text matches below this many are read and sorted; above it, reading a term or the index in order is cheaper.
    private const int ProbeCap = 2000;

    public static IndexPage Query(SqliteConnection connection, IndexQuery query)
    {
        var plan = Plan(connection, query);
        if (plan is null)
        {
            return new IndexPage([], null);
        }

        using var command = connection.CreateCommand();
        var (sortKey, documentId) = plan.OrderColumns;
        var direction = query.Descending ? "DESC" : "ASC";
        var sql = new StringBuilder("SELECT d.doc_id, d.sort_key, d.payload");
        AppendFromAndWhere(sql, command, query, plan, joinDocuments: true);
        if (query.After is { } after)
        {
            sql.Append(" AND (").Append(sortKey).Append(", ").Append(documentId).Append(query.Descending ? ") < " : ") > ")
                .Append("($after_sort, $after_doc)");
            command.Parameters.AddWithValue("$after_sort", after.SortKey);
            command.Parameters.AddWithValue("$after_doc", after.DocumentId);
        }

        sql.Append(" ORDER BY ").Append(sortKey).Append(' ').Append(direction)
            .Append(", ").Append(documentId).Append(' ').Append(direction)
            .Append(" LIMIT $limit;");
        command.Parameters.AddWithValue("$limit", StorageArguments.FetchCount(query.Limit));
        command.CommandText = sql.ToString();

        var hits = new List<IndexHit>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                hits.Add(new IndexHit(reader.GetString(0), reader.GetInt64(1), reader.IsDBNull(2) ? null : reader.GetString(2)));
            }
        }

        return StorageArguments.ToPage(hits, query.Limit);
    }

    public static long Count(SqliteConnection connection, IndexQuery query)
    {
        var plan = Plan(connection, query);
        if (plan is null)
        {
            return 0;
        }

        using var command = connection.CreateCommand();
        var sql = new StringBuilder("SELECT count(*)");
        AppendFromAndWhere(sql, command, query, plan, joinDocuments: false);
        command.CommandText = sql.Append(';').ToString();
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>The query plan as SQLite describes it, for tests and for checking the indexes.</summary>
    public static IReadOnlyList<string> Explain(SqliteConnection connection, IndexQuery query)
    {
        var plan = Plan(connection, query);
        if (plan is null)
        {
            return ["(no match: a source is empty)"];
        }

        using var command = connection.CreateCommand();
        var sql = new StringBuilder("EXPLAIN QUERY PLAN SELECT d.doc_id, d.sort_key, d.payload");
        AppendFromAndWhere(sql, command, query, plan, joinDocuments: true);
        var (sortKey, documentId) = plan.OrderColumns;
        command.CommandText = sql.Append(" ORDER BY ").Append(sortKey).Append(" DESC, ").Append(documentId).Append(" DESC LIMIT 50;").ToString();
        var lines = new List<string> { $"source: {plan.Source}" };
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            lines.Add(reader.GetString(3));
        }

        return lines;
    }

    private static void AppendFromAndWhere(StringBuilder sql, SqliteCommand command, IndexQuery query, QueryPlan plan, bool joinDocuments)
    {
        command.Parameters.AddWithValue("$index", query.Index);
        var conditions = new List<string>();
        string documentRowId;
        var (sortKey, documentId) = plan.OrderColumns;
        switch (plan.Source)
        {
            case QuerySource.Term:
                // CROSS JOIN keeps the term as the outer loop: SQLite never reorders it.
                sql.Append(joinDocuments
                    ? " FROM index_term AS t CROSS JOIN index_doc AS d ON d.id = t.doc"
                    : " FROM index_term AS t");
                conditions.Add("t.index_name = $index AND t.field = $field_d AND t.value = $value_d");
                command.Parameters.AddWithValue("$field_d", plan.Terms[plan.DrivingTerm].Field);
                command.Parameters.AddWithValue("$value_d", plan.Terms[plan.DrivingTerm].Value);
                // The unary plus keeps SQLite from looking up every text match in index_term_by_doc.
                documentRowId = "+t.doc";
                break;
            case QuerySource.Text:
                sql.Append(" FROM index_text CROSS JOIN index_doc AS d ON d.id = index_text.rowid");
                conditions.Add("index_text MATCH $match AND d.index_name = $index");
                documentRowId = "d.id";
                break;
            default:
                sql.Append(" FROM index_doc AS d");
                conditions.Add("d.index_name = $index");
                // The unary plus keeps SQLite from driving the query by the text matches, which are many here.
                documentRowId = "+d.id";
                break;
        }

        for (var i = 0; i < plan.Terms.Length; i++)
        {
            if (plan.Source == QuerySource.Term && i == plan.DrivingTerm)
            {
                continue;
            }

            conditions.Add(
                $"EXISTS (SELECT 1 FROM index_term AS t{i} WHERE t{i}.index_name = $index AND t{i}.field = $field_{i} AND t{i}.value = $value_{i} " +
                $"AND t{i}.sort_key = {sortKey} AND t{i}.doc_id = {documentId})");
            command.Parameters.AddWithValue($"$field_{i}", plan.Terms[i].Field);
            command.Parameters.AddWithValue($"$value_{i}", plan.Terms[i].Value);
        }

        if (plan.Match is not null)
        {
            if (plan.Source != QuerySource.Text)
            {
                conditions.Add($"{documentRowId} IN (SELECT rowid FROM index_text WHERE index_text MATCH $match)");
            }

            command.Parameters.AddWithValue("$match", plan.Match);
        }

        sql.Append(" WHERE ").AppendJoin(" AND ", conditions);
    }

    /// <summary>Chooses the narrowest source; null when one of the query's sources is empty, so nothing can match.</summary>
    private static QueryPlan? Plan(SqliteConnection connection, IndexQuery query)
    {
        var terms = query.Terms.Distinct().ToArray();
        var match = TextWords.ToFts5Expression(query.Text);
        if (match is null && terms.Length <= 1)
        {
            return new QueryPlan(terms.Length == 0 ? QuerySource.Documents : QuerySource.Term, terms, 0, null);
        }

        var drivingTerm = 0;
        var fewestTermRows = long.MaxValue;
        for (var i = 0; i < terms.Length; i++)
        {
            var rows = CountTermRows(connection, query.Index, terms[i]);
            if (rows == 0)
            {
                return null;
            }

            if (rows < fewestTermRows)
            {
                (drivingTerm, fewestTermRows) = (i, rows);
            }
        }

        if (match is not null)
        {
            var textRows = CountTextRows(connection, match);
            if (textRows == 0)
            {
                return null;
            }

            if (textRows < ProbeCap && textRows <= fewestTermRows)
            {
                return new QueryPlan(QuerySource.Text, terms, 0, match);
            }
        }

        return terms.Length > 0
            ? new QueryPlan(QuerySource.Term, terms, drivingTerm, match)
            : new QueryPlan(QuerySource.Documents, terms, 0, match);
    }

    private static long CountTermRows(SqliteConnection connection, string index, IndexTerm term)
    {
        using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT count(*) FROM (SELECT 1 FROM index_term WHERE index_name = $index AND field = $field AND value = $value LIMIT $cap);";
        command.Parameters.AddWithValue("$index", index);
        command.Parameters.AddWithValue("$field", term.Field);
        command.Parameters.AddWithValue("$value", term.Value);
        command.Parameters.AddWithValue("$cap", ProbeCap);
        return (long)command.ExecuteScalar()!;
    }

    private static long CountTextRows(SqliteConnection connection, string match)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM (SELECT 1 FROM index_text WHERE index_text MATCH $match LIMIT $cap);";
        command.Parameters.AddWithValue("$match", match);
        command.Parameters.AddWithValue("$cap", ProbeCap);
        return (long)command.ExecuteScalar()!;
    }

    private enum QuerySource
    {
        Documents,
        Term,
        Text,
    }

    private sealed record QueryPlan(QuerySource Source, IndexTerm[] Terms, int DrivingTerm, string? Match)
    {

        public (string SortKey, string DocumentId) OrderColumns =>
            Source == QuerySource.Term ? ("t.sort_key", "t.doc_id") : ("d.sort_key", "d.doc_id");
    }
}
