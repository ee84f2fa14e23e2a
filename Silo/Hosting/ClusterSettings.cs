namespace Collaboration.Silo.Hosting;

/// <summary>
/// The cluster a silo joins, or an Api in client mode connects to (<c>Collaboration:Cluster</c>). Silos and clients of
/// one deployment give the same provider, cluster id and service id.
/// </summary>
public sealed class ClusterSettings
{
    public const string Section = "Collaboration:Cluster";

    /// <summary>The cluster and service id of a deployment that names none.</summary>
    public const string DefaultId = "collaboration";

    public ClusteringProvider Provider { get; set; } = ClusteringProvider.Localhost;

    /// <summary>Silos and clients with the same cluster id form one cluster (a blue/green deployment runs two at once).</summary>
    public string ClusterId { get; set; } = DefaultId;

    /// <summary>What the service's durable data belongs to: it stays the same across deployments.</summary>
    public string ServiceId { get; set; } = DefaultId;

    /// <summary>
    /// The address this silo gives the others and the clients (an IP address or a host name that resolves to one);
    /// empty: loopback for <see cref="ClusteringProvider.Localhost"/>, this machine's own address for
    /// <see cref="ClusteringProvider.AzureTable"/>. A silo with an advertised address other than loopback listens on
    /// every interface.
    /// </summary>
    public string? AdvertisedAddress { get; set; }

    /// <summary>How often a client (an Api in client mode) reads the list of gateways again, to find silos that joined.</summary>
    public TimeSpan GatewayListRefreshPeriod { get; set; } = TimeSpan.FromMinutes(1);
}
