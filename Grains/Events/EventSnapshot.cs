namespace Collaboration.Grains.Events;

/// <summary>An event as stored, with the version (ETag) of its record.</summary>
public sealed record EventSnapshot(EventSummary Event, string Version);
