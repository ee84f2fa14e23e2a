namespace Collaboration.Silo.Indexing;

/// <summary>A field and value of an index document, matched exactly (ordinal).</summary>
public readonly record struct IndexTerm(string Field, string Value);
