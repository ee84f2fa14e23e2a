using Collaboration.Api.Validation;
using Collaboration.Grains.Events;

namespace Collaboration.Api.Features.Events;

/// <summary>The body of PUT /events/{eventId}/participation/{municipalityId}.</summary>
public sealed record ParticipationRequest
{
    /// <summary>How many people the town's delegation brought; 0 records that it sent nobody.</summary>
    public long? Participants { get; init; }

    public RequestValidation Validate()
    {
        var v = new RequestValidation();
        v.Required("participants", Participants);
        v.Range("participants", Participants, 0, EventGrain.MaxParticipants);
        return v;
    }
}
