using Microsoft.Azure.Cosmos.Table;

namespace Collaboration.Silo.Storage.AzureTable;

/// <summary>
/// The only code that uses the Table SDK (Microsoft.Azure.Cosmos.Table, the one the package source serves). The
/// SDK's own retries are off: <see cref="TableRetry"/> decides what is safe to repeat.
/// </summary>
internal sealed class CosmosTableGateway : ITableGateway
{
    private readonly CloudTableClient _client;
    private readonly TableRequestOptions _options;

    public CosmosTableGateway(string connectionString, TimeSpan requestTimeout)
    {
        CloudStorageAccount account;
        try
        {
            account = CloudStorageAccount.Parse(connectionString);
        }
        catch (Exception exception) when (exception is FormatException or ArgumentException)
        {
            // The message of the SDK would quote the connection string, key and all.
            throw new ArgumentException("Collaboration:Storage:ConnectionString is not a valid Azure Storage connection string.");
        }

        _client = account.CreateCloudTableClient();
        _options = new TableRequestOptions
        {
            RetryPolicy = new NoRetry(),
            MaximumExecutionTime = requestTimeout,
            ServerTimeout = requestTimeout,
        };
    }

    public Task CreateTableIfNotExistsAsync(string table, CancellationToken cancellationToken) =>
        Run(() => Table(table).CreateIfNotExistsAsync(_options, null, cancellationToken), cancellationToken);

    public async Task<TableRow?> GetAsync(string table, string partitionKey, string rowKey, CancellationToken cancellationToken)
    {
        var result = await Run(() => Table(table).ExecuteAsync(TableOperation.Retrieve(partitionKey, rowKey), _options, null, cancellationToken), cancellationToken);
        return result.Result is DynamicTableEntity entity ? ToRow(entity) : null;
    }

    public async Task<string> InsertAsync(string table, TableRow row, CancellationToken cancellationToken) =>
        ToToken((await Run(() => Table(table).ExecuteAsync(TableOperation.Insert(ToEntity(row)), _options, null, cancellationToken), cancellationToken)).Etag);

    public async Task<string> ReplaceAsync(string table, TableRow row, CancellationToken cancellationToken) =>
        ToToken((await Run(() => Table(table).ExecuteAsync(TableOperation.Replace(ToEntity(row)), _options, null, cancellationToken), cancellationToken)).Etag);

    public async Task<string> MergeAsync(string table, TableRow row, CancellationToken cancellationToken) =>
        ToToken((await Run(() => Table(table).ExecuteAsync(TableOperation.Merge(ToEntity(row)), _options, null, cancellationToken), cancellationToken)).Etag);

    public Task DeleteAsync(string table, string partitionKey, string rowKey, string etag, CancellationToken cancellationToken) =>
        Run(
            () => Table(table).ExecuteAsync(TableOperation.Delete(new DynamicTableEntity(partitionKey, rowKey) { ETag = FromToken(etag) }), _options, null, cancellationToken),
            cancellationToken);

    public Task ExecuteBatchAsync(string table, string partitionKey, IReadOnlyList<TableWrite> writes, CancellationToken cancellationToken)
    {
        var batch = new TableBatchOperation();
        foreach (var write in writes)
        {
            if (write.Row is { } row)
            {
                if (write.InsertOnly)
                {
                    batch.Insert(ToEntity(row));
                }
                else
                {
                    batch.InsertOrReplace(ToEntity(row));
                }
            }
            else
            {
                batch.Delete(new DynamicTableEntity(partitionKey, write.DeleteRowKey) { ETag = "*" });
            }
        }

        return Run(() => Table(table).ExecuteBatchAsync(batch, _options, null, cancellationToken), cancellationToken);
    }

