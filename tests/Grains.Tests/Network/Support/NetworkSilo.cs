using Collaboration.Grains.Access;
using Collaboration.Grains.Activity;
using Collaboration.Grains.Municipalities;
using Collaboration.Grains.Network;
using Collaboration.Grains.Tests.Support;
using Collaboration.Silo.Storage.Memory;

namespace Collaboration.Grains.Tests.Network.Support;

/// <summary>
/// A test's share of the grain cluster with the live feed, the network monitor and a stepping clock. The
/// <see cref="Monitor"/> answers for this test's part of the network (<see cref="ClusterScope.OwnIndex"/>); the activity
/// log and the projection are the cluster's one log and one projection, so positions are counted from
/// <see cref="ClusterScope.ActivityBefore"/>.
/// </summary>
internal sealed class NetworkSilo : ClusterScope
{
    public static readonly DateTimeOffset Start = new(2017, 10, 12, 9, 0, 0, TimeSpan.Zero);

    public NetworkSilo(GrainCluster cluster)
        : base(cluster, Start) =>
        Monitor = new NetworkMonitor(OwnIndex, Grains, Clock);

    /// <summary>The silo's storage itself, to read the activity log and stored states.</summary>
    public MemoryStorage Storage => Cluster.Storage;

    /// <summary>The silo's live activity feed.</summary>
    public ActivityFeed Feed => Cluster.Feed;

    public NetworkMonitor Monitor { get; }

    public INetworkProjectionGrain Projection => Grains.GetGrain<INetworkProjectionGrain>(INetworkProjectionGrain.Key);

    public IActivityLogGrain Log => Grains.GetGrain<IActivityLogGrain>(IActivityLogGrain.Key);

    public async Task AddMunicipalityAsync(string id, string country, string? name = null)
    {
        var profile = new MunicipalityProfile(name ?? id, country, PartnerKind.Municipality, null, null, null, [], null);
        await Grains.GetGrain<IMunicipalityGrain>(id).CreateAsync(profile, "key-hash-of-" + id, Actor.Coordinator);
    }

    /// <summary>
    /// Ends the projection's activation, as a restart would: it stores what it folded on the way out, and the next call
    /// activates it again from what is stored.
    /// </summary>
    public Task RestartProjectionAsync() => Cluster.DeactivateAsync(Projection);

    /// <summary>
    /// Lets the projection fold the whole log and store it, then starts it afresh, so that a test sees its checkpoints
    /// from a new activation whatever earlier tests did. (The silo's pump may wake it again, with nothing left to fold.)
    /// </summary>
    public async Task StartProjectionAfreshAsync()
    {
        await Projection.CatchUpAsync();
        await RestartProjectionAsync();
    }
}
