namespace Collaboration.Grains.Network;

/// <summary>
/// The folded activity and the log position it reflects, stored together so a fold is never counted twice.
/// Bounded by the network's size: one timestamp per partner that ever acted.
/// </summary>
public sealed class NetworkProjectionState
{
    /// <summary>The last activity sequence number folded in.</summary>
    public long Position { get; set; }

    /// <summary>Municipality id -> the time of its latest activity as actor or subject.</summary>
    public Dictionary<string, DateTimeOffset> LastActivity { get; set; } = new(StringComparer.Ordinal);
}
