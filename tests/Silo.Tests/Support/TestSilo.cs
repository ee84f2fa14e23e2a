using Collaboration.Silo.Runtime;
using Collaboration.Grains.Storage;
using Collaboration.Silo.Storage.Memory;
using Collaboration.Silo.Tests.Runtime;
using Collaboration.Tests.Time;
using Microsoft.Extensions.DependencyInjection;

namespace Collaboration.Silo.Tests.Support;

/// <summary>A grain runtime over the given storage (a fresh memory storage by default), with a manual clock.</summary>
public sealed class TestSilo : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    public TestSilo(IGrainStateStore? storage = null, Action<SiloOptions>? configure = null)
    {
        Storage = storage ?? new MemoryStorage();
        var services = new ServiceCollection();
        services.AddSingleton(Storage);
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton(Journal);
        services.AddSilo(configure).AddGrainsFrom(typeof(TestSilo).Assembly);
        _services = services.BuildServiceProvider();
        Runtime = _services.GetRequiredService<GrainRuntime>();
    }

    public ManualTimeProvider Clock { get; } = new();

    public ActivationJournal Journal { get; } = new();

    public IGrainStateStore Storage { get; }

    public GrainRuntime Runtime { get; }

    public IGrainFactory Grains => Runtime;

    public async ValueTask DisposeAsync()
    {
        await Runtime.StopAsync();
        await _services.DisposeAsync();
    }
}
