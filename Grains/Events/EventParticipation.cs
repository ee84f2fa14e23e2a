namespace Collaboration.Grains.Events;

/// <summary>How many people one town's delegation brought, as last recorded. 0 records that the town sent nobody.</summary>
/// <param name="RecordedBy">Who recorded the number: the town, the host or "coordinator".</param>
[GenerateSerializer, Immutable, Alias("collaboration.EventParticipation")]
public sealed record EventParticipation(string MunicipalityId, int Participants, DateTimeOffset RecordedAt, string RecordedBy);
