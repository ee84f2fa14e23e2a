namespace Collaboration.Grains.Reporting;

/// <summary>One town's delegation at an event.</summary>
/// <param name="Town">The town's (partner's) name, as published.</param>
/// <param name="Country">The country's English short name (<c>Slovenia</c>), not its code.</param>
/// <param name="Participants">How many people the delegation brought; never negative.</param>
/// <param name="IsHost">
/// Whether this is the host's delegation: its participants are local, all others are invited.
/// Explicit rather than derived from the town name, because the caller knows the host by id.
/// </param>
[GenerateSerializer, Immutable, Alias("collaboration.ReportParticipation")]
public sealed record ReportParticipation(string Town, string Country, int Participants, bool IsHost);
