using Collaboration.Grains.Errors;
using Collaboration.Grains.Storage;

namespace Collaboration.Grains.Network;

/// <summary>
/// What the indexes cannot answer about the whole network (each partner's last activity),
/// folded from the activity log. One grain, key <see cref="Key"/>; its position in the log is persisted with what
/// it folded, so after a restart it continues from there.
/// </summary>
public interface INetworkProjectionGrain : IGrainWithStringKey
{
    const string Key = "network";

    /// <summary>Folds whatever the log has beyond the stored position, then answers.</summary>
    Task<NetworkProjection> GetAsync();

    /// <summary>Folds whatever the log has beyond the stored position; returns the new position.</summary>
    Task<long> CatchUpAsync();
}
