using System.Text;
using Collaboration.Grains.Exchanges;
using Npgsql;
using NpgsqlTypes;

namespace Collaboration.Bench.ExchangeSearch.Postgres;

/// <summary>
/// The peer: exchanges in one PostgreSQL table, searched as a team that did not use this project would search them,
/// with PostgreSQL's full-text search. The words of title, summary and body are a stored tsvector under a GIN index,
/// folded like our search folds them (lower case, diacritics removed by <c>unaccent</c>, no stemming, no stop words:
/// the <c>simple</c> dictionary); themes are a text array under a GIN index; the other filters and the order (newest
/// first, ties by id) have B-tree indexes that end in the order, so a page with a selective filter is a walk of an
/// index. The same filters, order, page size and keyset cursor as <c>GET /exchanges</c>: every word must occur, a
/// word typed with <c>*</c> after it as a prefix (<c>to_tsquery</c> with <c>:*</c>). The benchmark's queries use no
/// phrase, OR or exclusion.
/// </summary>
internal sealed class PostgresExchangeSearch(NpgsqlDataSource dataSource)
{
    private const string Columns = "id, kind, title, summary, themes, author, country, project_id, language, created_at";

    /// <summary>The table and its text search configuration (indexes come after the load: <see cref="CreateIndexesAsync"/>).</summary>
    public async Task CreateSchemaAsync()
    {
        await ExecuteAsync("""
            CREATE EXTENSION unaccent;
            -- Words as our search sees them: every token type of the default parser, folded by unaccent then lower-cased
            -- by the simple dictionary (no stemming, no stop words, so 'the' is a word as any other).
            CREATE TEXT SEARCH CONFIGURATION exchange_words (COPY = simple);
            ALTER TEXT SEARCH CONFIGURATION exchange_words ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;
            CREATE TABLE exchange (
                id text COLLATE "C" PRIMARY KEY,
                kind text NOT NULL,
                title text NOT NULL,
                summary text NOT NULL,
                body text,
                themes text[] NOT NULL,
                author text NOT NULL,
                country text NOT NULL,
                project_id text,
                language text,
                created_at timestamptz NOT NULL,
                words tsvector GENERATED ALWAYS AS (
                    to_tsvector('exchange_words'::regconfig, title || ' ' || summary || ' ' || coalesce(body, ''))) STORED
            );
            """);
    }

    /// <summary>Loads the exchanges with a binary COPY (the tsvector is computed by the server as rows arrive).</summary>
    public async Task LoadAsync(IEnumerable<ExchangeState> exchanges)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var import = await connection.BeginBinaryImportAsync(
            $"COPY exchange ({Columns}, body) FROM STDIN (FORMAT BINARY)");
        foreach (var exchange in exchanges)
        {
            await import.StartRowAsync();
            await import.WriteAsync(exchange.Id!, NpgsqlDbType.Text);
            await import.WriteAsync(ExchangeIndex.Name(exchange.Kind), NpgsqlDbType.Text);
            await import.WriteAsync(exchange.Title!, NpgsqlDbType.Text);
            await import.WriteAsync(exchange.Summary!, NpgsqlDbType.Text);
            await import.WriteAsync(exchange.Themes.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
            await import.WriteAsync(exchange.Author!, NpgsqlDbType.Text);
            await import.WriteAsync(exchange.AuthorCountry!, NpgsqlDbType.Text);
            await WriteNullableAsync(import, exchange.ProjectId);
            await WriteNullableAsync(import, exchange.Language);
            await import.WriteAsync(exchange.CreatedAt.UtcDateTime, NpgsqlDbType.TimestampTz);
            await WriteNullableAsync(import, exchange.Body);
        }

        await import.CompleteAsync();
    }

    /// <summary>The indexes, built after the load as one builds them for a bulk load, then statistics for the planner.</summary>
    public async Task CreateIndexesAsync()
    {
        await ExecuteAsync("""
            CREATE INDEX exchange_words ON exchange USING gin (words);
            CREATE INDEX exchange_themes ON exchange USING gin (themes);
            CREATE INDEX exchange_newest ON exchange (created_at DESC, id DESC);
            CREATE INDEX exchange_author_newest ON exchange (author, created_at DESC, id DESC);
            CREATE INDEX exchange_project_newest ON exchange (project_id, created_at DESC, id DESC) WHERE project_id IS NOT NULL;
            CREATE INDEX exchange_country_kind_newest ON exchange (country, kind, created_at DESC, id DESC);
            """);
        // VACUUM sets the visibility map (index-only scans), ANALYZE the planner's statistics; it runs alone.
        await ExecuteAsync("VACUUM ANALYZE exchange");
    }

