using System.Net;
using Collaboration.Silo.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace Collaboration.Silo.Tests.Hosting;

/// <summary>
/// <c>Collaboration:Cluster</c> as a silo and a client read it: one process on loopback by default; a cluster on an
/// Azure Table membership table with the given ids, ports, advertised address and membership settings; and a cluster
/// over storage that belongs to one process refused before anything starts, saying why; and the bound on the grain
/// addresses a silo remembers.
/// </summary>
public sealed class ClusteringSettingsTests
{
    private const string Azurite =
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:10002/devstoreaccount1;";

    [Fact]
    public void WithoutSettingsASiloIsAClusterOfItsOwnOnLoopbackAtTheDefaultPorts()
    {
        using var host = Silo(new Dictionary<string, string?>());

        var ids = host.Services.GetRequiredService<IOptions<ClusterOptions>>().Value;
        var endpoints = host.Services.GetRequiredService<IOptions<EndpointOptions>>().Value;
        Assert.Equal(("collaboration", "collaboration"), (ids.ClusterId, ids.ServiceId));
        Assert.Equal((IPAddress.Loopback, 11111, 30000), (endpoints.AdvertisedIPAddress, endpoints.SiloPort, endpoints.GatewayPort));
    }

    [Fact]
    public void ASiloRemembersTheAddressesOfABoundedNumberOfGrainsNotOfEveryGrainItEverActivated()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Collaboration:Storage:Provider"] = "Memory" });
        builder.UseOrleans(silo => silo.AddCollaborationSilo(builder.Configuration));
        using var host = builder.Build();

        var directory = host.Services.GetRequiredService<IOptions<GrainDirectoryOptions>>().Value;
        Assert.Equal(CollaborationSiloExtensions.DirectoryCacheSize, directory.CacheSize);
        Assert.True(directory.CacheSize < new GrainDirectoryOptions().CacheSize / 10);
    }

    [Fact]
    public void AnAzureTableClusterTakesItsIdsPortsAdvertisedAddressAndMembershipSettings()
    {
        using var host = Silo(new Dictionary<string, string?>
        {
            ["Collaboration:Storage:Provider"] = "AzureTable",
            ["Collaboration:Storage:ConnectionString"] = Azurite,
            ["Collaboration:Cluster:Provider"] = "AzureTable",
            ["Collaboration:Cluster:ClusterId"] = "blue",
            ["Collaboration:Cluster:ServiceId"] = "shelter-network",
            ["Collaboration:Cluster:AdvertisedAddress"] = "10.1.2.3",
            ["Collaboration:Orleans:SiloPort"] = "11112",
            ["Collaboration:Orleans:GatewayPort"] = "30002",
            ["Collaboration:Cluster:Membership:ProbeTimeout"] = "00:00:01",
            ["Collaboration:Cluster:Membership:NumVotesForDeathDeclaration"] = "1",
        });

        var ids = host.Services.GetRequiredService<IOptions<ClusterOptions>>().Value;
        var endpoints = host.Services.GetRequiredService<IOptions<EndpointOptions>>().Value;
        var membership = host.Services.GetRequiredService<IOptions<ClusterMembershipOptions>>().Value;
        Assert.Equal(("blue", "shelter-network"), (ids.ClusterId, ids.ServiceId));
        Assert.Equal((IPAddress.Parse("10.1.2.3"), 11112, 30002), (endpoints.AdvertisedIPAddress, endpoints.SiloPort, endpoints.GatewayPort));
        Assert.Equal(IPAddress.Any, endpoints.SiloListeningEndpoint?.Address);
        Assert.Equal((TimeSpan.FromSeconds(1), 1), (membership.ProbeTimeout, membership.NumVotesForDeathDeclaration));
        Assert.Equal(new ClusterMembershipOptions().NumMissedProbesLimit, membership.NumMissedProbesLimit);
    }

    [Theory]
    [InlineData("Sqlite", "a SQLite file belongs to one process")]
    [InlineData("Memory", "memory storage lives in one process")]
    public void AClusterOverStorageThatBelongsToOneProcessIsRefusedSayingWhy(string storage, string why)
    {
        var refused = Assert.Throws<InvalidOperationException>(() => Silo(new Dictionary<string, string?>
        {
            ["Collaboration:Storage:Provider"] = storage,
            ["Collaboration:Cluster:Provider"] = "AzureTable",
        }));

        Assert.Contains($"Collaboration:Storage:Provider is {storage}: {why}", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Collaboration:Storage:Provider=AzureTable", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AClientOfAnAzureTableClusterReadsItsGatewaysFromTheTableWithTheSameIds()
    {
        using var host = Client(new Dictionary<string, string?>
        {
            ["Collaboration:Storage:ConnectionString"] = Azurite,
            ["Collaboration:Cluster:Provider"] = "AzureTable",
            ["Collaboration:Cluster:ClusterId"] = "blue",
            ["Collaboration:Cluster:GatewayListRefreshPeriod"] = "00:00:05",
        });

        var ids = host.Services.GetRequiredService<IOptions<ClusterOptions>>().Value;
        var gateways = host.Services.GetRequiredService<IOptions<GatewayOptions>>().Value;
        Assert.Equal(("blue", "collaboration"), (ids.ClusterId, ids.ServiceId));
        Assert.Equal(TimeSpan.FromSeconds(5), gateways.GatewayListRefreshPeriod);
        Assert.IsType<WaitForSilos>(host.Services.GetRequiredService<IClientConnectionRetryFilter>());
    }

    [Fact]
    public void AClientOfAnAzureTableClusterWithoutAConnectionStringIsRefused()
    {
        var refused = Assert.Throws<InvalidOperationException>(() => Client(new Dictionary<string, string?>
        {
            ["Collaboration:Cluster:Provider"] = "AzureTable",
        }));

        Assert.Contains("Collaboration:Storage:ConnectionString is empty", refused.Message, StringComparison.Ordinal);
    }

    private static IHost Silo(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.UseOrleans(silo => silo.UseCollaborationClustering(builder.Configuration));
        return builder.Build();
    }

    private static IHost Client(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.UseOrleansClient(client => client.UseCollaborationClustering(builder.Configuration));
        return builder.Build();
    }
}
