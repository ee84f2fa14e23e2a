namespace Collaboration.Silo.Indexing;

/// <summary>A position in an index's order. Documents are ordered by SortKey, then DocumentId (ordinal).</summary>
public readonly record struct IndexCursor(long SortKey, string DocumentId);
