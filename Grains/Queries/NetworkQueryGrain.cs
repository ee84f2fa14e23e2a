using Collaboration.Grains.Domain;
using Collaboration.Grains.Indexing;
using Collaboration.Grains.Network;
using Microsoft.Extensions.DependencyInjection;

namespace Collaboration.Grains.Queries;

[GrainType("network-query")]
[StatelessWorker]
public sealed class NetworkQueryGrain(IGrainIndex index, [FromKeyedServices(DomainClock.Key)] TimeProvider clock) : Grain, INetworkQueryGrain
{
    private NetworkMonitor Monitor => field ??= new NetworkMonitor(index, GrainFactory, clock);

    public Task<NetworkSummary> GetSummaryAsync() => Monitor.GetSummaryAsync();

    public Task<NetworkGraph> GetGraphAsync() => Monitor.GetGraphAsync();

    public Task<NetworkStatistics> GetStatisticsAsync() => Monitor.GetStatisticsAsync();

    public Task<IReadOnlyList<InactivePartner>> GetInactiveAsync(int days) => Monitor.GetInactiveAsync(days);

    public Task<IReadOnlyList<UpcomingEvent>> GetUpcomingEventsAsync(int limit) => Monitor.GetUpcomingEventsAsync(limit);
}
