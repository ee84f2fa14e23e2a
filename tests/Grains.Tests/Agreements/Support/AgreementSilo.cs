using Collaboration.Grains.Access;
using Collaboration.Grains.Agreements;
using Collaboration.Grains.Municipalities;
using Collaboration.Grains.Storage;
using Collaboration.Grains.Errors;
using Collaboration.Grains.Indexing;
using Collaboration.Silo.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Collaboration.Tests.Time;

namespace Collaboration.Grains.Tests.Agreements.Support;

/// <summary>
/// A grain runtime with the domain's grains over a (flaky) memory storage and a stepping clock. Two silos over
/// one storage stand for a process before and after a restart.
/// </summary>
internal sealed class AgreementSilo : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    public AgreementSilo(FlakyStorage? storage = null, ManualTimeProvider? clock = null)
    {
        Storage = storage ?? new FlakyStorage();
        Clock = clock ?? new ManualTimeProvider(Shelter.Drafted);
        var services = new ServiceCollection();
        services.AddSingleton<IGrainStateStore>(Storage);
        services.AddSingleton<IGrainIndex>(Storage);
        services.AddSingleton<IAppendLog>(Storage);
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSilo().AddGrainsFrom(typeof(AgreementGrain).Assembly);
        _services = services.BuildServiceProvider();
        Runtime = _services.GetRequiredService<GrainRuntime>();
    }

    public FlakyStorage Storage { get; }

    public ManualTimeProvider Clock { get; }

    public GrainRuntime Runtime { get; }

    public IGrainFactory Grains => Runtime;

    /// <summary>Registers partners of the network, as the coordinator does.</summary>
    public async Task AddMunicipalitiesAsync(params string[] ids)
    {
        foreach (var id in ids)
        {
            var profile = new MunicipalityProfile(id, "SI", PartnerKind.Municipality, null, null, null, [], null);
            await Grains.GetGrain<IMunicipalityGrain>(id).CreateAsync(profile, "key-hash-of-" + id, Actor.Coordinator);
        }
    }

    /// <summary>Lets every activation go idle past the collection age and collects them.</summary>
    public async Task CollectEverythingAsync()
    {
        Clock.Advance(new SiloOptions().CollectionAge);
        await Runtime.CollectIdleActivationsAsync();
        Assert.Equal(0, Runtime.ActivationCount);
    }

    public async ValueTask DisposeAsync()
    {
        await Runtime.StopAsync();
        await _services.DisposeAsync();
    }
}
