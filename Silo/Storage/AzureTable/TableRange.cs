namespace Collaboration.Silo.Storage.AzureTable;

/// <summary>
/// The rows of one partition (of the whole table when <see cref="PartitionKey"/> is null) whose RowKey is greater
/// than <see cref="After"/> (or at least <see cref="From"/>) and less than <see cref="Before"/>.
/// </summary>
internal sealed record TableRange(string? PartitionKey, string? From, string? After, string? Before);
