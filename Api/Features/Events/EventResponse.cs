using Collaboration.Grains.Events;

namespace Collaboration.Api.Features.Events;

/// <summary>An event as GET /events/{eventId} answers it, with every delegation recorded so far and the totals.</summary>
public sealed record EventResponse(
    string Id,
    string ProjectId,
    string Title,
    EventKind Kind,
    string Host,
    string Place,
    DateOnly StartDate,
    DateOnly EndDate,
    string Description,
    EventStatus Status,
    DateTimeOffset? CancelledAt,
    string? CancellationReason,
    IReadOnlyList<ParticipationResponse> Participation,
    int TotalParticipants,
    int LocalParticipants,
    int InvitedParticipants,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static EventResponse From(EventSummary e)
    {
        var d = e.Details;
        var participation = e.Participation
            .Select(p => new ParticipationResponse(
                p.MunicipalityId, p.Participants, p.MunicipalityId == d.Host ? ParticipantRole.Local : ParticipantRole.Invited, p.RecordedAt, p.RecordedBy))
            .ToList();
        var local = participation.Where(p => p.Role == ParticipantRole.Local).Sum(p => p.Participants);
        var invited = participation.Where(p => p.Role == ParticipantRole.Invited).Sum(p => p.Participants);
        return new EventResponse(
            e.Id, e.ProjectId, d.Title, d.Kind, d.Host, d.Place, d.StartDate, d.EndDate, d.Description, e.Status, e.CancelledAt,
            e.CancellationReason, participation, local + invited, local, invited, e.CreatedAt, e.UpdatedAt);
    }
}
