using Collaboration.Grains.Storage;

namespace Collaboration.Grains.Activity;

/// <summary>A state write committed with its activity record: the record and the state's new ETag (none for a record without a state).</summary>
[GenerateSerializer, Immutable, Alias("collaboration.RecordedWrite")]
public sealed record RecordedWrite([property: Id(0)] ActivityRecord Record, [property: Id(1)] string? ETag);
