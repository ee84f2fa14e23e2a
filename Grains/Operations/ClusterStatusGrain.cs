namespace Collaboration.Grains.Operations;

/// <summary>
/// A stateless worker, so it runs on the silo the call reaches (the front's own silo when co-hosted, the gateway's
/// silo for a front in client mode) and answers from that silo's membership view, in memory: no storage, no other
/// silo, no other grain.
/// </summary>
[GrainType("cluster-status")]
[StatelessWorker]
public sealed class ClusterStatusGrain(ILocalSiloDetails silo, IClusterMembershipService membership) : Grain, IClusterStatusGrain
{
    public Task<ClusterStatus> GetAsync()
    {
        var active = membership.CurrentSnapshot.Members.Values.Count(member => member.Status == SiloStatus.Active);
        return Task.FromResult(new ClusterStatus(silo.Name, silo.SiloAddress.ToString(), active));
    }
}
