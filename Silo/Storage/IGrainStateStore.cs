using Collaboration.Grains.Errors;
using Collaboration.Grains.Indexing;
using Orleans.Storage;

namespace Collaboration.Silo.Storage;

/// <summary>
/// Stores grain states with optimistic concurrency, together with the index entries each state publishes.
/// <para>
/// ETag rules, the same for every provider: a write or clear with <c>expectedETag == null</c> requires that no
/// record exists; otherwise it requires the stored record's ETag to equal <c>expectedETag</c>. When the
/// requirement fails the provider throws <see cref="InconsistentStateException"/> and changes nothing.
/// A write replaces, in the same atomic step, every index entry previously published by that state with
/// <c>indexEntries</c>; a clear removes the record and its index entries. A task completes only once the
/// change is durable. Outages surface as <see cref="StorageUnavailableException"/>.
/// </para>
/// </summary>
public interface IGrainStateStore
{
    Task<GrainStateRecord?> ReadAsync(GrainStateId id, CancellationToken cancellationToken = default);

    /// <returns>The new ETag.</returns>
    Task<string> WriteAsync(
        GrainStateId id,
        ReadOnlyMemory<byte> data,
        string? expectedETag,
        IReadOnlyList<IndexEntry> indexEntries,
        CancellationToken cancellationToken = default);

    Task ClearAsync(GrainStateId id, string? expectedETag, CancellationToken cancellationToken = default);
}
