namespace Collaboration.Grains.Activity;

/// <summary>An activity entry on its way to the storage with a state write, and the record it became once committed.</summary>
public sealed class PendingActivity(ActivityEntry entry)
{
    public ActivityEntry Entry { get; } = entry;

    public ActivityRecord? Record { get; set; }

    internal bool Taken { get; set; }
}
