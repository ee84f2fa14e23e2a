namespace Collaboration.Grains.Exchanges;

/// <summary>One step of an adoption: the status the town set, its note, and when.</summary>
[GenerateSerializer, Immutable, Alias("collaboration.AdoptionHistoryEntry")]
public sealed record AdoptionHistoryEntry(AdoptionStatus Status, string? Note, DateTimeOffset At);
