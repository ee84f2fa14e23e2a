using Collaboration.Grains.Activity;
using Microsoft.Extensions.Logging;

namespace Collaboration.Grains.Attention;

/// <summary>Has the attention router route each activity record as soon as it is durable, and once at start (what a crash left).</summary>
public sealed class AttentionPump(ActivityFeed feed, IGrainFactory grains, ILogger<AttentionPump> logger)
    : ActivityPump(feed, logger)
{
    protected override Task CatchUpAsync() => grains.GetGrain<IAttentionRouterGrain>(IAttentionRouterGrain.Key).CatchUpAsync();
}
