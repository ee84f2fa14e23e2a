namespace Collaboration.Silo.Hosting;

/// <summary>How the silo and its clients reach each other (<c>Collaboration:Orleans</c>).</summary>
public sealed class OrleansOptions
{
    public const string Section = "Collaboration:Orleans";

    /// <summary>Whether the Api runs a silo in its own process or connects to silos elsewhere as an Orleans client.</summary>
    public OrleansMode Mode { get; set; } = OrleansMode.CoHosted;

    /// <summary>
    /// Whether silos collect the Orleans dashboard's figures (a filter on every grain call) and the Api serves it at
    /// <c>/orleans</c>. A front in client mode shows it only when its silos collect them.
    /// </summary>
    public bool Dashboard { get; set; } = true;

    /// <summary>The port silos talk to each other on.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>The port Orleans clients (an Api in client mode) connect to.</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>How long a grain call may take before the caller gets a <see cref="TimeoutException"/>; a call cycle waits this long.</summary>
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>An activation idle for this long is collected.</summary>
    public TimeSpan CollectionAge { get; set; } = TimeSpan.FromMinutes(15);
}
