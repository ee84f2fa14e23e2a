using Collaboration.Grains.Access;
using Collaboration.Grains.Activity;
using Collaboration.Grains.Domain;
using Collaboration.Grains.Domain.Eligibility;
using Collaboration.Grains.Errors;
using Collaboration.Grains.Events;
using Collaboration.Grains.Indexing;
using Collaboration.Grains.Municipalities;
using Collaboration.Grains.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Collaboration.Grains.Projects;

[GrainType("project")]
public sealed class ProjectGrain([PersistentState("project", GrainStorage.Name)] IPersistentState<ProjectState> project, IGrainIndex index,
    [FromKeyedServices(DomainClock.Key)] TimeProvider clock) : Grain, IProjectGrain
{
    /// <summary>A bound on the grain's state; real networks have a handful to a few dozen partners.</summary>
    public const int MaxPartners = 100;

    // The last evaluation and what it was made of; kept in memory only, and reused while the facts are the same.
    private (EligibilityInput Input, EligibilityResult Result)? _lastEvaluation;

    // The last view and the answers it was made of: reused, without comparing facts, while the record is at the same
    // version and the indexes hand back the very same answers (a storage that caches them does until they change).
    private (ProjectView View, IReadOnlyList<EventSummary> Events, IReadOnlyDictionary<string, MunicipalitySummary> Network)? _lastView;

    private string Id => this.GetPrimaryKeyString();

    public async Task<ProjectSnapshot> CreateAsync(ProjectDefinition definition, Actor actor)
    {
        if (project.State.Definition is not null)
        {
            throw new ConflictException($"A project with id '{Id}' already exists.");
        }

        var partners = definition.Partners.Distinct(StringComparer.Ordinal).ToList();
        if (!partners.Contains(definition.Lead, StringComparer.Ordinal))
        {
            throw new DomainValidationException("lead", $"The lead '{definition.Lead}' must be one of the partners.");
        }

        if (partners.Count > MaxPartners)
        {
            throw new DomainValidationException("partners", $"A project has at most {MaxPartners} partners.");
        }

        var unknown = await FindUnknownAsync(partners);
        if (unknown.Count > 0)
        {
            throw new DomainValidationException("partners", $"Unknown partner(s): {string.Join(", ", unknown)}. Register them first.");
        }

        var now = clock.GetUtcNow();
        project.State.Definition = definition with { Partners = partners };
        project.State.CreatedAt = now;
        project.State.UpdatedAt = now;
        await project.WriteStateAndRecordAsync("project.created", actor, $"project/{Id}",
            $"Project {definition.Acronym} was registered with {partners.Count} partners, led by {definition.Lead}");
        return Snapshot();
    }

    public Task<ProjectSnapshot?> GetAsync() =>
        Task.FromResult(project.State.Definition is null ? null : Snapshot());

    public async Task<ProjectSnapshot> UpdateAsync(ProjectDetails details, string? expectedVersion, Actor actor)
    {
        var definition = EnsureMayAdminister(actor);
        if (expectedVersion is not null && expectedVersion != project.Etag)
        {
            throw new PreconditionFailedException($"Project '{Id}' changed since version {expectedVersion}; read it again.");
        }

        project.State.Definition = definition with
        {
            Acronym = details.Acronym,
            Title = details.Title,
            Call = details.Call,
            Strand = details.Strand,
            StartDate = details.StartDate,
            EndDate = details.EndDate,
            Themes = details.Themes,
            Summary = details.Summary,
        };
        project.State.UpdatedAt = clock.GetUtcNow();
        await project.WriteStateAndRecordAsync("project.updated", actor, $"project/{Id}", $"Project {details.Acronym} was updated ({details.Title})");
        return Snapshot();
    }

    public async Task<ProjectSnapshot> AddPartnerAsync(string municipalityId, Actor actor)
    {
        var definition = EnsureMayAdminister(actor);
        if (definition.Partners.Contains(municipalityId, StringComparer.Ordinal))
        {
            throw new ConflictException($"'{municipalityId}' is already a partner of '{Id}'.");
        }

        if (definition.Partners.Count >= MaxPartners)
        {
            throw new ConflictException($"Project '{Id}' already has the maximum of {MaxPartners} partners.");
        }

        if ((await FindUnknownAsync([municipalityId])).Count > 0)
        {
            throw new DomainValidationException("municipalityId", $"There is no partner '{municipalityId}'. Register it first.");
        }

        project.State.Definition = definition with { Partners = [.. definition.Partners, municipalityId] };
        project.State.UpdatedAt = clock.GetUtcNow();
        await project.WriteStateAndRecordAsync(
            "project.partnerAdded", actor, $"project/{Id}", $"{await index.PartnerNameAsync(municipalityId)} joined project {definition.Acronym}", municipalityId);
        return Snapshot();
    }

    public async Task<ProjectSnapshot> RemovePartnerAsync(string municipalityId, Actor actor)
    {
        var definition = EnsureMayAdminister(actor);
        if (!definition.Partners.Contains(municipalityId, StringComparer.Ordinal))
        {
            throw new ResourceNotFoundException($"partner of project '{Id}'", municipalityId);
        }

        if (definition.Lead == municipalityId)
        {
            throw new ConflictException($"'{municipalityId}' leads project '{Id}' and cannot be removed from it.");
        }

        project.State.Definition = definition with { Partners = definition.Partners.Where(p => p != municipalityId).ToList() };
        project.State.UpdatedAt = clock.GetUtcNow();
        await project.WriteStateAndRecordAsync(
            "project.partnerRemoved", actor, $"project/{Id}", $"{await index.PartnerNameAsync(municipalityId)} left project {definition.Acronym}", municipalityId);
        return Snapshot();
    }

    public async Task<ProjectView?> GetViewAsync()
    {
        if (project.State.Definition is null)
        {
            return null;
        }

        var events = await index.ProjectEventsAsync(Id);
        var network = await index.PartnersByIdAsync();
        if (_lastView is { } last && last.View.Snapshot.Version == project.Etag
            && ReferenceEquals(last.Events, events) && ReferenceEquals(last.Network, network))
        {
            return last.View;
        }

        var view = new ProjectView(Snapshot(), events.Select(e => e.Id).ToList(), Evaluate(project.State.Definition, events, network));
        _lastView = (view, events, network);
        return view;
    }

    public async Task<EligibilityResult> GetEligibilityAsync() =>
        (await GetViewAsync() ?? throw new ResourceNotFoundException("project", Id)).Eligibility;

    /// <summary>
    /// The rulebook applied to the project's partners and events, read from the indexes: event grains call their
    /// project, so the project never calls its events, and the partners' countries come from the partners index
    /// rather than from one grain call per partner.
    /// </summary>
    private EligibilityResult Evaluate(
        ProjectDefinition definition, IReadOnlyList<EventSummary> events, IReadOnlyDictionary<string, MunicipalitySummary> network)
    {
        var partners = new List<EligibilityPartner>(definition.Partners.Count);
        foreach (var partnerId in definition.Partners)
        {
            partners.Add(new EligibilityPartner(partnerId, network.TryGetValue(partnerId, out var partner) ? partner.Profile.Country : ""));
        }

        var input = new EligibilityInput(
            definition.Programme, definition.Measure, definition.Call, definition.StartDate, definition.EndDate, partners, EventEligibility.From(events, network));
        if (_lastEvaluation is { } last && last.Input.HasSameFactsAs(input))
        {
            return last.Result;
        }

        var result = EligibilityEvaluator.Default.Evaluate(input);
        _lastEvaluation = (input, result);
        return result;
    }

    private async Task<List<string>> FindUnknownAsync(IEnumerable<string> municipalityIds)
    {
        var unknown = new List<string>();
        foreach (var id in municipalityIds)
        {
            if (await GrainFactory.GetGrain<IMunicipalityGrain>(id).GetAsync() is null)
            {
                unknown.Add(id);
            }
        }

        return unknown;
    }

    private ProjectDefinition EnsureExists() =>
        project.State.Definition ?? throw new ResourceNotFoundException("project", Id);

    private ProjectDefinition EnsureMayAdminister(Actor actor)
    {
        var definition = EnsureExists();
        if (!actor.IsCoordinator && !actor.Is(definition.Lead))
        {
            throw new ForbiddenException($"Only the coordinator or the lead partner ('{definition.Lead}') may change project '{Id}'.");
        }

        return definition;
    }

    private ProjectSnapshot Snapshot() =>
        new(Id, project.State.Definition!, project.State.CreatedAt, project.State.UpdatedAt, project.Etag!);
}
