namespace Collaboration.Grains.Indexing;

/// <summary>A position in an index's order. Documents are ordered by SortKey, then DocumentId (ordinal).</summary>
[GenerateSerializer, Immutable, Alias("collaboration.IndexCursor")]
public readonly record struct IndexCursor(long SortKey, string DocumentId);
