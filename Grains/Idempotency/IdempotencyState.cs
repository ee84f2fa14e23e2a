using Collaboration.Grains.Indexing;
using Collaboration.Silo;
using Collaboration.Silo.Indexing;

namespace Collaboration.Grains.Idempotency;

/// <summary>
/// One stored answer. It publishes an entry ordered by its time in the <see cref="IndexNames.Idempotency"/> index,
/// so that expired records can be found oldest first and deleted: storage holds about one day of keyed POSTs.
/// </summary>
public sealed class IdempotencyState : IIndexedState
{
    public StoredResponse? Response { get; set; }

    public IReadOnlyList<IndexEntry> GetIndexEntries(GrainId grainId) =>
        Response is null ? [] : [new IndexEntry(IndexNames.Idempotency, grainId.Key) { SortKey = Response.CreatedAt.UtcTicks }];
}
