namespace Collaboration.Silo.Indexing;

/// <summary>
/// A query over one index: documents having every one of <see cref="Terms"/> and, when <see cref="Text"/> is
/// given, matching every word of it, ordered by (SortKey, DocumentId), starting strictly after <see cref="After"/>.
/// </summary>
public sealed record IndexQuery(string Index)
{
    public IReadOnlyList<IndexTerm> Terms { get; init; } = [];

    /// <summary>
    /// Plain words typed by a user, never a query language: each word must occur in the document's text
    /// (case-insensitive, diacritics folded, the last word also as a prefix). Operators and quotes are treated as separators.
    /// </summary>
    public string? Text { get; init; }

    /// <summary>Newest (highest sort key) first when true.</summary>
    public bool Descending { get; init; } = true;

    public int Limit { get; init; } = 50;

    /// <summary>The position to continue after (exclusive); null starts at the beginning.</summary>
    public IndexCursor? After { get; init; }
}
