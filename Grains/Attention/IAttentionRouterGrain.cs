namespace Collaboration.Grains.Attention;

/// <summary>
/// Follows the activity log (key <see cref="Key"/>) and hands each record to whoever it concerns: the inboxes of the
/// partners it names, and the alert watches of the projects, partners and agreements it changes. It keeps its position, so after a restart it goes on where it stopped; what it handed over
/// twice is taken once.
/// </summary>
public interface IAttentionRouterGrain : IGrainWithStringKey
{
    const string Key = "network";

    /// <summary>Routes every record the log has now; returns the position reached.</summary>
    [AlwaysInterleave]
    Task<long> CatchUpAsync();

    /// <summary>Completes once the records up to <paramref name="sequence"/> are routed (or a routing attempt failed).</summary>
    [AlwaysInterleave]
    Task WaitForAsync(long sequence);
}
