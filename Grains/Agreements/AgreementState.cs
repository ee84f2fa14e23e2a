using Collaboration.Grains.Errors;
using Collaboration.Grains.Indexing;
using Collaboration.Grains.Storage;

namespace Collaboration.Grains.Agreements;

/// <summary>
/// The stored state of one agreement grain. The history itself lives in the storage's append log
/// (<c>agreement/&lt;id&gt;</c>), not here, so the state stays bounded; <see cref="Unpublished"/> is an outbox:
/// the entries of a change are written with the change, in the same atomic write, and appended to the log
/// afterwards, so that the history can neither miss a change nor tell of one that never happened.
/// </summary>
public sealed class AgreementState : IIndexedState
{
    /// <summary>Null until the agreement is drafted.</summary>
    public Agreement? Agreement { get; set; }

    /// <summary>The sequence number of the newest history entry.</summary>
    public long LastHistorySeq { get; set; }

    /// <summary>History entries written with the state but perhaps not yet appended to the log, oldest first.</summary>
    public List<AgreementHistoryEntry> Unpublished { get; set; } = [];

    /// <summary>
    /// The token of the request that drafted the agreement, when it came with an Idempotency-Key: a retry of that
    /// request (same id, derived from the key) is answered with the agreement instead of a conflict.
    /// </summary>
    public string? CreationRequest { get; set; }

    public IReadOnlyList<IndexEntry> GetIndexEntries(string key) =>
        Agreement is null ? [] : [AgreementIndex.EntryOf(Agreement)];
}
