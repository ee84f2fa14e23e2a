using Collaboration.Grains.Errors;
using Collaboration.Grains.Indexing;
using Collaboration.Grains.Storage;

namespace Collaboration.Grains.Idempotency;

/// <summary>
/// One stored answer. It publishes an entry ordered by its time in the <see cref="IndexNames.Idempotency"/> index,
/// so that expired records can be found oldest first and deleted: storage holds about one day of keyed POSTs.
/// </summary>
public sealed class IdempotencyState : IIndexedState
{
    public StoredResponse? Response { get; set; }

    public IReadOnlyList<IndexEntry> GetIndexEntries(string key) =>
        Response is null ? [] : [new IndexEntry(IndexNames.Idempotency, key) { SortKey = Response.CreatedAt.UtcTicks }];
}
