namespace Collaboration.Silo.Storage.AzureTable;

/// <summary>Where one posting row of an index document is (or may be).</summary>
internal readonly record struct PostingKey(string PartitionKey, string RowKey);
