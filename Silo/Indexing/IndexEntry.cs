namespace Collaboration.Silo.Indexing;

/// <summary>
/// One document of a secondary index, published by a grain state so that lists and searches are answered by
/// storage without activating grains. The pair (<see cref="Index"/>, <see cref="DocumentId"/>) is unique.
/// </summary>
public sealed record IndexEntry(string Index, string DocumentId)
{
    /// <summary>Orders the documents of an index (a time in ticks, say); ties are broken by <see cref="DocumentId"/>.</summary>
    public long SortKey { get; init; }

    /// <summary>Exact-match fields a query can filter on; a field may appear with several values (themes).</summary>
    public IReadOnlyList<IndexTerm> Terms { get; init; } = [];

    /// <summary>Free text searched by <see cref="IndexQuery.Text"/>.</summary>
    public string? Text { get; init; }

    /// <summary>What a query returns for this document (a JSON summary), so that lists need no grain.</summary>
    public string? Payload { get; init; }
}
