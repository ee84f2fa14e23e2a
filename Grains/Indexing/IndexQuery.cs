namespace Collaboration.Grains.Indexing;

/// <summary>
/// A query over one index: documents having every one of <see cref="Terms"/> and, when <see cref="Text"/> is
/// given, matching every word of it, ordered by (SortKey, DocumentId), starting strictly after <see cref="After"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("collaboration.IndexQuery")]
public sealed record IndexQuery(string Index)
{
    [Id(100)]
    public IReadOnlyList<IndexTerm> Terms { get; init; } = [];

    /// <summary>
    /// Plain words typed by a user, never a query language: each word must occur in the document's text
    /// (case-insensitive, diacritics folded, the last word also as a prefix). Operators and quotes are treated as separators.
    /// </summary>
    [Id(101)]
    public string? Text { get; init; }

    /// <summary>Newest (highest sort key) first when true.</summary>
    [Id(102)]
    public bool Descending { get; init; } = true;

    [Id(103)]
    public int Limit { get; init; } = 50;

    /// <summary>The position to continue after (exclusive); null starts at the beginning.</summary>
    [Id(104)]
    public IndexCursor? After { get; init; }
}
