using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;

namespace Collaboration.Silo.Storage.AzureTable;

/// <summary>
/// The only code that uses the Table SDK (Azure.Data.Tables). Transient failures (no answer, a timeout, 408, 429,
/// 500, 502, 503, 504) are retried by the SDK's own exponential policy, bounded by <see cref="AzureTableStorageOptions"/>;
/// what is left when its attempts are spent reaches the provider as a <see cref="TableRequestException"/>.
/// Counts the entities the service returns, so that the cost of a query can be measured.
/// </summary>
internal sealed class AzureTablesGateway : ITableGateway
{
    private const string WeakPrefix = "W/\"";

    private readonly TableServiceClient _service;
    private long _entitiesRead;

    /// <param name="transport">Replaces the HTTP transport (tests put faults on the wire with it); null for the usual one.</param>
    public AzureTablesGateway(AzureTableStorageOptions options, HttpPipelineTransport? transport = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.ConnectionString, nameof(options));
        var clientOptions = ClientOptions(options);
        if (transport is not null)
        {
            clientOptions.Transport = transport;
        }

        try
        {
            _service = new TableServiceClient(options.ConnectionString, clientOptions);
        }
        catch (Exception exception) when (exception is FormatException or ArgumentException or InvalidOperationException)
        {
            // The message of the SDK would quote the connection string, key and all.
            throw new ArgumentException("Collaboration:Storage:ConnectionString is not a valid Azure Storage connection string.");
        }
    }

    public long EntitiesRead => Interlocked.Read(ref _entitiesRead);

    /// <summary>The SDK's retry policy: exponential with jitter, bounded in attempts, delay and time per attempt.</summary>
    public static TableClientOptions ClientOptions(AzureTableStorageOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxAttempts, 1, nameof(options));
        var clientOptions = new TableClientOptions();
        clientOptions.Retry.Mode = RetryMode.Exponential;
        clientOptions.Retry.MaxRetries = options.MaxAttempts - 1;
        clientOptions.Retry.Delay = options.RetryBaseDelay;
        clientOptions.Retry.MaxDelay = options.RetryMaxDelay;
        clientOptions.Retry.NetworkTimeout = options.RequestTimeout;
        // Nothing identifies the caller: the service's logs need no telemetry header from us.
        clientOptions.Diagnostics.IsTelemetryEnabled = false;
        clientOptions.Diagnostics.IsDistributedTracingEnabled = false;
        clientOptions.Diagnostics.IsLoggingEnabled = false;
        return clientOptions;
    }

    public Task CreateTableIfNotExistsAsync(string table, CancellationToken cancellationToken) =>
        Run(() => Table(table).CreateIfNotExistsAsync(cancellationToken), cancellationToken);

    public async Task<TableRow?> GetAsync(string table, string partitionKey, string rowKey, CancellationToken cancellationToken)
    {
        var response = await Run(() => Table(table).GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, cancellationToken: cancellationToken), cancellationToken);
        if (!response.HasValue)
        {
            return null;
        }

        Interlocked.Increment(ref _entitiesRead);
        return ToRow(response.Value!);
    }

    public async Task<string> InsertAsync(string table, TableRow row, CancellationToken cancellationToken) =>
        ToToken(await Run(() => Table(table).AddEntityAsync(ToEntity(row), cancellationToken), cancellationToken));

    public async Task<string> ReplaceAsync(string table, TableRow row, CancellationToken cancellationToken) =>
        ToToken(await Run(() => Table(table).UpdateEntityAsync(ToEntity(row), IfMatch(row), TableUpdateMode.Replace, cancellationToken), cancellationToken));

    public async Task<string> MergeAsync(string table, TableRow row, CancellationToken cancellationToken) =>
        ToToken(await Run(() => Table(table).UpdateEntityAsync(ToEntity(row), IfMatch(row), TableUpdateMode.Merge, cancellationToken), cancellationToken));

    /// <summary>A row already gone counts as deleted (the SDK answers a 404 to a delete as success).</summary>
    public Task DeleteAsync(string table, string partitionKey, string rowKey, string etag, CancellationToken cancellationToken) =>
        Run(() => Table(table).DeleteEntityAsync(partitionKey, rowKey, FromToken(etag), cancellationToken), cancellationToken);

    public Task ExecuteBatchAsync(string table, string partitionKey, IReadOnlyList<TableWrite> writes, CancellationToken cancellationToken)
    {
        var actions = writes.Select(write => write.Row is { } row
            ? new TableTransactionAction(write.InsertOnly ? TableTransactionActionType.Add : TableTransactionActionType.UpsertReplace, ToEntity(row))
            : new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(partitionKey, write.DeleteRowKey), ETag.All))
            .ToList();
        return Run(() => Table(table).SubmitTransactionAsync(actions, cancellationToken), cancellationToken);
    }

    public async Task<TableSegment> QueryAsync(
        string table,
        TableRange range,
        int take,
        IReadOnlyList<string>? columns,
        object? continuation,
        CancellationToken cancellationToken)
    {
        var filter = Filter(range);
        // The service returns only the selected properties: the keys must be asked for.
        IReadOnlyList<string>? select = columns is null ? null : ["PartitionKey", "RowKey", .. columns];
        var page = await Run(
            async () =>
            {
                var pages = Table(table).QueryAsync<TableEntity>(filter, take, select, cancellationToken)
                    .AsPages(continuation as string, take)
                    .GetAsyncEnumerator(cancellationToken);
                await using (pages)
                {
                    return await pages.MoveNextAsync() ? pages.Current : null;
                }
            },
            cancellationToken);
        if (page is null)
        {
            return new TableSegment([], null);
        }

        Interlocked.Add(ref _entitiesRead, page.Values.Count);
        return new TableSegment(page.Values.Select(ToRow).ToList(), string.IsNullOrEmpty(page.ContinuationToken) ? null : page.ContinuationToken);
    }

    private TableClient Table(string name) => _service.GetTableClient(name);

    private static string? Filter(TableRange range)
    {
        var conditions = new List<string>();
        if (range.PartitionKey is not null)
        {
            conditions.Add(TableClient.CreateQueryFilter($"PartitionKey eq {range.PartitionKey}"));
        }

        if (range.From is not null)
        {
            conditions.Add(TableClient.CreateQueryFilter($"RowKey ge {range.From}"));
        }

        if (range.After is not null)
        {
            conditions.Add(TableClient.CreateQueryFilter($"RowKey gt {range.After}"));
        }

        if (range.Before is not null)
        {
            conditions.Add(TableClient.CreateQueryFilter($"RowKey lt {range.Before}"));
        }

        return conditions.Count == 0 ? null : string.Join(" and ", conditions);
    }

    private static async Task<T> Run<T>(Func<Task<T>> request, CancellationToken cancellationToken)
    {
        try
        {
            return await request();
        }
        catch (RequestFailedException exception)
        {
            cancellationToken.ThrowIfCancellationRequested();
            // Status 0: the SDK had no answer at all (connection refused, reset).
            throw new TableRequestException(
                exception.Status is >= 100 and < 600 ? exception.Status : 0,
                exception.ErrorCode,
                $"The table service answered {exception.Status}: {FirstLine(exception.Message)}",
                exception);
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException or TimeoutException or AggregateException
            || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // The SDK's attempts all failed without an answer (it aggregates them), or the last one timed out.
            throw new TableRequestException(0, null, $"The table service did not answer: {FirstLine(exception.Message)}", exception);
        }
    }

    private static Task Run(Func<Task> request, CancellationToken cancellationToken) =>
        Run(
            async () =>
            {
                await request();
                return true;
            },
            cancellationToken);

    private static string FirstLine(string message) => message.Split('\n', 2)[0].TrimEnd();

    private static ETag IfMatch(TableRow row) => row.ETag is null ? ETag.All : FromToken(row.ETag);

    /// <summary>
    /// The service's ETags are weak and quoted (<c>W/"datetime'…'"</c>); the runtime and the API want an opaque token
    /// they can quote themselves, so the wrapping is taken off on the way out and put back on the way in.
    /// </summary>
    private static string ToToken(Response response) =>
        ToToken(response.Headers.ETag?.ToString() ?? throw new InvalidOperationException("The table service answered a write without an ETag."));

    private static string ToToken(string etag) =>
        etag.StartsWith(WeakPrefix, StringComparison.Ordinal) && etag.EndsWith('"') && etag.Length > WeakPrefix.Length
            ? etag[WeakPrefix.Length..^1]
            : etag;

    private static ETag FromToken(string token) => token == "*" ? ETag.All : new ETag(WeakPrefix + token + "\"");

    private static TableEntity ToEntity(TableRow row)
    {
        var entity = new TableEntity(row.PartitionKey, row.RowKey);
        foreach (var (name, value) in row.Properties)
        {
            entity[name] = value switch
            {
                byte[] or string or long or int or bool => value,
                _ => throw new ArgumentException($"Property {name} has a type tables do not keep: {value?.GetType().Name ?? "null"}."),
            };
        }

        return entity;
    }

    private static TableRow ToRow(TableEntity entity)
    {
        var row = new TableRow(entity.PartitionKey, entity.RowKey) { ETag = entity.ETag == default ? null : ToToken(entity.ETag.ToString()) };
        foreach (var (name, value) in entity)
        {
            if (name is "PartitionKey" or "RowKey" or "Timestamp" or "odata.etag")
            {
                continue;
            }

            row[name] = value is BinaryData data ? data.ToArray() : value;
        }

        return row;
    }
}
