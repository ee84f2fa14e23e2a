namespace Collaboration.Grains.Indexing;

/// <summary>
/// A query over one index: documents having every one of <see cref="Terms"/> and, when <see cref="Text"/> is
/// given, matching it, ordered by (SortKey, DocumentId), starting strictly after <see cref="After"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("collaboration.IndexQuery")]
public sealed record IndexQuery(string Index)
{
    [Id(100)]
    public IReadOnlyList<IndexTerm> Terms { get; init; } = [];

    /// <summary>
    /// A search as a person types it, parsed by <see cref="SearchQuery"/> (words, "phrases", <c>OR</c>, <c>-word</c>,
    /// <c>prefix*</c>) and matched against the document's text case-insensitively with diacritics folded. Nothing in it
    /// is ever a storage's own query syntax. Text without a word is no condition; malformed text is an
    /// <see cref="ArgumentException"/>.
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