    /// <summary>
    /// One page of exchanges matching every given filter, newest first, after <paramref name="after"/>; the next
    /// cursor when more may follow (one row more is read to know).
    /// </summary>
    public async Task<PostgresPage> SearchAsync(ExchangeFilter filter, int limit, PostgresCursor? after)
    {
        await using var command = BuildSearch(filter, limit, after, prefix: "");
        var items = new List<ExchangeListItem>(limit + 1);
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                items.Add(new ExchangeListItem(
                    reader.GetString(0),
                    Kind(reader.GetString(1)),
                    reader.GetString(2),
                    reader.GetString(3),
                    reader.GetFieldValue<string[]>(4),
                    reader.GetString(5),
                    reader.GetString(6),
                    reader.IsDBNull(7) ? null : reader.GetString(7),
                    reader.IsDBNull(8) ? null : reader.GetString(8),
                    new DateTimeOffset(reader.GetFieldValue<DateTime>(9))));
            }
        }

        if (items.Count <= limit)
        {
            return new PostgresPage(items, null);
        }

        items.RemoveAt(limit);
        var last = items[^1];
        return new PostgresPage(items, new PostgresCursor(last.CreatedAt, last.Id));
    }

    /// <summary>The plan PostgreSQL runs for a search, with its times (EXPLAIN ANALYZE).</summary>
    public async Task<IReadOnlyList<string>> ExplainAsync(ExchangeFilter filter, int limit, PostgresCursor? after)
    {
        await using var command = BuildSearch(filter, limit, after, prefix: "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ");
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }

        return lines;
    }

    /// <summary>The size of the table with its TOAST and of its indexes, in bytes.</summary>
    public async Task<(long Table, long Indexes)> SizesAsync()
    {
        await using var command = dataSource.CreateCommand(
            "SELECT pg_table_size('exchange'), pg_indexes_size('exchange')");
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    /// <summary>
    /// Only the given filters become conditions (a catch-all WHERE with "or the parameter is null" would give the
    /// planner one plan for every combination); values are parameters.
    /// </summary>
    private NpgsqlCommand BuildSearch(ExchangeFilter filter, int limit, PostgresCursor? after, string prefix)
    {
        var command = dataSource.CreateCommand();
        var sql = new StringBuilder(prefix).Append("SELECT ").Append(Columns).Append(" FROM exchange");
        var conditions = new List<string>();
        if (Given(filter.Theme) is { } theme)
        {
            conditions.Add("themes @> ARRAY[@theme]");
            command.Parameters.AddWithValue("theme", NpgsqlDbType.Text, ExchangeIndex.NormalizeTheme(theme));
        }

        if (Given(filter.Country) is { } country)
        {
            conditions.Add("country = @country");
            command.Parameters.AddWithValue("country", NpgsqlDbType.Text, ExchangeIndex.NormalizeCountry(country));
        }

        if (Given(filter.Kind) is { } kindName)
        {
            conditions.Add("kind = @kind");
            command.Parameters.AddWithValue(
                "kind", NpgsqlDbType.Text, ExchangeIndex.TryParseKind(kindName, out var kind) ? ExchangeIndex.Name(kind) : kindName);
        }

        if (Given(filter.Author) is { } author)
        {
            conditions.Add("author = @author");
            command.Parameters.AddWithValue("author", NpgsqlDbType.Text, author);
        }

        if (Given(filter.ProjectId) is { } projectId)
        {
            conditions.Add("project_id = @project");
            command.Parameters.AddWithValue("project", NpgsqlDbType.Text, projectId);
        }

        if (TsQuery(filter.Q) is { } query)
        {
            conditions.Add("words @@ to_tsquery('exchange_words', @words)");
            command.Parameters.AddWithValue("words", NpgsqlDbType.Text, query);
        }

        if (after is { } cursor)
        {
            conditions.Add("(created_at, id) < (@after_created, @after_id)");
            command.Parameters.AddWithValue("after_created", NpgsqlDbType.TimestampTz, cursor.CreatedAt.UtcDateTime);
            command.Parameters.AddWithValue("after_id", NpgsqlDbType.Text, cursor.Id);
        }

        if (conditions.Count > 0)
        {
            sql.Append(" WHERE ").AppendJoin(" AND ", conditions);
        }

        sql.Append(" ORDER BY created_at DESC, id DESC LIMIT @limit");
        command.Parameters.AddWithValue("limit", NpgsqlDbType.Integer, limit + 1);
        command.CommandText = sql.ToString();
        return command;
    }

    /// <summary>
    /// Plain words as a tsquery: each a quoted operand (nothing typed becomes tsquery syntax), all required, one
    /// followed by <c>*</c> a prefix. A word is a run of letters and digits, as our search splits them.
    /// </summary>
    internal static string? TsQuery(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var words = new List<string>();
        var prefixes = new List<bool>();
        var word = new StringBuilder();
        foreach (var c in text + " ")
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(c);
            }
            else if (word.Length > 0)
            {
                words.Add(word.ToString());
                prefixes.Add(c == '*');
                word.Clear();
            }
        }

        return words.Count == 0 ? null : string.Join(" & ", words.Select((w, i) => prefixes[i] ? $"'{w}':*" : $"'{w}'"));
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task WriteNullableAsync(NpgsqlBinaryImporter import, string? value)
    {
        if (value is null)
        {
            await import.WriteNullAsync();
        }
        else
        {
            await import.WriteAsync(value, NpgsqlDbType.Text);
        }
    }

    private static ExchangeKind Kind(string name) =>
        ExchangeIndex.TryParseKind(name, out var kind) ? kind : throw new InvalidDataException($"Unknown kind '{name}'.");

    private static string? Given(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
