namespace Collaboration.Silo.Hosting;

/// <summary>How silos find each other and clients find silos (<c>Collaboration:Cluster:Provider</c>).</summary>
public enum ClusteringProvider
{
    /// <summary>One silo on this machine, at the configured ports on loopback (the default: one process).</summary>
    Localhost,

    /// <summary>
    /// Any number of silos and clients that share one membership table in Azure Table storage (the storage connection
    /// string's account): a cluster.
    /// </summary>
    AzureTable,
}
