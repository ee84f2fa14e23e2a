using System.Text;
using Collaboration.Grains.Indexing;
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
/// A page with words walks the narrowest ordered source (a term's rows, or the index) in windows of its next
/// candidates, and asks FTS5 only for the matches within the rowids of a window: a page stops after a few windows
/// instead of collecting every match. Document rowids mostly follow the order of an index (documents mostly arrive
/// newest last, and keep their rowid when rewritten with the same sort key), so a window's rowids are close
/// together; the answer is exact whatever their spread. A text rarer than the window walk expects is read whole and
/// sorted instead.
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

    // A window's cost is mostly the text matches within its rowids, so windows are kept as small as the page
    // allows: the first holds sixteen pages' worth of candidates (a page of words in a sixteenth of the documents),
    // the next is sized by the share of hits seen so far.
    private const int FirstWindowPages = 16;
    private const int MinWindow = 64;
    private const int MaxFirstWindow = 1024;
    private const int MaxWindowGrowth = 16;

    // A prefix that expands to more words than this is left to FTS5 as a prefix.
    private const int MaxPrefixWords = 64;

    public static IndexPage Query(SqliteConnection connection, IndexQuery query)
    {
        var match = Fts5Expression(connection, query.Text);
        if (match is not null)
        {
            return QueryByWindows(connection, query, match);
        }

        return QueryByPlan(connection, query, Plan(connection, query, match));
    }

    private static IndexPage QueryByPlan(SqliteConnection connection, IndexQuery query, QueryPlan? plan)
    {
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
        using (var reader = SqliteStatementCache.Reuse(command).ExecuteReader())
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
        var plan = Plan(connection, query, Fts5Expression(connection, query.Text));
        if (plan is null)
        {
            return 0;
        }

        using var command = connection.CreateCommand();
        var sql = new StringBuilder("SELECT count(*)");
        AppendFromAndWhere(sql, command, query, plan, joinDocuments: false);
        command.CommandText = sql.Append(';').ToString();
        return (long)SqliteStatementCache.Reuse(command).ExecuteScalar()!;
    }

    /// <summary>The query plan as SQLite describes it, for tests and for checking the indexes.</summary>
    public static IReadOnlyList<string> Explain(SqliteConnection connection, IndexQuery query)
    {
        var plan = Plan(connection, query, Fts5Expression(connection, query.Text));
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

    /// <summary>
    /// The page read window by window from the narrowest ordered source, or, when the text turns out rare, from
    /// every text match sorted.
    /// </summary>
    private static IndexPage QueryByWindows(SqliteConnection connection, IndexQuery query, string match)
    {
        var terms = query.Terms.Distinct().ToArray();
        if (!TryChooseDrivingTerm(connection, query.Index, terms, countLoneTerm: false, out var drivingTerm, out _))
        {
            return new IndexPage([], null);
        }

        var fetch = StorageArguments.FetchCount(query.Limit);
        var hits = new List<IndexHit>();
        using var window = connection.CreateCommand();
        window.CommandText = WindowSql(window, query, terms, drivingTerm, match);
        long windowSize = Math.Clamp((long)fetch * FirstWindowPages, MinWindow, MaxFirstWindow);
        var size = window.Parameters.AddWithValue("$window", windowSize);
        using var candidates = connection.CreateCommand();
        candidates.CommandText = CandidateCountSql(candidates, query, terms, drivingTerm);
        var candidateLimit = candidates.Parameters.AddWithValue("$window", windowSize);
        var windowStatement = SqliteStatementCache.Reuse(window);
        var candidatesStatement = SqliteStatementCache.Reuse(candidates);
        var textChecked = false;
        while (true)
        {
            // Each window starts again at the query's start: a page that needs more than the first is rare, and
            // one statement per window keeps the order of the hits SQLite's own.
            size.Value = windowSize;
            hits.Clear();
            using (var reader = windowStatement.ExecuteReader())
            {
                while (reader.Read())
                {
                    hits.Add(new IndexHit(reader.GetString(0), reader.GetInt64(1), reader.IsDBNull(2) ? null : reader.GetString(2)));
                }
            }

            if (hits.Count >= fetch)
            {
                return StorageArguments.ToPage(hits, query.Limit);
            }

            candidateLimit.Value = windowSize;
            if ((long)candidatesStatement.ExecuteScalar()! < windowSize)
            {
                // The window held every candidate: the page is complete.
                return StorageArguments.ToPage(hits, query.Limit);
            }

            // Few hits in a full window: the text may be rare enough to read whole.
            if (!textChecked && hits.Count < fetch / 2)
            {
                textChecked = true;
                var textRows = CountTextRows(connection, match, ProbeCap);
                if (textRows == 0)
                {
                    return new IndexPage([], null);
                }

                if (textRows < ProbeCap)
                {
                    return QueryByPlan(connection, query, new QueryPlan(QuerySource.Text, terms, 0, match));
                }
            }

            // Enough candidates for the page at the share of hits seen (a quarter more), within bounds.
            var wanted = hits.Count == 0 ? long.MaxValue : (long)Math.Ceiling(fetch * 1.25 * windowSize / hits.Count);
            windowSize = Math.Clamp(wanted, windowSize * 2, windowSize * MaxWindowGrowth);
        }
    }

    // The candidates of a window (the source's next rows in the query's order) and, among them, the documents
    // having the other terms and matching the text within the window's rowids.
    private static string WindowSql(SqliteCommand command, IndexQuery query, IndexTerm[] terms, int drivingTerm, string match)
    {
        var direction = query.Descending ? "DESC" : "ASC";
        var sql = new StringBuilder("WITH w AS MATERIALIZED (");
        AppendCandidates(sql, command, query, terms, drivingTerm);
        sql.Append(" ORDER BY sort_key ").Append(direction).Append(", doc_id ").Append(direction).Append(" LIMIT $window)")
            .Append(" SELECT d.doc_id, d.sort_key, d.payload FROM w CROSS JOIN index_doc AS d ON d.id = w.id")
            .Append(" WHERE w.id IN (SELECT rowid FROM index_text WHERE index_text MATCH $match")
            .Append(" AND rowid BETWEEN (SELECT min(id) FROM w) AND (SELECT max(id) FROM w))");
        command.Parameters.AddWithValue("$match", match);
        for (var i = 0; i < terms.Length; i++)
        {
            if (i == drivingTerm)
            {
                continue;
            }

            sql.Append($" AND EXISTS (SELECT 1 FROM index_term AS t{i} WHERE t{i}.index_name = $index AND t{i}.field = $field_{i} AND t{i}.value = $value_{i} ")
                .Append($"AND t{i}.sort_key = w.sort_key AND t{i}.doc_id = w.doc_id)");
            command.Parameters.AddWithValue($"$field_{i}", terms[i].Field);
            command.Parameters.AddWithValue($"$value_{i}", terms[i].Value);
        }

        sql.Append(" ORDER BY w.sort_key ").Append(direction).Append(", w.doc_id ").Append(direction).Append(" LIMIT $limit;");
        command.Parameters.AddWithValue("$limit", StorageArguments.FetchCount(query.Limit));
        return sql.ToString();
    }

    private static string CandidateCountSql(SqliteCommand command, IndexQuery query, IndexTerm[] terms, int drivingTerm)
    {
        var sql = new StringBuilder("SELECT count(*) FROM (");
        AppendCandidates(sql, command, query, terms, drivingTerm);
        return sql.Append(" LIMIT $window);").ToString();
    }

    // The source's rows from the query's start on, as (id, sort_key, doc_id), read in order through its index.
    private static void AppendCandidates(StringBuilder sql, SqliteCommand command, IndexQuery query, IndexTerm[] terms, int drivingTerm)
    {
        command.Parameters.AddWithValue("$index", query.Index);
        if (drivingTerm >= 0)
        {
            sql.Append("SELECT t.doc AS id, t.sort_key AS sort_key, t.doc_id AS doc_id FROM index_term AS t")
                .Append(" WHERE t.index_name = $index AND t.field = $field_d AND t.value = $value_d");
            command.Parameters.AddWithValue("$field_d", terms[drivingTerm].Field);
            command.Parameters.AddWithValue("$value_d", terms[drivingTerm].Value);
        }
        else
        {
            sql.Append("SELECT x.id AS id, x.sort_key AS sort_key, x.doc_id AS doc_id FROM index_doc AS x WHERE x.index_name = $index");
        }

        if (query.After is { } after)
        {
            sql.Append(" AND (sort_key, doc_id) ").Append(query.Descending ? "<" : ">").Append(" ($after_sort, $after_doc)");
            command.Parameters.AddWithValue("$after_sort", after.SortKey);
            command.Parameters.AddWithValue("$after_doc", after.DocumentId);
        }
    }

    /// <summary>
    /// The FTS5 expression for the text's <see cref="SearchQuery"/>: groups joined by AND, the phrases of a group by OR,
    /// the excluded phrases after NOT. Every word is a quoted string (words hold only letters and digits, so nothing
    /// typed becomes FTS5 syntax); a phrase's words are joined by <c>+</c>, a prefix word followed by <c>*</c>. A lone
    /// prefix word is spelled out as the words of index_word it begins, when they are few: FTS5 then reads only the
    /// parts of their doclists a query needs, where a prefix without a prefix index makes it read and merge them whole.
    /// </summary>
    private static string? Fts5Expression(SqliteConnection connection, string? text)
    {
        var query = SearchQuery.Parse(text);
        if (query.IsEmpty)
        {
            return null;
        }

        var expression = new StringBuilder();
        var excluding = query.Excluded.Count > 0;
        if (excluding)
        {
            expression.Append('(');
        }

        for (var g = 0; g < query.Groups.Count; g++)
        {
            var group = query.Groups[g];
            expression.Append(g == 0 ? "" : " AND ").Append(group.Count > 1 ? "(" : "");
            for (var p = 0; p < group.Count; p++)
            {
                AppendPhrase(connection, expression.Append(p == 0 ? "" : " OR "), group[p], expandPrefix: true);
            }

            expression.Append(group.Count > 1 ? ")" : "");
        }

        if (excluding)
        {
            expression.Append(") NOT (");
            for (var p = 0; p < query.Excluded.Count; p++)
            {
                AppendPhrase(connection, expression.Append(p == 0 ? "" : " OR "), query.Excluded[p], expandPrefix: false);
            }

            expression.Append(')');
        }

        return expression.ToString();
    }

    private static void AppendPhrase(SqliteConnection connection, StringBuilder expression, SearchPhrase phrase, bool expandPrefix)
    {
        if (expandPrefix && phrase.Words is [{ IsPrefix: true } word] && TextWords.IsInBasicPlane(word.Text)
            && PrefixWords(connection, TextWords.Fold(word.Text)) is { } expansion)
        {
            expression.Append('(');
            for (var i = 0; i < expansion.Count; i++)
            {
                AppendQuoted(expression.Append(i == 0 ? "" : " OR "), expansion[i]);
            }

            expression.Append(')');
            return;
        }

        for (var i = 0; i < phrase.Words.Count; i++)
        {
            AppendQuoted(expression.Append(i == 0 ? "" : " + "), phrase.Words[i].Text);
            if (phrase.Words[i].IsPrefix)
            {
                expression.Append(" *");
            }
        }
    }

    private static void AppendQuoted(StringBuilder expression, string word) =>
        expression.Append('"').Append(word.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');

    /// <summary>The words beginning with the folded prefix; null when there are none (FTS5 decides) or too many.</summary>
    private static List<string>? PrefixWords(SqliteConnection connection, string prefix)
    {
        using var command = connection.CreateCommand();
        // Words with a given beginning are consecutive in BINARY (UTF-8) order, from the first at or after it.
        command.CommandText = "SELECT word FROM index_word WHERE word >= $prefix ORDER BY word LIMIT $cap;";
        command.Parameters.AddWithValue("$prefix", prefix);
        command.Parameters.AddWithValue("$cap", MaxPrefixWords + 1);
        var words = new List<string>();
        using var reader = SqliteStatementCache.Reuse(command).ExecuteReader();
        while (reader.Read())
        {
            var word = reader.GetString(0);
            if (!word.StartsWith(prefix, StringComparison.Ordinal))
            {
                break;
            }

            words.Add(word);
        }

        return words.Count is 0 or > MaxPrefixWords ? null : words;
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
    private static QueryPlan? Plan(SqliteConnection connection, IndexQuery query, string? match)
    {
        var terms = query.Terms.Distinct().ToArray();
        if (match is null && terms.Length <= 1)
        {
            return new QueryPlan(terms.Length == 0 ? QuerySource.Documents : QuerySource.Term, terms, 0, null);
        }

        if (!TryChooseDrivingTerm(connection, query.Index, terms, countLoneTerm: true, out var drivingTerm, out var fewestTermRows))
        {
            return null;
        }

        if (match is not null)
        {
            var textRows = CountTextRows(connection, match, ProbeCap);
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

    /// <summary>
    /// The term with the fewest rows (capped counts), to drive a query; -1 and long.MaxValue when there are no terms.
    /// False when a term has no rows, so nothing can match. A lone term is taken without counting its rows unless
    /// the caller compares them with something (<paramref name="countLoneTerm"/>).
    /// </summary>
    private static bool TryChooseDrivingTerm(
        SqliteConnection connection, string index, IndexTerm[] terms, bool countLoneTerm, out int drivingTerm, out long fewestRows)
    {
        (drivingTerm, fewestRows) = (-1, long.MaxValue);
        if (terms.Length == 1 && !countLoneTerm)
        {
            drivingTerm = 0;
            return true;
        }

        for (var i = 0; i < terms.Length; i++)
        {
            var rows = CountTermRows(connection, index, terms[i]);
            if (rows == 0)
            {
                return false;
            }

            if (rows < fewestRows)
            {
                (drivingTerm, fewestRows) = (i, rows);
            }
        }

        return true;
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
        return (long)SqliteStatementCache.Reuse(command).ExecuteScalar()!;
    }

    private static long CountTextRows(SqliteConnection connection, string match, int cap)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM (SELECT 1 FROM index_text WHERE index_text MATCH $match LIMIT $cap);";
        command.Parameters.AddWithValue("$match", match);
        command.Parameters.AddWithValue("$cap", cap);
        return (long)SqliteStatementCache.Reuse(command).ExecuteScalar()!;
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
