namespace Collaboration.Grains.Events;

/// <summary>Whether an event stands; serialized camelCase (<c>confirmed</c>, <c>cancelled</c>), as in the calendar's STATUS.</summary>
public enum EventStatus
{
    Confirmed,
    Cancelled,
}
