using System.Reflection;

namespace Collaboration.Silo;

/// <summary>Settings of the grain runtime.</summary>
public sealed class SiloOptions
{
    /// <summary>An activation idle for this long is collected (Orleans's default is 15 minutes too).</summary>
    public TimeSpan CollectionAge { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often the collector looks for idle activations.</summary>
    public TimeSpan CollectionQuantum { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long shutdown waits for running calls before it deactivates regardless.</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Assemblies scanned for grain classes.</summary>
    public IList<Assembly> GrainAssemblies { get; } = [];
}
