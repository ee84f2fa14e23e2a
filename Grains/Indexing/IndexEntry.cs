namespace Collaboration.Grains.Indexing;

/// <summary>
/// One document of a secondary index, published by a grain state so that lists and searches are answered by
/// storage without activating grains. The pair (<see cref="Index"/>, <see cref="DocumentId"/>) is unique.
/// </summary>
[GenerateSerializer, Immutable, Alias("collaboration.IndexEntry")]
public sealed record IndexEntry(string Index, string DocumentId)
{
    /// <summary>Orders the documents of an index (a time in ticks, say); ties are broken by <see cref="DocumentId"/>.</summary>
    [Id(100)]
    public long SortKey { get; init; }

    /// <summary>Exact-match fields a query can filter on; a field may appear with several values (themes).</summary>
    [Id(101)]
    public IReadOnlyList<IndexTerm> Terms { get; init; } = [];

    /// <summary>Free text searched by <see cref="IndexQuery.Text"/>.</summary>
    [Id(102)]
    public string? Text { get; init; }

    /// <summary>What a query returns for this document (a JSON summary), so that lists need no grain.</summary>
    [Id(103)]
    public string? Payload { get; init; }
}
