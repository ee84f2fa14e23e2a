namespace Collaboration.Grains.Operations;

/// <summary>Which silo answers and how many silos the cluster counts as active (for the readiness probe of the fronts).</summary>
public interface IClusterStatusGrain : IGrainWithStringKey
{
    const string Key = "cluster";

    /// <summary>The silo this call ran on and the active silos of its membership view; reads nothing from storage.</summary>
    Task<ClusterStatus> GetAsync();
}
