namespace Collaboration.Grains.Exchanges;

/// <summary>One step of an adoption: the status the town set, its note, and when.</summary>
public sealed record AdoptionHistoryEntry(AdoptionStatus Status, string? Note, DateTimeOffset At);
