using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Collaboration.Silo.Storage.Sqlite;

/// <summary>Opens connections to the database file with the settings every connection needs.</summary>
internal sealed class SqliteConnections
{
    // 16 MiB: 64 held about 100 MiB more resident after 100,000 exchanges for no CPU per post that could be measured
    // (bench/RESULTS.md); SQLite also walks the whole writer cache at the end of most commits.
    private const int WriterCacheKiB = 16 * 1024;

    private readonly string _connectionString;
    private readonly int _busyTimeoutMilliseconds;
    private readonly int _readerCacheKiB;

    public SqliteConnections(SqliteStorageOptions options)
    {
        _busyTimeoutMilliseconds = (int)Math.Clamp(options.BusyTimeout.TotalMilliseconds, 0, int.MaxValue);
        _readerCacheKiB = options.ReadConnectionCacheKiB;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = options.DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            // This provider keeps its own connections open; Microsoft.Data.Sqlite's pool would keep the file open after disposal.
            Pooling = false,
            // Microsoft.Data.Sqlite retries busy statements until this many seconds have passed (0 would mean forever).
            DefaultTimeout = Math.Max(1, (int)Math.Ceiling(options.BusyTimeout.TotalSeconds)),
        }.ToString();
    }

    public SqliteConnection Open(bool readOnly)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
            // synchronous=FULL: a commit reaches the disk (WAL fsync) before it is acknowledged, so it survives a kill or a power cut.
            // The writer gets a larger page cache than SQLite's 2 MiB: its inserts land all over the term, document
            // and text B-trees, and every page it must read again is a system call on the writer thread. Readers get
            // SqliteStorageOptions.ReadConnectionCacheKiB.
            // wal_autocheckpoint=0: a commit never checkpoints on the writer thread; SqliteCheckpointer does, beside it.
            // journal_size_limit: a WAL that grew while checkpoints lagged is cut back to 64 MiB once it restarts.
            Execute(
                connection,
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"PRAGMA busy_timeout = {_busyTimeoutMilliseconds}; PRAGMA synchronous = FULL; PRAGMA temp_store = MEMORY; PRAGMA query_only = {(readOnly ? 1 : 0)}; PRAGMA cache_size = {(readOnly ? -_readerCacheKiB : -WriterCacheKiB)}; PRAGMA wal_autocheckpoint = 0; PRAGMA journal_size_limit = 67108864;"));
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>Rolls back an open transaction, if SQLite has not already done so after an error; never throws.</summary>
    public static void RollbackIfActive(SqliteConnection connection)
    {
        try
        {
            if (connection.Handle is { } handle && SQLitePCL.raw.sqlite3_get_autocommit(handle) == 0)
            {
                Execute(connection, "ROLLBACK;");
            }
        }
        catch (SqliteException)
        {
            // The connection is closed by the caller after a failure; a failed rollback leaves nothing committed.
        }
    }
}
