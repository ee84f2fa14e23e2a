using Microsoft.Data.Sqlite;

namespace Collaboration.Silo.Storage.Sqlite;

/// <summary>
/// Creates the tables on first use and brings older files up to date; safe to run on every start and from several
/// processes.
/// </summary>
internal static class SqliteSchema
{
    public const int Version = 3;

    private const string CreateVersion1 = """
        CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL);

        -- Per-database counters; 'etag' makes every ETag unique for the life of the file, so a cleared and
        -- re-created state never gets back an ETag a stale writer still holds.
        CREATE TABLE IF NOT EXISTS counter (name TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;

        CREATE TABLE IF NOT EXISTS grain_state (
            grain_type TEXT NOT NULL,
            grain_key TEXT NOT NULL,
            state_name TEXT NOT NULL,
            etag TEXT NOT NULL,
            data BLOB NOT NULL,
            PRIMARY KEY (grain_type, grain_key, state_name));

        -- id is also the rowid of the document's text in index_text.
        CREATE TABLE IF NOT EXISTS index_doc (
            id INTEGER PRIMARY KEY,
            index_name TEXT NOT NULL,
            doc_id TEXT NOT NULL,
            sort_key INTEGER NOT NULL,
            payload TEXT,
            owner_type TEXT NOT NULL,
            owner_key TEXT NOT NULL,
            owner_state TEXT NOT NULL);
        CREATE UNIQUE INDEX IF NOT EXISTS index_doc_by_id ON index_doc (index_name, doc_id);
        CREATE UNIQUE INDEX IF NOT EXISTS index_doc_by_order ON index_doc (index_name, sort_key, doc_id);

        -- Each term row repeats its document's order, so that the documents having one term are read already
        -- sorted, and a page stops after LIMIT rows instead of sorting every match.
        CREATE TABLE IF NOT EXISTS index_term (
            index_name TEXT NOT NULL,
            field TEXT NOT NULL,
            value TEXT NOT NULL,
            sort_key INTEGER NOT NULL,
            doc_id TEXT NOT NULL,
            doc INTEGER NOT NULL,
            PRIMARY KEY (index_name, field, value, sort_key, doc_id)) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS index_term_by_doc ON index_term (doc);

        -- Contentless: the text is only searched, never returned, so it is not stored twice. No prefix indexes:
        -- they wrote every token three times (a tenth or more of the writer's work per document), for searches
        -- that the memory indexes answer once filled; a file made before keeps its own (FTS5 keeps the option).
        CREATE VIRTUAL TABLE IF NOT EXISTS index_text USING fts5(
            text,
            content = '',
            contentless_delete = 1,
            tokenize = 'unicode61 remove_diacritics 2');

        CREATE TABLE IF NOT EXISTS append_log (
            log TEXT NOT NULL,
            seq INTEGER NOT NULL,
            at_ticks INTEGER NOT NULL,
            at_offset_minutes INTEGER NOT NULL,
            payload TEXT NOT NULL,
            PRIMARY KEY (log, seq)) WITHOUT ROWID;
        """;

    // Version 2: every token of index_text (a superset: words are never removed), so that the last word of a
    // search, a prefix, becomes an OR of whole words. FTS5 answers a prefix it has no prefix index for by reading
    // and merging the whole doclist of every matching word on each query; whole words it reads only where asked.
    private const string CreateVersion2 = """
        CREATE TABLE IF NOT EXISTS index_word (word TEXT PRIMARY KEY) WITHOUT ROWID;
        """;

    // The words of a version 1 file come from FTS5 itself: its texts are not stored anywhere else.
    private const string FillWordsFromText = """
        CREATE VIRTUAL TABLE temp.index_text_terms USING fts5vocab(main, index_text, 'row');
        INSERT OR IGNORE INTO index_word (word) SELECT term FROM temp.index_text_terms;
        DROP TABLE temp.index_text_terms;
        """;

    // Version 3: a state lists the rowids of the documents it published (grain_state.docs, comma-separated), so a
    // write finds them by the state's key, which it reads anyway for the ETag, instead of through index_doc_by_owner:
    // one B-tree fewer to update for every document written or removed. The owner columns stay, to tell a document
    // another state took over (with the same rowid) from one of its own.
    private const string AddOwnedDocuments = "ALTER TABLE grain_state ADD COLUMN docs TEXT;";

    private const string FillOwnedDocumentsAndDropOwnerIndex = """
        CREATE INDEX IF NOT EXISTS index_doc_by_owner ON index_doc (owner_type, owner_key, owner_state);
        UPDATE grain_state SET docs = (
            SELECT group_concat(id) FROM index_doc
            WHERE owner_type = grain_state.grain_type AND owner_key = grain_state.grain_key AND owner_state = grain_state.state_name);
        DROP INDEX index_doc_by_owner;
        """;

    public static void Create(SqliteConnection connection)
    {
        // WAL lets readers run beside the single writer; the mode is stored in the file.
        SqliteConnections.Execute(connection, "PRAGMA journal_mode = WAL;");
        SqliteConnections.Execute(connection, "BEGIN IMMEDIATE;");
        try
        {
            SqliteConnections.Execute(connection, CreateVersion1);
            SqliteConnections.Execute(connection, CreateVersion2);
            using var read = connection.CreateCommand();
            read.CommandText = "SELECT max(version) FROM schema_version;";
            var stored = read.ExecuteScalar() is long version ? (int?)version : null;
            if (stored > Version)
            {
                throw new InvalidOperationException(
                    $"The database '{connection.DataSource}' has schema version {stored}, newer than this build knows ({Version}).");
            }

            if (stored is null)
            {
                SqliteConnections.Execute(connection, AddOwnedDocuments);
                SqliteConnections.Execute(connection, $"INSERT INTO schema_version (version) VALUES ({Version});");
            }
            else
            {
                if (stored < 2)
                {
                    SqliteConnections.Execute(connection, FillWordsFromText);
                }

                if (stored < 3)
                {
                    SqliteConnections.Execute(connection, AddOwnedDocuments);
                    SqliteConnections.Execute(connection, FillOwnedDocumentsAndDropOwnerIndex);
                }

                SqliteConnections.Execute(connection, $"UPDATE schema_version SET version = {Version};");
            }

            SqliteConnections.Execute(connection, "COMMIT;");
        }
        catch
        {
            SqliteConnections.RollbackIfActive(connection);
            throw;
        }
    }
}
