namespace Collaboration.Grains.Network;

/// <summary>The projection's answer: folded up to <see cref="Position"/> (an activity sequence number).</summary>
[GenerateSerializer, Immutable, Alias("collaboration.NetworkProjection")]
public sealed record NetworkProjection(long Position, IReadOnlyDictionary<string, DateTimeOffset> LastActivity);
