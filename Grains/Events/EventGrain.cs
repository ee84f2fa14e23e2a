using System.Globalization;
using Collaboration.Grains.Access;
using Collaboration.Grains.Activity;
using Collaboration.Grains.Domain;
using Collaboration.Grains.Errors;
using Collaboration.Grains.Indexing;
using Collaboration.Grains.Projects;
using Collaboration.Grains.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Collaboration.Grains.Events;

[GrainType("event")]
public sealed class EventGrain([PersistentState("event", GrainStorage.Name)] IPersistentState<EventState> @event, IGrainIndex index,
    [FromKeyedServices(DomainClock.Key)] TimeProvider clock) : Grain, IEventGrain
{
    /// <summary>The largest delegation accepted: more than any town sends; a bigger number is a typing error.</summary>
    public const int MaxParticipants = 100_000;

    /// <summary>A bound on one project's events, so that its report and calendar stay a reasonable size.</summary>
    public const int MaxEventsPerProject = 500;

    /// <summary>A bound on the grain's state: the project's partners (at most <see cref="ProjectGrain.MaxPartners"/>) and former partners.</summary>
    public const int MaxDelegations = 2 * ProjectGrain.MaxPartners;

    private string Id => this.GetPrimaryKeyString();

    public async Task<EventSnapshot> CreateAsync(string projectId, EventDetails details, Actor actor, string? creationRequest = null)
    {
        if (@event.State.Details is not null)
        {
            if (creationRequest is not null && @event.State.CreationRequest == creationRequest)
            {
                return Snapshot();
            }

            throw new ConflictException($"An event with id '{Id}' already exists.");
        }

        var project = await LoadProjectAsync(projectId);
        if (!actor.IsCoordinator && !IsPartner(project, actor.MunicipalityId))
        {
            throw new ForbiddenException($"Only a partner of project '{projectId}' or the coordinator may record its events.");
        }

        Validate(project, details);
        var existing = await index.CountAsync(new IndexQuery(IndexNames.Events) { Terms = [new IndexTerm("project", projectId)] });
        if (existing >= MaxEventsPerProject)
        {
            throw new ConflictException($"Project '{projectId}' already has the maximum of {MaxEventsPerProject} events.");
        }

        var now = clock.GetUtcNow();
        @event.State.ProjectId = projectId;
        @event.State.Details = details;
        @event.State.Status = EventStatus.Confirmed;
        @event.State.CreatedAt = now;
        @event.State.UpdatedAt = now;
        @event.State.CreationRequest = creationRequest;
        await @event.WriteStateAndRecordAsync("event.created", actor, Subject,
            $"{details.Host} hosts \"{details.Title}\" ({Dates(details)}) in project {project.Definition.Acronym}");
        return Snapshot();
    }

    public Task<EventSnapshot?> GetAsync() =>
        Task.FromResult(@event.State.Details is null ? null : Snapshot());

    public async Task<EventSnapshot> UpdateAsync(EventDetails details, string? expectedVersion, Actor actor)
    {
        var current = EnsureMayChange(actor, expectedVersion);
        var project = await LoadProjectAsync(@event.State.ProjectId!);
        Validate(project, details);

        @event.State.Details = details;
        @event.State.UpdatedAt = clock.GetUtcNow();
        var hostChange = current.Host == details.Host ? "" : $", now hosted by {details.Host}";
        await @event.WriteStateAndRecordAsync("event.updated", actor, Subject, $"\"{details.Title}\" ({Dates(details)}) was updated{hostChange}");
        return Snapshot();
    }

    public async Task<EventSnapshot> CancelAsync(string? reason, string? expectedVersion, Actor actor)
    {
        var details = EnsureMayChange(actor, expectedVersion);
        var now = clock.GetUtcNow();
        @event.State.Status = EventStatus.Cancelled;
        @event.State.CancelledAt = now;
        @event.State.CancellationReason = reason;
        @event.State.UpdatedAt = now;
        await @event.WriteStateAndRecordAsync("event.cancelled", actor, Subject, $"\"{details.Title}\" ({Dates(details)}) was cancelled");
        return Snapshot();
    }

    public async Task<EventSnapshot> RecordParticipationAsync(string municipalityId, int participants, string? expectedVersion, Actor actor)
    {
        var details = EnsureExists();

        // The coordinator may record it (docs/contract.md, events); the record says "coordinator", never the town's name.
        if (!actor.IsCoordinator && !actor.Is(municipalityId) && !actor.Is(details.Host))
        {
            throw new ForbiddenException(
                $"Only '{municipalityId}' itself, the host ('{details.Host}') or the coordinator may record its participation in this event.");
        }

        EnsureCurrent(expectedVersion);
        EnsureNotCancelled(details);
        if (participants is < 0 or > MaxParticipants)
        {
            throw new DomainValidationException("participants", $"Must be between 0 and {MaxParticipants}.");
        }

        var participation = @event.State.Participation;
        var previous = participation.FindIndex(p => p.MunicipalityId == municipalityId);

        // A partner that left the project keeps its record and may still correct it; nobody else can take part.
        if (previous < 0)
        {
            var project = await LoadProjectAsync(@event.State.ProjectId!);
            if (!IsPartner(project, municipalityId))
            {
                throw new ResourceNotFoundException($"partner of project '{project.Id}'", municipalityId);
            }

            if (participation.Count >= MaxDelegations)
            {
                throw new ConflictException($"This event already has the maximum of {MaxDelegations} delegations.");
            }
        }
        else if (participation[previous].Participants == participants)
        {
            // PUT is idempotent: the same number again changes nothing, not even who recorded it.
            return Snapshot();
        }

        var entry = new EventParticipation(municipalityId, participants, clock.GetUtcNow(), actor.ToString());
        if (previous < 0)
        {
            participation.Add(entry);
        }
        else
        {
            participation[previous] = entry;
        }

        @event.State.UpdatedAt = entry.RecordedAt;
        var role = municipalityId == details.Host ? "local" : "invited";
        await @event.WriteStateAndRecordAsync("participation.recorded", actor, Subject,
            $"{municipalityId} brought {participants.ToString(CultureInfo.InvariantCulture)} {role} participants to \"{details.Title}\"");
        return Snapshot();
    }

    private string Subject => $"event/{Id}";

    private async Task<ProjectSnapshot> LoadProjectAsync(string projectId) =>
        await GrainFactory.GetGrain<IProjectGrain>(projectId).GetAsync()
            ?? throw new ResourceNotFoundException("project", projectId);

    private static bool IsPartner(ProjectSnapshot project, string? municipalityId) =>
        municipalityId is not null && project.Definition.Partners.Contains(municipalityId, StringComparer.Ordinal);

    /// <summary>
    /// The host must be a partner, and the event must lie within the project: an event outside it cannot be funded
    /// under it, and a mistyped year is caught here rather than in the funder's report. Past events are fine:
    /// towns record events after they happen.
    /// </summary>
    private static void Validate(ProjectSnapshot project, EventDetails details)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (!IsPartner(project, details.Host))
        {
            errors["host"] = [$"'{details.Host}' is not a partner of project '{project.Id}'; the host must be one."];
        }

        var (start, end) = (project.Definition.StartDate, project.Definition.EndDate);
        var period = $"the project runs from {Day(start)} to {Day(end)}";
        if (details.EndDate < details.StartDate)
        {
            errors["endDate"] = ["Must not be before startDate."];
        }

        if (details.StartDate < start || details.StartDate > end)
        {
            errors["startDate"] = [$"Must be within the project: {period}."];
        }

        if ((details.EndDate < start || details.EndDate > end) && !errors.ContainsKey("endDate"))
        {
            errors["endDate"] = [$"Must be within the project: {period}."];
        }

        if (errors.Count > 0)
        {
            throw new DomainValidationException(errors);
        }
    }

    private EventDetails EnsureExists() =>
        @event.State.Details ?? throw new ResourceNotFoundException("event", Id);

    /// <summary>Only the host or the coordinator changes an event, at the version the client read, and never once cancelled.</summary>
    private EventDetails EnsureMayChange(Actor actor, string? expectedVersion)
    {
        var details = EnsureExists();
        if (!actor.IsCoordinator && !actor.Is(details.Host))
        {
            throw new ForbiddenException($"Only the host ('{details.Host}') or the coordinator may change this event.");
        }

        EnsureCurrent(expectedVersion);
        EnsureNotCancelled(details);
        return details;
    }

    private void EnsureCurrent(string? expectedVersion)
    {
        if (expectedVersion is not null && expectedVersion != @event.Etag)
        {
            throw new PreconditionFailedException($"Event '{Id}' changed since version {expectedVersion}; read it again.");
        }
    }

    private void EnsureNotCancelled(EventDetails details)
    {
        if (@event.State.Status == EventStatus.Cancelled)
        {
            throw new ConflictException($"\"{details.Title}\" was cancelled; a cancelled event cannot change or get participation.");
        }
    }

    private static string Dates(EventDetails details) =>
        details.StartDate == details.EndDate ? Day(details.StartDate) : $"{Day(details.StartDate)} to {Day(details.EndDate)}";

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private EventSnapshot Snapshot() => new(@event.State.ToSummary(Id), @event.Etag!);
}
