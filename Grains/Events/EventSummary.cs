namespace Collaboration.Grains.Events;

/// <summary>
/// An event as the events index returns it, participation included, so that lists, reports, calendars and
/// eligibility read a project's events without activating one grain per event.
/// </summary>
[GenerateSerializer, Immutable, Alias("collaboration.EventSummary")]
public sealed record EventSummary(
    string Id,
    string ProjectId,
    EventDetails Details,
    EventStatus Status,
    IReadOnlyList<EventParticipation> Participation,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? CancelledAt,
    string? CancellationReason);
