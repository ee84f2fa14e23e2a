using Collaboration.Grains.Activity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Collaboration.Grains.Network;

public static class NetworkServiceCollectionExtensions
{
    /// <summary>The live activity feed, the projection that follows it, and the monitor that answers coordinators.</summary>
    public static IServiceCollection AddNetworkMonitoring(this IServiceCollection services)
    {
        services.TryAddSingleton<ActivityFeed>();
        services.TryAddSingleton<NetworkMonitor>();
        services.AddHostedService<NetworkProjectionPump>();
        return services;
    }
}
