namespace Collaboration.Silo.Storage.AzureTable;

/// <summary>One operation of a batch within one partition: an upsert or insert of a row, or a delete of a key.</summary>
internal sealed record TableWrite(TableRow? Row, string? DeleteRowKey, bool InsertOnly)
{
    public static TableWrite Put(TableRow row) => new(row, null, false);

    /// <summary>Fails the whole batch with 409 when the row exists.</summary>
    public static TableWrite Insert(TableRow row) => new(row, null, true);

    public static TableWrite Delete(string rowKey) => new(null, rowKey, false);
}
