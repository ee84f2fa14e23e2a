namespace Collaboration.Grains.Network;

/// <summary>An event that starts today or later, as its index entry describes it (fields it lacks stay null).</summary>
public sealed record UpcomingEvent(
    string Id,
    DateOnly StartDate,
    DateOnly? EndDate,
    string? Title,
    string? ProjectId,
    string? Host,
    string? Place,
    string? Kind);
