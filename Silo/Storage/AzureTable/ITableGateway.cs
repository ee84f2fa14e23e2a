namespace Collaboration.Silo.Storage.AzureTable;

/// <summary>
/// The table operations the provider needs, without SDK types, so that only <see cref="AzureTablesGateway"/> knows
/// the SDK and tests can put faults between the two. Every method throws <see cref="TableRequestException"/> for a
/// refusal, or for a missing answer once the SDK's retries are spent.
/// </summary>
internal interface ITableGateway
{
    /// <summary>How many entities the service has returned so far (point reads and queries): what reading costs.</summary>
    long EntitiesRead { get; }

    Task CreateTableIfNotExistsAsync(string table, CancellationToken cancellationToken);

    Task<TableRow?> GetAsync(string table, string partitionKey, string rowKey, CancellationToken cancellationToken);

    /// <summary>Inserts a row that must not exist (409 otherwise); returns its ETag.</summary>
    Task<string> InsertAsync(string table, TableRow row, CancellationToken cancellationToken);

    /// <summary>Replaces the row whose ETag is <see cref="TableRow.ETag"/> (412 when it changed, 404 when gone); returns the new ETag.</summary>
    Task<string> ReplaceAsync(string table, TableRow row, CancellationToken cancellationToken);

    /// <summary>Sets the given properties of the row whose ETag is <see cref="TableRow.ETag"/>; returns the new ETag.</summary>
    Task<string> MergeAsync(string table, TableRow row, CancellationToken cancellationToken);

    /// <summary>Deletes the row if its ETag is <paramref name="etag"/> (or unconditionally for <c>*</c>).</summary>
    Task DeleteAsync(string table, string partitionKey, string rowKey, string etag, CancellationToken cancellationToken);

    /// <summary>Applies inserts, upserts and unconditional deletes of one partition atomically (an entity group transaction).</summary>
    Task ExecuteBatchAsync(string table, string partitionKey, IReadOnlyList<TableWrite> writes, CancellationToken cancellationToken);

    /// <summary>One page of a range in key order; <paramref name="columns"/> null reads every property.</summary>
    Task<TableSegment> QueryAsync(
        string table,
        TableRange range,
        int take,
        IReadOnlyList<string>? columns,
        object? continuation,
        CancellationToken cancellationToken);
}
