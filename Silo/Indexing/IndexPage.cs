namespace Collaboration.Silo.Indexing;

/// <summary>One page of results; <see cref="Next"/> is null on the last page.</summary>
public sealed record IndexPage(IReadOnlyList<IndexHit> Items, IndexCursor? Next);
