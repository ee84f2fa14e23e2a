using Collaboration.Grains.Events;

namespace Collaboration.Grains.Network;

/// <summary>An event that starts today or later, as the events index describes it.</summary>
[GenerateSerializer, Immutable, Alias("collaboration.UpcomingEvent")]
public sealed record UpcomingEvent(
    string Id,
    string ProjectId,
    string Title,
    EventKind Kind,
    string Host,
    string Place,
    DateOnly StartDate,
    DateOnly EndDate);
