namespace Collaboration.Silo.Storage.AzureTable;

/// <summary>
/// One table entity, independent of the Table SDK: keys, the ETag it was read with (or the If-Match to write with),
/// and properties whose values are <c>byte[]</c>, <c>string</c>, <c>long</c>, <c>int</c> or <c>bool</c>.
/// </summary>
internal sealed class TableRow(string partitionKey, string rowKey)
{
    public string PartitionKey { get; } = partitionKey;

    public string RowKey { get; } = rowKey;

    public string? ETag { get; set; }

    public Dictionary<string, object?> Properties { get; } = new(StringComparer.Ordinal);

    public object? this[string name]
    {
        get => Properties.GetValueOrDefault(name);
        set => Properties[name] = value;
    }

    public string? GetString(string name) => this[name] as string;

    public long GetInt64(string name) => this[name] switch
    {
        long value => value,
        int value => value,
        _ => 0,
    };

    public bool GetBoolean(string name) => this[name] is true;
}
