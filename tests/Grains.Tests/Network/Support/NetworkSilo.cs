using Collaboration.Grains.Access;
using Collaboration.Grains.Activity;
using Collaboration.Grains.Municipalities;
using Collaboration.Grains.Network;
using Collaboration.Grains.Tests.Agreements.Support;
using Collaboration.Grains.Storage;
using Collaboration.Grains.Errors;
using Collaboration.Grains.Indexing;
using Collaboration.Silo.Runtime;
using Collaboration.Silo.Storage.Memory;
using Microsoft.Extensions.DependencyInjection;
using Collaboration.Tests.Time;

namespace Collaboration.Grains.Tests.Network.Support;

/// <summary>
/// The domain's grains with the live feed and the network monitor over a memory storage and a stepping clock.
/// Two silos over one storage stand for a process before and after a restart.
/// </summary>
internal sealed class NetworkSilo : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2017, 10, 12, 9, 0, 0, TimeSpan.Zero);

    private readonly ServiceProvider _services;

    public NetworkSilo(MemoryStorage? storage = null, ManualTimeProvider? clock = null)
    {
        Storage = storage ?? new MemoryStorage();
        Clock = clock ?? new ManualTimeProvider(Start);
        var services = new ServiceCollection();
        services.AddSingleton<IGrainStateStore>(Storage);
        services.AddSingleton<IGrainIndex>(Storage);
        services.AddSingleton<IAppendLog>(Storage);
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton<ActivityFeed>();
        services.AddSingleton<NetworkMonitor>();
        services.AddSilo().AddGrainsFrom(typeof(ActivityLogGrain).Assembly);
        _services = services.BuildServiceProvider();
        Runtime = _services.GetRequiredService<GrainRuntime>();
    }

    public MemoryStorage Storage { get; }

    public ManualTimeProvider Clock { get; }

    public GrainRuntime Runtime { get; }

    public IGrainFactory Grains => Runtime;

    public ActivityFeed Feed => _services.GetRequiredService<ActivityFeed>();

    public NetworkMonitor Monitor => _services.GetRequiredService<NetworkMonitor>();

    public INetworkProjectionGrain Projection => Grains.GetGrain<INetworkProjectionGrain>(INetworkProjectionGrain.Key);

    public async Task AddMunicipalityAsync(string id, string country, string? name = null)
    {
        var profile = new MunicipalityProfile(name ?? id, country, PartnerKind.Municipality, null, null, null, [], null);
        await Grains.GetGrain<IMunicipalityGrain>(id).CreateAsync(profile, "key-hash-of-" + id, Actor.Coordinator);
    }

    public async ValueTask DisposeAsync()
    {
        await Runtime.StopAsync();
        await _services.DisposeAsync();
    }
}
