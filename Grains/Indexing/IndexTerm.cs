namespace Collaboration.Grains.Indexing;

/// <summary>A field and value of an index document, matched exactly (ordinal).</summary>
[GenerateSerializer, Immutable, Alias("collaboration.IndexTerm")]
public readonly record struct IndexTerm(string Field, string Value);
