using System.Net;
using System.Net.Sockets;
using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Hosting;

namespace Collaboration.Silo.Hosting;

/// <summary>
/// How a silo joins its cluster and how a client (an Api in client mode) finds the silos, from
/// <c>Collaboration:Cluster</c>: one silo on loopback, or silos and clients sharing an Azure Table membership table in
/// the storage account of <c>Collaboration:Storage:ConnectionString</c>.
/// </summary>
public static class CollaborationClustering
{
    /// <summary>Orleans's own membership settings (<see cref="ClusterMembershipOptions"/>), for a cluster.</summary>
    public const string MembershipSection = ClusterSettings.Section + ":Membership";

    /// <summary>Joins the configured cluster on the configured ports.</summary>
    /// <exception cref="InvalidOperationException">A cluster of silos over storage that belongs to one process.</exception>
    public static ISiloBuilder UseCollaborationClustering(this ISiloBuilder silo, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(silo);
        var settings = configuration.GetSection(SiloSettings.Section).Get<SiloSettings>() ?? new SiloSettings();
        var cluster = settings.Cluster;
        var orleans = settings.Orleans;
        switch (cluster.Provider)
        {
            case ClusteringProvider.Localhost:
                silo.UseLocalhostClustering(orleans.SiloPort, orleans.GatewayPort, serviceId: cluster.ServiceId, clusterId: cluster.ClusterId);
                return silo;
            case ClusteringProvider.AzureTable:
                var connectionString = SharedStorageOf(settings);
                silo.Configure<ClusterOptions>(ids =>
                {
                    ids.ClusterId = cluster.ClusterId;
                    ids.ServiceId = cluster.ServiceId;
                });
                if (AdvertisedAddressOf(cluster) is { } address)
                {
                    silo.ConfigureEndpoints(address, orleans.SiloPort, orleans.GatewayPort, listenOnAnyHostAddress: !IPAddress.IsLoopback(address));
                }
                else
                {
                    silo.ConfigureEndpoints(orleans.SiloPort, orleans.GatewayPort, listenOnAnyHostAddress: true);
                }

                silo.UseAzureStorageClustering(table => table.TableServiceClient = new TableServiceClient(connectionString));
                silo.Services.Configure<ClusterMembershipOptions>(configuration.GetSection(MembershipSection));
                return silo;
            default:
                throw UnknownProvider(cluster);
        }
    }

    /// <summary>
    /// Finds the silos of the configured cluster: its gateway on loopback, or every gateway the membership table lists;
    /// waits a while for one to answer (<see cref="WaitForSilos"/>).
    /// </summary>
    public static IClientBuilder UseCollaborationClustering(this IClientBuilder client, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(client);
        var settings = configuration.GetSection(SiloSettings.Section).Get<SiloSettings>() ?? new SiloSettings();
        var cluster = settings.Cluster;
        client.UseConnectionRetryFilter<WaitForSilos>();
        switch (cluster.Provider)
        {
            case ClusteringProvider.Localhost:
                client.UseLocalhostClustering(settings.Orleans.GatewayPort, cluster.ServiceId, cluster.ClusterId);
                return client;
            case ClusteringProvider.AzureTable:
                // A client opens no storage of its own, so only the connection string is asked for: its silos check theirs.
                var connectionString = settings.Storage.ConnectionString;
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    throw new InvalidOperationException(
                        "Collaboration:Cluster:Provider is AzureTable but Collaboration:Storage:ConnectionString is empty; give the connection " +
                        "string of the storage account the silos use (their membership table is there).");
                }

                client.Configure<ClusterOptions>(ids =>
                {
                    ids.ClusterId = cluster.ClusterId;
                    ids.ServiceId = cluster.ServiceId;
                });
                client.Configure<GatewayOptions>(gateways => gateways.GatewayListRefreshPeriod = cluster.GatewayListRefreshPeriod);
                client.UseAzureStorageClustering(table => table.TableServiceClient = new TableServiceClient(connectionString));
                return client;
            default:
                throw UnknownProvider(cluster);
        }
    }

    /// <summary>
    /// The connection string of the storage every silo of the cluster shares. SQLite and memory storage belong to one
    /// process, so a cluster over them is refused before anything starts.
    /// </summary>
    private static string SharedStorageOf(SiloSettings settings)
    {
        var provider = settings.Storage.Provider.Trim();
        if (!provider.Equals("AzureTable", StringComparison.OrdinalIgnoreCase))
        {
            var why = provider.Equals("Memory", StringComparison.OrdinalIgnoreCase)
                ? "memory storage lives in one process, so each silo would see only its own data"
                : "a SQLite file belongs to one process (its writer groups the commits and its cache of index answers is dropped " +
                  "only by that process's own writes), so the silos of a cluster cannot share one";
            throw new InvalidOperationException(
                $"Collaboration:Cluster:Provider is AzureTable but Collaboration:Storage:Provider is {provider}: {why}. " +
                "Run a cluster on Azure Table storage (Collaboration:Storage:Provider=AzureTable with the same " +
                "Collaboration:Storage:ConnectionString on every silo), or one process with Collaboration:Cluster:Provider=Localhost.");
        }

        return string.IsNullOrWhiteSpace(settings.Storage.ConnectionString)
            ? throw new InvalidOperationException(
                "Collaboration:Cluster:Provider is AzureTable but Collaboration:Storage:ConnectionString is empty; give an Azure Storage " +
                "connection string, or UseDevelopmentStorage=true for a local Azurite.")
            : settings.Storage.ConnectionString;
    }

    private static IPAddress? AdvertisedAddressOf(ClusterSettings cluster)
    {
        if (string.IsNullOrWhiteSpace(cluster.AdvertisedAddress))
        {
            return null;
        }

        var given = cluster.AdvertisedAddress.Trim();
        if (IPAddress.TryParse(given, out var address))
        {
            return address;
        }

        try
        {
            return Dns.GetHostAddresses(given).FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork)
                ?? throw new InvalidOperationException($"Collaboration:Cluster:AdvertisedAddress '{given}' has no IPv4 address.");
        }
        catch (SocketException e)
        {
            throw new InvalidOperationException($"Collaboration:Cluster:AdvertisedAddress '{given}' is neither an IP address nor a host name that resolves: {e.Message}", e);
        }
    }

    private static InvalidOperationException UnknownProvider(ClusterSettings cluster) =>
        new($"Unknown Collaboration:Cluster:Provider '{cluster.Provider}'; use Localhost or AzureTable.");
}
