namespace Collaboration.Silo.Storage.Search;

/// <summary>A document found in memory: its payload is read from the store by <see cref="RowId"/>.</summary>
internal readonly record struct SearchHit(string DocumentId, long SortKey, long RowId);
