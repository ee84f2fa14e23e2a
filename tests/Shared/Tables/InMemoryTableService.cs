using Collaboration.Silo.Storage.AzureTable;

namespace Collaboration.Tests.Tables;

/// <summary>
/// A table service in memory behind the provider's gateway, with the service's semantics where the provider relies
/// on them: partitions in RowKey order, ranges read a page at a time with a continuation, ETags (insert 409, If-Match
/// 412, a missing row 404), atomic batches, a delete of a missing row counting as done, and entities read counted
/// as the real gateway counts them. For measuring what queries read at sizes Azurite would take too long to fill.
/// </summary>
internal sealed class InMemoryTableService : ITableGateway
{
    private static readonly IComparer<Entity> ByRowKey = Comparer<Entity>.Create((a, b) => string.CompareOrdinal(a.RowKey, b.RowKey));

    private readonly Dictionary<string, SortedDictionary<string, SortedSet<Entity>>> _tables = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private long _entitiesRead;
    private long _etags;

    public long EntitiesRead => Interlocked.Read(ref _entitiesRead);

    public Task CreateTableIfNotExistsAsync(string table, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _tables.TryAdd(table, new SortedDictionary<string, SortedSet<Entity>>(StringComparer.Ordinal));
        }

        return Task.CompletedTask;
    }

    public Task<TableRow?> GetAsync(string table, string partitionKey, string rowKey, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var found = Find(table, partitionKey, rowKey);
            if (found is not null)
            {
                Interlocked.Increment(ref _entitiesRead);
            }

            return Task.FromResult(found?.ToRow(partitionKey, null));
        }
    }

    public Task<string> InsertAsync(string table, TableRow row, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (Find(table, row.PartitionKey, row.RowKey) is not null)
            {
                throw new TableRequestException(409, "EntityAlreadyExists", "The entity exists.");
            }

            return Task.FromResult(Store(table, row, merge: false));
        }
    }

    public Task<string> ReplaceAsync(string table, TableRow row, CancellationToken cancellationToken) => UpdateAsync(table, row, merge: false);

    public Task<string> MergeAsync(string table, TableRow row, CancellationToken cancellationToken) => UpdateAsync(table, row, merge: true);

    public Task DeleteAsync(string table, string partitionKey, string rowKey, string etag, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (Find(table, partitionKey, rowKey) is { } entity)
            {
                CheckETag(entity, etag);
                Partition(table, partitionKey).Remove(entity);
            }
        }

        return Task.CompletedTask;
    }

    public Task ExecuteBatchAsync(string table, string partitionKey, IReadOnlyList<TableWrite> writes, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            // All or nothing: every write is checked before any is applied.
            foreach (var write in writes)
            {
                var existing = Find(table, partitionKey, write.Row?.RowKey ?? write.DeleteRowKey!);
                if (write.InsertOnly && existing is not null)
                {
                    throw new TableRequestException(409, "EntityAlreadyExists", "The entity exists.");
                }

                if (write.Row is null && existing is null)
                {
                    throw new TableRequestException(404, "ResourceNotFound", "The entity to delete is not there.");
                }
            }

            foreach (var write in writes)
            {
                if (write.Row is { } row)
                {
                    Store(table, row, merge: false);
                }
                else
                {
                    Partition(table, partitionKey).Remove(Find(table, partitionKey, write.DeleteRowKey!)!);
                }
            }
        }

        return Task.CompletedTask;
    }

    public Task<TableSegment> QueryAsync(string table, TableRange range, int take, IReadOnlyList<string>? columns, object? continuation, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var (partitionAfter, rowAfter) = continuation is (string p, string r) ? (p, r) : (null, null);
            var rows = new List<TableRow>();
            foreach (var (partitionKey, entities) in Table(table))
            {
                if ((range.PartitionKey is not null && partitionKey != range.PartitionKey) || string.CompareOrdinal(partitionKey, partitionAfter) < 0)
                {
                    continue;
                }

                var (lower, upper) = (range.From ?? range.After ?? "", range.Before ?? "\uffff");
                if (string.CompareOrdinal(lower, upper) > 0)
                {
                    continue;
                }

                foreach (var entity in entities.GetViewBetween(new Entity(lower), new Entity(upper)))
                {
                    if ((range.After is not null && string.CompareOrdinal(entity.RowKey, range.After) <= 0)
                        || (range.Before is not null && string.CompareOrdinal(entity.RowKey, range.Before) >= 0)
                        || (partitionKey == partitionAfter && string.CompareOrdinal(entity.RowKey, rowAfter) <= 0))
                    {
                        continue;
                    }

                    if (rows.Count == take)
                    {
                        Interlocked.Add(ref _entitiesRead, rows.Count);
                        return Task.FromResult(new TableSegment(rows, (rows[^1].PartitionKey, rows[^1].RowKey)));
                    }

                    rows.Add(entity.ToRow(partitionKey, columns));
                }
            }

            Interlocked.Add(ref _entitiesRead, rows.Count);
            return Task.FromResult(new TableSegment(rows, null));
        }
    }

    private Task<string> UpdateAsync(string table, TableRow row, bool merge)
    {
        lock (_lock)
        {
            var entity = Find(table, row.PartitionKey, row.RowKey) ?? throw new TableRequestException(404, "ResourceNotFound", "No such entity.");
            CheckETag(entity, row.ETag ?? "*");
            return Task.FromResult(Store(table, row, merge));
        }
    }

    private string Store(string table, TableRow row, bool merge)
    {
        var partition = Partition(table, row.PartitionKey);
        var entity = Find(table, row.PartitionKey, row.RowKey);
        if (entity is null)
        {
            partition.Add(entity = new Entity(row.RowKey));
        }
        else if (!merge)
        {
            entity.Properties.Clear();
        }

        foreach (var (name, value) in row.Properties)
        {
            // Byte arrays are shared, not copied: the provider never changes a row it has handed over or read.
            entity.Properties[name] = value;
        }

        entity.ETag = "e" + Interlocked.Increment(ref _etags);
        return entity.ETag;
    }

    private static void CheckETag(Entity entity, string etag)
    {
        if (etag != "*" && etag != entity.ETag)
        {
            throw new TableRequestException(412, "UpdateConditionNotSatisfied", "The ETag does not match.");
        }
    }

    private Entity? Find(string table, string partitionKey, string rowKey) =>
        Table(table).TryGetValue(partitionKey, out var partition) && partition.TryGetValue(new Entity(rowKey), out var entity) ? entity : null;

    private SortedSet<Entity> Partition(string table, string partitionKey)
    {
        var partitions = Table(table);
        if (!partitions.TryGetValue(partitionKey, out var partition))
        {
            partitions[partitionKey] = partition = new SortedSet<Entity>(ByRowKey);
        }

        return partition;
    }

    private SortedDictionary<string, SortedSet<Entity>> Table(string table) =>
        _tables.TryGetValue(table, out var partitions) ? partitions : throw new TableRequestException(404, "TableNotFound", $"No table {table}.");

    private sealed class Entity(string rowKey)
    {
        public string RowKey { get; } = rowKey;

        public string ETag { get; set; } = "";

        public Dictionary<string, object?> Properties { get; } = new(StringComparer.Ordinal);

        public TableRow ToRow(string partitionKey, IReadOnlyList<string>? columns)
        {
            var row = new TableRow(partitionKey, RowKey) { ETag = ETag };
            foreach (var (name, value) in Properties)
            {
                if (columns is null || columns.Contains(name))
                {
                    row[name] = value;
                }
            }

            return row;
        }
    }
}
