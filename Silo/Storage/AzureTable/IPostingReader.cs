namespace Collaboration.Silo.Storage.AzureTable;

/// <summary>The reads a search makes in the postings table, with the provider's table creation and failure handling.</summary>
internal interface IPostingReader
{
    /// <summary>One page of a range of the postings table (every property).</summary>
    Task<TableSegment> ReadPostingsAsync(TableRange range, int take, object? continuation, CancellationToken cancellationToken);

    /// <summary>One row of the postings table; null when there is none.</summary>
    Task<TableRow?> GetPostingAsync(string partitionKey, string rowKey, CancellationToken cancellationToken);
}
