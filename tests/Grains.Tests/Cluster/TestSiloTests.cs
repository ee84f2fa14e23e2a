using Collaboration.Grains.Domain;
using Collaboration.Grains.Indexing;
using Collaboration.Grains.Storage;
using Collaboration.Grains.Exchanges;
using Collaboration.Grains.Tests.Support;
using Collaboration.Silo.Hosting;
using Collaboration.Silo.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Metadata;
using Orleans.Serialization.TypeSystem;

namespace Collaboration.Grains.Tests.Cluster;

/// <summary>What the grain tests rely on in the shared silo: the project's configuration with test settings.</summary>
[Collection(GrainCluster.Collection)]
public sealed class TestSiloTests(GrainCluster cluster)
{
    [Fact]
    public void TheSiloListensOnTheTestClustersPortsNotOnTheFixedDefaults()
    {
        var endpoints = cluster.Silo.GetRequiredService<IOptions<EndpointOptions>>().Value;
        var silo = cluster.Cluster.Silos[0];

        Assert.Equal(silo.SiloAddress.Endpoint.Port, endpoints.SiloPort);
        Assert.Equal(silo.GatewayAddress.Endpoint.Port, endpoints.GatewayPort);
        Assert.DoesNotContain(endpoints.SiloPort, new[] { 11111, 30000 });
        Assert.DoesNotContain(endpoints.GatewayPort, new[] { 11111, 30000 });
    }

    [Fact]
    public void GrainsReadTheTestsClockWhileOrleansKeepsRealTime()
    {
        Assert.Same(cluster.Clock, cluster.Silo.GetRequiredKeyedService<TimeProvider>(DomainClock.Key));
        Assert.Same(TimeProvider.System, cluster.Silo.GetRequiredService<TimeProvider>());
        Assert.Same(TimeProvider.System, cluster.Silo.GetRequiredKeyedService<TimeProvider>(TimeProviderNames.ActivationManagement));
        Assert.Same(TimeProvider.System, cluster.Silo.GetRequiredKeyedService<TimeProvider>(TimeProviderNames.Grains));
    }

    [Fact]
    public void ACallWaitsAtMostTheShortTestTimeout()
    {
        Assert.Equal(GrainCluster.ResponseTimeout, cluster.Silo.GetRequiredService<IOptions<SiloMessagingOptions>>().Value.ResponseTimeout);
    }

    [Fact]
    public void StateIsKeptInTheMemoryStorageBehindTheOutageSwitches()
    {
        Assert.Same(cluster.Faults, cluster.Silo.GetRequiredService<IGrainStateStore>());
        Assert.Same(cluster.Faults, cluster.Silo.GetRequiredService<IAppendLog>());
        Assert.Same(cluster.Storage, cluster.Silo.GetRequiredService<IGrainIndex>());
        Assert.Same(cluster.Storage, cluster.Silo.GetRequiredService<IStorageHealth>());
    }

    [Fact]
    public void GrainInterfaceTypesComeFromTheCacheAndAreExactlyWhatOrleansWorksOut()
    {
        var providers = cluster.Silo.GetServices<IGrainInterfaceTypeProvider>().ToList();
        var uncached = new GrainInterfaceTypeResolver(
            providers.Where(p => p is not CachedGrainInterfaceTypes), cluster.Silo.GetRequiredService<TypeConverter>());
        var resolver = cluster.Silo.GetRequiredService<GrainInterfaceTypeResolver>();

        Assert.IsType<CachedGrainInterfaceTypes>(providers[0]);
        foreach (var type in new[] { typeof(IExchangeGrain), typeof(Collaboration.Grains.Activity.IActivityLogGrain), typeof(IGrainWithStringKey) })
        {
            Assert.Equal(uncached.GetGrainInterfaceType(type), resolver.GetGrainInterfaceType(type));
            Assert.Equal(uncached.GetGrainInterfaceType(type), resolver.GetGrainInterfaceType(type));
        }
    }
}
