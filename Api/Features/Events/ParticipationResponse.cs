namespace Collaboration.Api.Features.Events;

/// <summary>One town's delegation at an event; its role follows the event's current host.</summary>
public sealed record ParticipationResponse(
    string MunicipalityId,
    int Participants,
    ParticipantRole Role,
    DateTimeOffset RecordedAt,
    string RecordedBy);
