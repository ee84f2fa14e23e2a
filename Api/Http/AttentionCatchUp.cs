using Collaboration.Grains.Activity;
using Collaboration.Grains.Attention;

namespace Collaboration.Api.Http;

/// <summary>
/// Inbox items and alerts are written as the attention router follows the activity log, a moment after the write
/// that caused them. A read of them waits (at most <see cref="MaxWait"/>) until the router has reached the record
/// logged last before the read, so a client sees the consequences of the writes it was answered.
/// </summary>
public static class AttentionCatchUp
{
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(2);

    public static async Task WaitAsync(IGrainFactory grains)
    {
        var last = await grains.GetGrain<IActivityLogGrain>(IActivityLogGrain.Key).GetLastSequenceAsync();
        try
        {
            await grains.GetGrain<IAttentionRouterGrain>(IAttentionRouterGrain.Key).WaitForAsync(last).WaitAsync(MaxWait);
        }
        catch (TimeoutException)
        {
            // Routing lags (or storage is slow): answer with what has been written so far.
        }
    }
}
