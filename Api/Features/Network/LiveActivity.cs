using Collaboration.Grains.Activity;
using Collaboration.Silo.Hosting;

namespace Collaboration.Api.Features.Network;

/// <summary>
/// The feed this front's live activity streams read (a keyed <see cref="ActivityFeed"/>). A single process is the whole
/// cluster, so its silo's own feed, which the activity log publishes to, has every record. A front in client mode, or
/// one co-hosted silo of several, has a feed of its own that <see cref="ActivityFeedRelay"/> fills from the log,
/// wherever the log's grain lives; the silo's feed then stays the silo's (it wakes the log's followers only where the
/// log runs, once per cluster).
/// </summary>
public static class LiveActivity
{
    public const string Key = "live-activity";

    public static IServiceCollection AddLiveActivity(this IServiceCollection services, OrleansMode mode, ClusteringProvider clustering)
    {
        if (mode == OrleansMode.CoHosted && clustering == ClusteringProvider.Localhost)
        {
            services.AddKeyedSingleton(Key, (provider, _) => provider.GetRequiredService<ActivityFeed>());
            return services;
        }

        services.AddKeyedSingleton(Key, (_, _) => new ActivityFeed());
        services.AddSingleton<ActivityFeedRelay>();
        services.AddHostedService(provider => provider.GetRequiredService<ActivityFeedRelay>());
        return services;
    }
}
