namespace Collaboration.Grains.Events;

/// <summary>What the host or the coordinator says about an event; a PUT replaces all of it.</summary>
/// <param name="Host">The partner of the project that hosts the event: its delegation is local, every other invited.</param>
/// <param name="Place">The venue within the host's town.</param>
/// <param name="EndDate">The last day (inclusive); never before <paramref name="StartDate"/>.</param>
/// <param name="Description">The aim of the event; the report writes it after "The aim of the event was ".</param>
[GenerateSerializer, Immutable, Alias("collaboration.EventDetails")]
public sealed record EventDetails(
    string Title,
    EventKind Kind,
    string Host,
    string Place,
    DateOnly StartDate,
    DateOnly EndDate,
    string Description);
