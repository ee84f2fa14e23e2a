using Collaboration.Grains.Errors;
using Collaboration.Grains.Storage;

namespace Collaboration.Grains.Activity;

public static class ActivityGrainFactoryExtensions
{
    /// <summary>Appends to the network's activity log, after the change it describes has been written.</summary>
    public static Task<ActivityRecord> RecordActivityAsync(
        this IGrainFactory grains, string type, object actor, string subject, string summary, string? partner = null) =>
        grains.GetGrain<IActivityLogGrain>(IActivityLogGrain.Key).AppendAsync(new ActivityEntry(type, actor.ToString() ?? "", subject, summary, partner));
}
