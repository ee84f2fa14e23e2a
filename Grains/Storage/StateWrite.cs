using Collaboration.Grains.Indexing;

namespace Collaboration.Grains.Storage;

/// <summary>
/// A grain state to be written, as the grain storage has serialized it: the grain's type and key, the state's
/// name, its JSON, the ETag it expects and the index entries it publishes. It travels to the activity log's grain
/// when the state is to be committed together with the activity record that describes it.
/// </summary>
[GenerateSerializer, Immutable, Alias("collaboration.StateWrite")]
public sealed record StateWrite(
    [property: Id(0)] string GrainType,
    [property: Id(1)] string GrainKey,
    [property: Id(2)] string StateName,
    [property: Id(3)] byte[] Data,
    [property: Id(4)] string? ExpectedETag,
    [property: Id(5)] IReadOnlyList<IndexEntry> IndexEntries);
