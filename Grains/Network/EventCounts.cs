namespace Collaboration.Grains.Network;

/// <summary>Events not cancelled: <see cref="Held"/> started before today, <see cref="Upcoming"/> start today or later.</summary>
[GenerateSerializer, Immutable, Alias("collaboration.EventCounts")]
public sealed record EventCounts(long Held, long Upcoming);
