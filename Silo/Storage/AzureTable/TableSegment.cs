namespace Collaboration.Silo.Storage.AzureTable;

/// <summary>One page of a range query; <see cref="Continuation"/> is null after the last page.</summary>
internal sealed record TableSegment(IReadOnlyList<TableRow> Rows, object? Continuation);
