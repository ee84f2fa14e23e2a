namespace Collaboration.Grains.Network;

/// <summary>Events not cancelled that start in <see cref="Month"/> (<c>yyyy-MM</c>), and the participants they recorded.</summary>
[GenerateSerializer, Immutable, Alias("collaboration.MonthFigures")]
public sealed record MonthFigures(string Month, long Events, long Participants);
