using System.Globalization;
using Collaboration.Tests.Azurite;
using Collaboration.Tests.Network;

namespace Collaboration.EndToEnd.Tests.Support;

/// <summary>
/// A cluster on this machine, every part a real process: Azurite, two fronts that co-host a silo each and one front in
/// client mode, all on Azure Table clustering and storage in that Azurite, each on free loopback ports. Membership is
/// set to notice a dead silo within a few seconds (<see cref="MembershipSettings"/>; the defaults take about a
/// minute). Disposing it kills every process it started, whatever state a failed test left them in.
/// </summary>
public sealed class FrontCluster : IAsyncDisposable
{
    /// <summary>How long a grain call may wait: what a hung silo may cost a caller.</summary>
    public static readonly TimeSpan ResponseTimeout = TimeSpan.FromSeconds(4);

    private readonly AzuriteServer _azurite;
    private readonly TemporaryFolder _folder = new();
    private readonly string _clusterId = "e2e-" + Guid.NewGuid().ToString("N")[..8];
    private readonly List<ApiProcess> _started = [];

    private FrontCluster(AzuriteServer azurite) => _azurite = azurite;

    /// <summary>The first front that co-hosts a silo.</summary>
    public Front First { get; private set; } = null!;

    /// <summary>The second front that co-hosts a silo.</summary>
    public Front Second { get; private set; } = null!;

    /// <summary>The front that is an Orleans client of the two silos.</summary>
    public Front Client { get; private set; } = null!;

    public IReadOnlyList<Front> Fronts => [First, Second, Client];

    /// <summary>
    /// Orleans's membership settings for the test: a silo that misses two probes of a second is voted dead by one
    /// other (Orleans's defaults: 5 s probes, three missed, two votes, the table read every minute).
    /// </summary>
    public static IReadOnlyDictionary<string, string> MembershipSettings { get; } = new Dictionary<string, string>
    {
        ["Collaboration:Cluster:Membership:ProbeTimeout"] = "00:00:01",
        ["Collaboration:Cluster:Membership:NumMissedProbesLimit"] = "2",
        ["Collaboration:Cluster:Membership:NumVotesForDeathDeclaration"] = "1",
        ["Collaboration:Cluster:Membership:IAmAliveTablePublishTimeout"] = "00:00:05",
        ["Collaboration:Cluster:Membership:TableRefreshTimeout"] = "00:00:05",
    };

    public static async Task<FrontCluster> StartAsync()
    {
        var cluster = new FrontCluster(await AzuriteServer.StartAsync());
        try
        {
            // The silos first (side by side: a cluster forms from any number joining at once), then the client, which
            // finds their gateways in the membership table.
            var silos = await Task.WhenAll(cluster.StartFrontAsync("first", coHosted: true), cluster.StartFrontAsync("second", coHosted: true));
            cluster.First = silos[0];
            cluster.Second = silos[1];
            cluster.Client = await cluster.StartFrontAsync("client", coHosted: false);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts <paramref name="front"/>'s process again (after a kill), on the same ports and data folder.</summary>
    public async Task RestartAsync(Front front)
    {
        ArgumentNullException.ThrowIfNull(front);
        await front.Process.KillAsync();
        front.Process = await StartProcessAsync(front.Name, front.Settings);
    }

    public async ValueTask DisposeAsync()
    {
        List<ApiProcess> started;
        lock (_started)
        {
            started = [.. _started];
        }

        foreach (var process in started)
        {
            await process.DisposeAsync();
        }

        await _azurite.DisposeAsync();
        _folder.Dispose();
    }

    private async Task<Front> StartFrontAsync(string name, bool coHosted)
    {
        var settings = new Dictionary<string, string>(MembershipSettings)
        {
            ["Collaboration:Storage:Provider"] = "AzureTable",
            ["Collaboration:Storage:ConnectionString"] = _azurite.ConnectionString,
            ["Collaboration:Cluster:Provider"] = "AzureTable",
            ["Collaboration:Cluster:ClusterId"] = _clusterId,
            ["Collaboration:Cluster:AdvertisedAddress"] = "127.0.0.1",
            ["Collaboration:Cluster:GatewayListRefreshPeriod"] = "00:00:05",
            ["Collaboration:Orleans:ResponseTimeout"] = ResponseTimeout.ToString("c", CultureInfo.InvariantCulture),
            ["Collaboration:Orleans:SiloPort"] = FreePorts.Next().ToString(CultureInfo.InvariantCulture),
            ["Collaboration:Orleans:GatewayPort"] = FreePorts.Next().ToString(CultureInfo.InvariantCulture),
            ["Collaboration:Limits:RequestsPerWindow"] = "1000000",
        };
        if (!coHosted)
        {
            settings["Collaboration:Orleans:Mode"] = "Client";
        }

        return new Front(name, settings, await StartProcessAsync(name, settings));
    }

    private async Task<ApiProcess> StartProcessAsync(string name, IReadOnlyDictionary<string, string> settings)
    {
        var process = await ApiProcess.StartAsync(Path.Combine(_folder.Path, name), settings);
        lock (_started)
        {
            _started.Add(process);
        }

        return process;
    }

    /// <summary>One front: its name, its settings (kept for a restart) and its process now.</summary>
    public sealed class Front(string name, IReadOnlyDictionary<string, string> settings, ApiProcess process)
    {
        public string Name { get; } = name;

        public IReadOnlyDictionary<string, string> Settings { get; } = settings;

        public ApiProcess Process { get; internal set; } = process;

        public HttpClient CreateClient(string? apiKey, TimeSpan? timeout = null) => Process.CreateClient(apiKey, timeout);

        public override string ToString() => Name;
    }
}
