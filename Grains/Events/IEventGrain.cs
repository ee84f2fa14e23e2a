using Collaboration.Grains.Access;
using Collaboration.Grains.Errors;
using Collaboration.Grains.Storage;

namespace Collaboration.Grains.Events;

/// <summary>
/// One event of a project, keyed by its server-assigned id (<see cref="EventIds"/>). It calls its project to
/// check partners; the project never calls its events (it reads them from the events index), so no call cycle.
/// </summary>
public interface IEventGrain : IGrainWithStringKey
{
    /// <summary>
    /// Records the event for <paramref name="projectId"/>: a partner of the project or the coordinator may; the host
    /// must be a partner and the dates within the project (400); 404 for an unknown project.
    /// </summary>
    /// <remarks>Created again with the same <paramref name="creationRequest"/> (a retry whose answer was lost), it answers the event as it is.</remarks>
    Task<EventSnapshot> CreateAsync(string projectId, EventDetails details, Actor actor, string? creationRequest = null);

    Task<EventSnapshot?> GetAsync();

    /// <summary>Replaces the details: the host or the coordinator, at <paramref name="expectedVersion"/> when given; 409 once cancelled.</summary>
    Task<EventSnapshot> UpdateAsync(EventDetails details, string? expectedVersion, Actor actor);

    /// <summary>Cancels the event (the host or the coordinator): it stays listed, is no longer reported, and cannot change again.</summary>
    Task<EventSnapshot> CancelAsync(string? reason, string? expectedVersion, Actor actor);

    /// <summary>
    /// Sets how many people <paramref name="municipalityId"/>'s delegation brought (0..<see cref="EventGrain.MaxParticipants"/>):
    /// that town, the host or the coordinator may; the town must be a partner of the project (404) and the event not cancelled (409).
    /// </summary>
    Task<EventSnapshot> RecordParticipationAsync(string municipalityId, int participants, string? expectedVersion, Actor actor);
}