    public async Task<TableSegment> QueryAsync(
        string table,
        TableRange range,
        int take,
        IReadOnlyList<string>? columns,
        object? continuation,
        CancellationToken cancellationToken)
    {
        var filter = TableQuery.GenerateFilterCondition("PartitionKey", QueryComparisons.Equal, range.PartitionKey);
        if (range.From is not null)
        {
            filter = And(filter, TableQuery.GenerateFilterCondition("RowKey", QueryComparisons.GreaterThanOrEqual, range.From));
        }

        if (range.After is not null)
        {
            filter = And(filter, TableQuery.GenerateFilterCondition("RowKey", QueryComparisons.GreaterThan, range.After));
        }

        if (range.Before is not null)
        {
            filter = And(filter, TableQuery.GenerateFilterCondition("RowKey", QueryComparisons.LessThan, range.Before));
        }

        var query = new TableQuery<DynamicTableEntity>
        {
            FilterString = filter,
            TakeCount = take,
            SelectColumns = columns?.ToList(),
        };
        var segment = await Run(
            () => Table(table).ExecuteQuerySegmentedAsync(query, continuation as TableContinuationToken, _options, null, cancellationToken),
            cancellationToken);
        return new TableSegment(segment.Results.Select(ToRow).ToList(), segment.ContinuationToken);
    }

    private CloudTable Table(string name) => _client.GetTableReference(name);

    private static string And(string left, string right) => TableQuery.CombineFilters(left, TableOperators.And, right);

    private static async Task<T> Run<T>(Func<Task<T>> request, CancellationToken cancellationToken)
    {
        try
        {
            return await request();
        }
        catch (StorageException exception)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var information = exception.RequestInformation;
            var status = information?.HttpStatusCode ?? 0;
            // Below 100 the SDK had no answer at all (connection refused, reset, its own timeout).
            throw new TableRequestException(
                status is >= 100 and < 600 ? status : 0,
                information?.ExtendedErrorInformation?.ErrorCode,
                $"The table service answered {status}: {exception.Message}",
                exception);
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException or TimeoutException
            || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new TableRequestException(0, null, $"The table service did not answer: {exception.Message}", exception);
        }
    }

    private static async Task Run(Func<Task> request, CancellationToken cancellationToken) =>
        await Run(async () => { await request(); return true; }, cancellationToken);

    /// <summary>
    /// The service's ETags are weak and quoted (<c>W/"datetime'…'"</c>); the runtime and the API want an opaque token
    /// they can quote themselves, so the wrapping is taken off on the way out and put back on the way in.
    /// </summary>
    private static string ToToken(string etag) =>
        etag.StartsWith(WeakPrefix, StringComparison.Ordinal) && etag.EndsWith('"') && etag.Length > WeakPrefix.Length
            ? etag[WeakPrefix.Length..^1]
            : etag;

    private static string FromToken(string token) => token == "*" ? token : WeakPrefix + token + "\"";

    private const string WeakPrefix = "W/\"";

    private static DynamicTableEntity ToEntity(TableRow row)
    {
        var entity = new DynamicTableEntity(row.PartitionKey, row.RowKey) { ETag = row.ETag is null ? null : FromToken(row.ETag) };
        foreach (var (name, value) in row.Properties)
        {
            entity.Properties[name] = value switch
            {
                byte[] bytes => new EntityProperty(bytes),
                string text => new EntityProperty(text),
                long number => new EntityProperty(number),
                int number => new EntityProperty(number),
                bool flag => new EntityProperty(flag),
                null => new EntityProperty((string?)null),
                _ => throw new ArgumentException($"Property {name} has a type tables do not keep: {value.GetType()}."),
            };
        }

        return entity;
    }

    private static TableRow ToRow(DynamicTableEntity entity)
    {
        var row = new TableRow(entity.PartitionKey, entity.RowKey) { ETag = entity.ETag is null ? null : ToToken(entity.ETag) };
        foreach (var (name, property) in entity.Properties)
        {
            row[name] = property.PropertyType switch
            {
                EdmType.Binary => property.BinaryValue,
                EdmType.String => property.StringValue,
                EdmType.Int64 => property.Int64Value,
                EdmType.Int32 => property.Int32Value,
                EdmType.Boolean => property.BooleanValue,
                _ => property.PropertyAsObject,
            };
        }

        return row;
    }
}
