namespace Collaboration.Grains.Indexing;

/// <summary>One page of results; <see cref="Next"/> is null on the last page.</summary>
[GenerateSerializer, Immutable, Alias("collaboration.IndexPage")]
public sealed record IndexPage(IReadOnlyList<IndexHit> Items, IndexCursor? Next);
