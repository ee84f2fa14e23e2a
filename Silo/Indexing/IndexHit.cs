namespace Collaboration.Silo.Indexing;

/// <summary>A document found by a query.</summary>
public sealed record IndexHit(string DocumentId, long SortKey, string? Payload)
{
    public IndexCursor Cursor => new(SortKey, DocumentId);
}
