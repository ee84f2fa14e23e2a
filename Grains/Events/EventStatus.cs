namespace Collaboration.Grains.Events;

/// <summary>Whether an event stands; serialized camelCase (<c>confirmed</c>, <c>cancelled</c>), as in the calendar's STATUS.</summary>
[GenerateSerializer, Alias("collaboration.EventStatus")]
public enum EventStatus
{
    Confirmed,
    Cancelled,
}
