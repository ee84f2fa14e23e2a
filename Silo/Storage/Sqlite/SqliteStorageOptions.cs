namespace Collaboration.Silo.Storage.Sqlite;

/// <summary>Where the SQLite file lives and how its writer and readers behave.</summary>
public sealed record SqliteStorageOptions
{
    /// <summary>The default of <see cref="ReadConnectionCacheKiB"/>: 2 MiB, SQLite's own.</summary>
    public const int DefaultReadConnectionCacheKiB = 2 * 1024;

    /// <summary>The folder of the database file; created on first use.</summary>
    public string DataPath { get; set; } = "data";

    public string FileName { get; set; } = "collaboration.db";

    /// <summary>
    /// How long a statement waits for a lock held by another connection before the storage is reported unavailable.
    /// Microsoft.Data.Sqlite adds its own retries in whole seconds, so the wait is at least about one second.
    /// </summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The most write operations committed in one transaction.</summary>
    public int MaxBatchSize { get; set; } = 512;

    /// <summary>Writes waiting for the writer beyond which callers wait to enqueue (back-pressure).</summary>
    public int MaxQueuedWrites { get; set; } = 10_000;

    /// <summary>Read connections kept open between reads.</summary>
    public int MaxIdleReadConnections { get; set; } = 8;

    /// <summary>
    /// The page cache of each read connection, in KiB. Lists and searches read nothing from the file once the memory
    /// indexes are filled, so readers mostly load single grain states, which land all over the file; each open read
    /// connection may fill its own, up to <see cref="MaxIdleReadConnections"/> of them and any in use beyond.
    /// </summary>
    public int ReadConnectionCacheKiB { get; set; } = DefaultReadConnectionCacheKiB;

    /// <summary>
    /// Index answers kept per index until a commit touches that index; 0 turns the cache off. Lists of a
    /// partner's projects and agreements, a project's events and the like are read far more often than written.
    /// </summary>
    public int CachedQueriesPerIndex { get; set; } = 4096;

    /// <summary>The full path of the database file.</summary>
    public string DatabasePath => Path.GetFullPath(Path.Combine(DataPath, FileName));
}
