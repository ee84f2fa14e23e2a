using Collaboration.Grains.Indexing;

namespace Collaboration.Silo.Storage.Search;

/// <summary>A document of an index removed (no entry) or published (its entry) by a commit.</summary>
internal readonly record struct IndexChange(string Index, string DocumentId, IndexEntry? Entry)
{
    public static IndexChange Removed(string index, string documentId) => new(index, documentId, null);

    public static IndexChange Published(IndexEntry entry) => new(entry.Index, entry.DocumentId, entry);
}
