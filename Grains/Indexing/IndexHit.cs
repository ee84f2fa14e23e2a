namespace Collaboration.Grains.Indexing;

/// <summary>A document found by a query.</summary>
[GenerateSerializer, Immutable, Alias("collaboration.IndexHit")]
public sealed record IndexHit(string DocumentId, long SortKey, string? Payload)
{
    public IndexCursor Cursor => new(SortKey, DocumentId);
}
