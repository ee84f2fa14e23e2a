using Collaboration.Grains.Access;
using Collaboration.Grains.Domain;
using Collaboration.Grains.Events;
using Collaboration.Grains.Municipalities;
using Collaboration.Grains.Projects;
using Collaboration.Grains.Tests.Support;

namespace Collaboration.Grains.Tests.Events;

/// <summary>A test's share of the grain cluster with a clock that stands still, and helpers to set up a network.</summary>
public sealed class EventsSilo(GrainCluster cluster) : ClusterScope(cluster, new DateTimeOffset(2026, 3, 2, 8, 30, 0, TimeSpan.Zero))
{
    public Task<MunicipalitySnapshot> PartnerAsync(string id, string country, string? name = null) =>
        Grains.GetGrain<IMunicipalityGrain>(id).CreateAsync(
            new MunicipalityProfile(name ?? id, country, PartnerKind.Municipality, null, null, null, [], null),
            $"hash-of-{id}",
            Actor.Coordinator);

    /// <summary>Registers the partners (id, country) and a project they form, the first one leading.</summary>
    public async Task<ProjectSnapshot> ProjectAsync(
        string id, Measure measure, DateOnly start, DateOnly end, params (string Id, string Country)[] partners)
    {
        foreach (var (partnerId, country) in partners)
        {
            await PartnerAsync(partnerId, country);
        }

        var definition = new ProjectDefinition(
            id.ToUpperInvariant(), $"Project {id}", Programme.EuropeForCitizens, measure, 2017, null, start, end,
            partners[0].Id, partners.Select(p => p.Id).ToList(), [], null);
        return await Grains.GetGrain<IProjectGrain>(id).CreateAsync(definition, Actor.Coordinator);
    }

    public IEventGrain Event(string id) => Grains.GetGrain<IEventGrain>(id);

    /// <summary>Records an event under a fresh id and returns its snapshot.</summary>
    public Task<EventSnapshot> CreateEventAsync(string projectId, EventDetails details, Actor actor) =>
        Event(EventIds.New(Clock.GetUtcNow())).CreateAsync(projectId, details, actor);
}
