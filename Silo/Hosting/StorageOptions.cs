using Collaboration.Silo.Storage.Sqlite;

namespace Collaboration.Silo.Hosting;

/// <summary>Which storage provider keeps grain state (<c>Collaboration:Storage</c>).</summary>
public sealed class StorageOptions
{
    /// <summary><c>Sqlite</c> (default), <c>AzureTable</c> or <c>Memory</c>.</summary>
    public string Provider { get; set; } = "Sqlite";

    /// <summary>Azure Storage connection string (or <c>UseDevelopmentStorage=true</c>) for <c>AzureTable</c>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// How long a write waits for a lock held by another process before it is answered 503 (SQLite; at least about a
    /// second, as Microsoft.Data.Sqlite counts its retries in whole seconds). Bounds how long a request hangs in an outage.
    /// </summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Index answers the SQLite storage keeps per index until a write touches that index; 0 turns the cache off.</summary>
    public int CachedQueriesPerIndex { get; set; } = 4096;

    /// <summary>The page cache of each SQLite read connection, in KiB.</summary>
    public int ReadConnectionCacheKiB { get; set; } = SqliteStorageOptions.DefaultReadConnectionCacheKiB;
}
