using Collaboration.Grains.Access;
using Collaboration.Grains.Domain;
using Collaboration.Grains.Events;
using Collaboration.Grains.Municipalities;
using Collaboration.Grains.Projects;
using Collaboration.Grains.Storage;
using Collaboration.Grains.Errors;
using Collaboration.Grains.Indexing;
using Collaboration.Silo.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Collaboration.Tests.Time;

namespace Collaboration.Grains.Tests.Events;

/// <summary>The domain's grains on a silo over memory storage, with a clock that stands still, and helpers to set up a network.</summary>
public sealed class EventsSilo : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    public EventsSilo()
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddMemoryStorage();
        services.AddSilo().AddGrainsFrom(typeof(EventGrain).Assembly);
        _services = services.BuildServiceProvider();
        Runtime = _services.GetRequiredService<GrainRuntime>();
        Index = _services.GetRequiredService<IGrainIndex>();
    }

    public ManualTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 8, 30, 0, TimeSpan.Zero));

    public GrainRuntime Runtime { get; }

    public IGrainFactory Grains => Runtime;

    public IGrainIndex Index { get; }

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

    public async ValueTask DisposeAsync()
    {
        await Runtime.StopAsync();
        await _services.DisposeAsync();
    }
}
