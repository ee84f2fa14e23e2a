namespace Collaboration.Grains.Activity;

/// <summary>
/// A front end that is not a silo (an Api in client mode) listening to the activity log: it is told of every record
/// once the record is durable, and hands it to its own process's <see cref="ActivityFeed"/>.
/// </summary>
public interface IActivityObserver : IGrainObserver
{
    [OneWay]
    Task OnActivityAsync(ActivityRecord record);
}
