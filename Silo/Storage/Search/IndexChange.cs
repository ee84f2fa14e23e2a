using Collaboration.Grains.Indexing;

namespace Collaboration.Silo.Storage.Search;

/// <summary>A document of an index removed (no entry) or published (its entry and its row in <c>index_doc</c>) by a commit.</summary>
internal readonly record struct IndexChange(string Index, string DocumentId, IndexEntry? Entry, long RowId)
{
    public static IndexChange Removed(string index, string documentId) => new(index, documentId, null, 0);

    public static IndexChange Published(IndexEntry entry, long rowId) => new(entry.Index, entry.DocumentId, entry, rowId);
}
