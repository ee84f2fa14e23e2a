namespace Collaboration.Silo.Storage.Search;

/// <summary>A document found in memory, with its payload as the UTF-8 bytes the index holds (never changed in place).</summary>
internal readonly record struct SearchHit(string DocumentId, long SortKey, byte[]? Payload);
