using Collaboration.Silo;

namespace Collaboration.Grains.Activity;

public static class ActivityGrainFactoryExtensions
{
    /// <summary>Appends to the network's activity log, after the change it describes has been written.</summary>
    public static Task<ActivityRecord> RecordActivityAsync(this IGrainFactory grains, string type, object actor, string subject, string summary) =>
        grains.RecordActivityAsync(new ActivityEntry(type, actor.ToString() ?? "", subject, summary));

    /// <summary>Appends an entry that carries structured facts too (<see cref="ActivityEntry.ParticipantsDelta"/>).</summary>
    public static Task<ActivityRecord> RecordActivityAsync(this IGrainFactory grains, ActivityEntry entry) =>
        grains.GetGrain<IActivityLogGrain>(IActivityLogGrain.Key).AppendAsync(entry);
}
