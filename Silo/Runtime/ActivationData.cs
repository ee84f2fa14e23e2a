namespace Collaboration.Silo.Runtime;

/// <summary>
/// One activation of a grain: its instance and the gate that lets one call in at a time. Status and
/// instance change only while the gate is held.
/// </summary>
internal sealed class ActivationData
{
    public ActivationData(GrainId grainId, GrainRuntime runtime, GrainClassInfo grainClass)
    {
        GrainId = grainId;
        Runtime = runtime;
        GrainClass = grainClass;
    }

    public GrainId GrainId { get; }

    public GrainRuntime Runtime { get; }

    public GrainClassInfo GrainClass { get; }

    public SemaphoreSlim Gate { get; } = new(1, 1);

    public ActivationStatus Status { get; set; }

    public Grain? Instance { get; set; }

    /// <summary>UTC ticks of the end of the last call, by the runtime's clock.</summary>
    public long LastUsedTicks { get; set; }

    public bool DeactivateOnIdleRequested { get; set; }
}
