namespace Collaboration.Grains.Events;

/// <summary>An event as stored, with the version (ETag) of its record.</summary>
[GenerateSerializer, Immutable, Alias("collaboration.EventSnapshot")]
public sealed record EventSnapshot(EventSummary Event, string Version);
