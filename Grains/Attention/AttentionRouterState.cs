namespace Collaboration.Grains.Attention;

public sealed class AttentionRouterState
{
    /// <summary>The sequence number of the last activity record routed.</summary>
    public long Position { get; set; }
}
