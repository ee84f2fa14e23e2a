using System.Globalization;
using Collaboration.Grains.Activity;
using Collaboration.Grains.Domain;
using Collaboration.Grains.Queries;
using Collaboration.Grains.Storage;
using Collaboration.Silo.Hosting;
using Collaboration.Silo.Storage;
using Collaboration.Silo.Storage.Memory;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Metadata;
using Orleans.TestingHost;

namespace Collaboration.Grains.Tests.Support;

/// <summary>
/// One in-process Orleans cluster (one silo) for every grain test of this assembly, configured by the silo's own
/// <see cref="CollaborationSiloExtensions.AddCollaborationSilo"/> over memory storage. Tests share it one at a time
/// (the <see cref="Collection"/> collection) and keep apart by ids that carry their own <see cref="NewTag">tag</see>;
/// a test reading a whole index reads it through a <see cref="ScopedIndex"/> of its tag.
/// </summary>
/// <remarks>
/// Test-only additions to the real configuration: the domain's clock (<see cref="DomainClock"/>) is the running
/// test's clock (<see cref="TestClock"/>) while Orleans's own timers stay on real time; state writes and log appends go
/// through <see cref="FlakyStorage"/>, which passes them to the memory storage unless a test switches them off; calls
/// time out after <see cref="ResponseTimeout"/>, so a call cycle fails fast.
/// </remarks>
public sealed class GrainCluster : IAsyncLifetime
{
    public const string Collection = "Grain cluster";

    /// <summary>How long a grain call may wait for its answer in the silo (a call cycle fails after this).</summary>
    public static readonly TimeSpan ResponseTimeout = TimeSpan.FromSeconds(5);

    /// <summary>The grain classes of the Grains assembly.</summary>
    private static readonly Type[] GrainClasses = typeof(IndexQueryGrain).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(Grain).IsAssignableFrom(t))
        .ToArray();

    private int _lastTag;
    private InProcessTestCluster? _cluster;

    /// <summary>The domain's time in the silo: the clock of the test that runs now.</summary>
    public TestClock Clock { get; } = new();

    public InProcessTestCluster Cluster => _cluster ?? throw new InvalidOperationException("The cluster has not started.");

    /// <summary>An Orleans client of the cluster: every call crosses serialization, as the Api's calls do in client mode.</summary>
    public IClusterClient Client => Cluster.Client;

    /// <summary>
    /// The grains as the tests call them: through the <see cref="Client"/>, so that every argument, result and error of
    /// every test crosses serialization. (The Api's co-hosted mode, calling from the silo's process, is the Api tests'.)
    /// </summary>
    public IGrainFactory Grains => Client;

    /// <summary>The indexes as the Api reads them: through the silo's index query grain.</summary>
    public IndexClient Index { get; private set; } = null!;

    /// <summary>The services of the one silo.</summary>
    public IServiceProvider Silo => Cluster.Silos[0].ServiceProvider;

    /// <summary>The silo's storage itself (states, indexes, logs), for reading what was stored.</summary>
    public MemoryStorage Storage => Silo.GetRequiredService<MemoryStorage>();

    /// <summary>The switches that make the silo's state writes or log appends fail.</summary>
    public FlakyStorage Faults => Silo.GetRequiredService<FlakyStorage>();

    /// <summary>The silo's live activity feed.</summary>
    public ActivityFeed Feed => Silo.GetRequiredService<ActivityFeed>();

    /// <summary>Which grain methods the client calls, while a test records them.</summary>
    public ClientCallRecorder ClientCalls { get; } = new();

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureSilo(ConfigureSilo);
        builder.ConfigureClient(client =>
        {
            client.Configure<ClientMessagingOptions>(messaging => messaging.ResponseTimeout = 2 * ResponseTimeout);
            client.AddOutgoingGrainCallFilter(ClientCalls.InvokeAsync);
        });
        _cluster = builder.Build();
        await _cluster.DeployAsync();
        Index = new IndexClient(Client);
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }

    /// <summary>
    /// A tag no other test of this run has: ids built with it (<c>kelme-t0007</c>) are this test's alone. Fixed width,
    /// so that no tag is the beginning of another.
    /// </summary>
    public string NewTag() => "t" + Interlocked.Increment(ref _lastTag).ToString("D4", CultureInfo.InvariantCulture);

    /// <summary>Deactivates every idle activation of the silo and waits until they are gone, as idle collection would.</summary>
    public Task CollectEverythingAsync() =>
        Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

    /// <summary>Deactivates the grain's activation, if it has one, and waits until it is gone.</summary>
    public Task DeactivateAsync(IAddressable grain) => Cluster.DeactivateAsync(grain);

    /// <summary>
    /// Completes when the grain's activation, if it has one, has deactivated; fails after <paramref name="timeout"/>
    /// (<see cref="ResponseTimeout"/> by default) should it never deactivate.
    /// </summary>
    public Task WaitForDeactivationAsync(IAddressable grain, TimeSpan? timeout = null) =>
        Cluster.WaitForDeactivationAsync(grain).WaitAsync(timeout ?? ResponseTimeout);

    /// <summary>Whether the grain has an activation now.</summary>
    public bool IsActive(IAddressable grain) => Cluster.TryGetGrainContext(grain.GetGrainId(), out _);

    /// <summary>The grain types of this project's grains that have activations now, each once, in order.</summary>
    public async Task<IReadOnlyList<string>> ActiveGrainTypesAsync()
    {
        var management = Grains.GetGrain<IManagementGrain>(0);
        var resolver = Silo.GetRequiredService<GrainTypeResolver>();
        var active = new List<string>();
        foreach (var type in GrainClasses.Select(resolver.GetGrainType))
        {
            if ((await management.GetActiveGrains(type)).Count > 0)
            {
                active.Add(type.ToString()!);
            }
        }

        return [.. active.Order(StringComparer.Ordinal)];
    }

    private void ConfigureSilo(InProcessTestSiloSpecificOptions options, ISiloBuilder silo)
    {
        // The settings a deployment would give, with the ports the test cluster chose for this silo (its transport is in memory).
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Collaboration:Storage:Provider"] = "Memory",
                ["Collaboration:Orleans:SiloPort"] = options.SiloPort.ToString(CultureInfo.InvariantCulture),
                ["Collaboration:Orleans:GatewayPort"] = options.GatewayPort.ToString(CultureInfo.InvariantCulture),
                ["Collaboration:Orleans:ResponseTimeout"] = ResponseTimeout.ToString("c", CultureInfo.InvariantCulture),
            })
            .Build();

        // The domain's clock, registered before AddCollaborationSilo, whose TryAdd of TimeProvider.System then leaves it
        // in place. Orleans's own TimeProvider (unkeyed, and its keyed areas) is not touched: it stays on real time.
        silo.Services.AddKeyedSingleton<TimeProvider>(DomainClock.Key, Clock);
        silo.AddCollaborationSilo(configuration);

        // The grain storage and the grains resolve the last registration: the flaky wrapper over the same memory storage.
        silo.Services.AddSingleton(provider => new FlakyStorage(provider.GetRequiredService<MemoryStorage>()));
        silo.Services.AddSingleton<IGrainStateStore>(provider => provider.GetRequiredService<FlakyStorage>());
        silo.Services.AddSingleton<IAppendLog>(provider => provider.GetRequiredService<FlakyStorage>());
    }
}

[CollectionDefinition(GrainCluster.Collection)]
public sealed class GrainClusterCollection : ICollectionFixture<GrainCluster>;
