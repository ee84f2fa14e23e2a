namespace Collaboration.Grains.Domain.Eligibility;

/// <summary>How many people one town's delegation brought to an event.</summary>
/// <param name="Invited">True for every town but the host: its participants are invited, the host's are local.</param>
[GenerateSerializer, Immutable, Alias("collaboration.EligibilityParticipation")]
public sealed record EligibilityParticipation(string TownId, string Country, int Participants, bool Invited);
