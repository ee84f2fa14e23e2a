using System.Globalization;
using Collaboration.Grains.Activity;
using Collaboration.Silo.Hosting;
using Collaboration.Silo.Storage.Memory;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.TestingHost;

namespace Collaboration.Grains.Tests.Cluster;

/// <summary>
/// An in-process cluster of two silos, each configured by <see cref="CollaborationSiloExtensions.AddCollaborationSilo"/>
/// and sharing one store, as the silos of a deployment share their Azure Table storage: for what must happen once per
/// cluster however many silos run.
/// </summary>
public sealed class TwoSilos : IAsyncLifetime
{
    private static readonly TimeSpan ResponseTimeout = TimeSpan.FromSeconds(5);
    private readonly MemoryStorage _storage = new();
    private InProcessTestCluster? _cluster;

    public InProcessTestCluster Cluster => _cluster ?? throw new InvalidOperationException("The cluster has not started.");

    /// <summary>The store both silos keep their states, indexes and logs in.</summary>
    public MemoryStorage Storage => _storage;

    public IReadOnlyList<IServiceProvider> Silos => [.. Cluster.Silos.Select(s => s.ServiceProvider)];

    /// <summary>Each silo's own feed of the records the activity log made durable in that silo.</summary>
    public IReadOnlyList<ActivityFeed> Feeds => [.. Silos.Select(s => s.GetRequiredService<ActivityFeed>())];

    public IClusterClient Client => Cluster.Client;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(2);
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureSilo((options, silo) =>
        {
            var configuration = new ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?>
                {
                    ["Collaboration:Storage:Provider"] = "Memory",
                    ["Collaboration:Orleans:SiloPort"] = options.SiloPort.ToString(CultureInfo.InvariantCulture),
                    ["Collaboration:Orleans:GatewayPort"] = options.GatewayPort.ToString(CultureInfo.InvariantCulture),
                    ["Collaboration:Orleans:ResponseTimeout"] = ResponseTimeout.ToString("c", CultureInfo.InvariantCulture),
                })
                .Build();
            silo.AddCollaborationSilo(configuration);

            // The one store of the cluster, instead of one per silo.
            silo.Services.AddSingleton(_storage);
        });
        builder.ConfigureClient(client => client.Configure<ClientMessagingOptions>(messaging => messaging.ResponseTimeout = 2 * ResponseTimeout));
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }

    /// <summary>The grains as called from inside silo <paramref name="silo"/>.</summary>
    public IGrainFactory GrainsOf(int silo) => Silos[silo].GetRequiredService<IGrainFactory>();
}
