using Collaboration.Silo.Storage.AzureTable;

namespace Collaboration.Silo.Tests.Storage;

/// <summary>
/// Passes requests to the real gateway, except where a test puts a fault above the SDK, as a process that stops
/// between two requests would: <see cref="Before"/> fails a request before it reaches the service. Transient
/// faults, which the SDK retries, go on the wire instead (<see cref="FaultyWire"/>).
/// </summary>
internal sealed class FaultyTableGateway(ITableGateway inner) : ITableGateway
{
    /// <summary>Called with the operation and table name before the request is sent; throw to fail it.</summary>
    public Action<string, string>? Before { get; set; }

    public long EntitiesRead => inner.EntitiesRead;

    public Task CreateTableIfNotExistsAsync(string table, CancellationToken cancellationToken) =>
        RunAsync("create", table, () => inner.CreateTableIfNotExistsAsync(table, cancellationToken));

    public Task<TableRow?> GetAsync(string table, string partitionKey, string rowKey, CancellationToken cancellationToken) =>
        RunAsync("get", table, () => inner.GetAsync(table, partitionKey, rowKey, cancellationToken));

    public Task<string> InsertAsync(string table, TableRow row, CancellationToken cancellationToken) =>
        RunAsync("insert", table, () => inner.InsertAsync(table, row, cancellationToken));

    public Task<string> ReplaceAsync(string table, TableRow row, CancellationToken cancellationToken) =>
        RunAsync("replace", table, () => inner.ReplaceAsync(table, row, cancellationToken));

    public Task<string> MergeAsync(string table, TableRow row, CancellationToken cancellationToken) =>
        RunAsync("merge", table, () => inner.MergeAsync(table, row, cancellationToken));

    public Task DeleteAsync(string table, string partitionKey, string rowKey, string etag, CancellationToken cancellationToken) =>
        RunAsync("delete", table, () => inner.DeleteAsync(table, partitionKey, rowKey, etag, cancellationToken));

    public Task ExecuteBatchAsync(string table, string partitionKey, IReadOnlyList<TableWrite> writes, CancellationToken cancellationToken) =>
        RunAsync("batch", table, () => inner.ExecuteBatchAsync(table, partitionKey, writes, cancellationToken));

    public Task<TableSegment> QueryAsync(
        string table,
        TableRange range,
        int take,
        IReadOnlyList<string>? columns,
        object? continuation,
        CancellationToken cancellationToken) =>
        RunAsync("query", table, () => inner.QueryAsync(table, range, take, columns, continuation, cancellationToken));

    private async Task<T> RunAsync<T>(string operation, string table, Func<Task<T>> request)
    {
        Before?.Invoke(operation, table);
        return await request();
    }

    private Task RunAsync(string operation, string table, Func<Task> request) =>
        RunAsync(
            operation,
            table,
            async () =>
            {
                await request();
                return true;
            });
}
