using Collaboration.Grains.Activity;
using Microsoft.Extensions.Logging;

namespace Collaboration.Grains.Network;

/// <summary>
/// Keeps the network projection current as activity happens, so that the summary and the inactive-partner
/// list answer from folded state instead of folding on the request.
/// </summary>
public sealed class NetworkProjectionPump(ActivityFeed feed, IGrainFactory grains, ILogger<NetworkProjectionPump> logger)
    : ActivityPump(feed, logger)
{
    protected override Task CatchUpAsync() => grains.GetGrain<INetworkProjectionGrain>(INetworkProjectionGrain.Key).CatchUpAsync();
}
