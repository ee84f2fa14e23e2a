using Collaboration.Grains.Network;

namespace Collaboration.Grains.Queries;

/// <summary>The coordinators' view of the whole network (<see cref="NetworkMonitor"/>) on a silo, next to the indexes it counts.</summary>
public interface INetworkQueryGrain : IGrainWithStringKey
{
    const string Key = "network";

    [ReadOnly]
    Task<NetworkSummary> GetSummaryAsync();

    [ReadOnly]
    Task<NetworkGraph> GetGraphAsync();

    [ReadOnly]
    Task<NetworkStatistics> GetStatisticsAsync();

    [ReadOnly]
    Task<IReadOnlyList<InactivePartner>> GetInactiveAsync(int days);

    [ReadOnly]
    Task<IReadOnlyList<UpcomingEvent>> GetUpcomingEventsAsync(int limit);
}
